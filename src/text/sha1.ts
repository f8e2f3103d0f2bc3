// SHA-1 of a UTF-8 string, as lower-case hex (FIPS 180-4). Only `--sisimai`'s
// token needs it; written out here so the CLI bundle does not load node:crypto
// on every start (a raw SMTP string's run is ~30 ms, docs/performance.md).
// Not for security: SHA-1 only names a bounce the way Sisimai's token does.

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export function sha1Hex(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  // Padding: a 1 bit, zeros, the length in bits as 64 bits, to a multiple of 64 bytes.
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const data = Buffer.alloc(length);
  bytes.copy(data);
  data[bytes.length] = 0x80;
  const bits = bytes.length * 8;
  data.writeUInt32BE(Math.floor(bits / 0x100000000), length - 8);
  data.writeUInt32BE(bits >>> 0, length - 4);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Array<number>(80).fill(0);
  for (let block = 0; block < length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = data.readUInt32BE(block + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const t = (rotl(a, 5) + f + e + k + (w[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}
