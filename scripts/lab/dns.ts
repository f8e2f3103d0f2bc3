// The lab's own DNS server: a tiny UDP responder for the zone lab.example,
// bound to 127.0.0.1:53 inside the lab's network namespace. It answers A, MX
// and TXT questions from a fixed table and NXDOMAIN for every other name, so the
// mail servers under test never ask the machine's resolver.
import { createSocket, type Socket } from 'node:dgram';

export interface ZoneRecord {
  a?: string[];
  mx?: Array<{ pref: number; host: string }>;
  txt?: string[];
}

const TYPE_A = 1;
const TYPE_MX = 15;
const TYPE_TXT = 16;

function readName(buf: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = start;
  for (let guard = 0; guard < 64; guard++) {
    const len = buf[i] ?? 0;
    if (len === 0) return { name: labels.join('.').toLowerCase(), end: i + 1 };
    if (len >= 0xc0) throw new Error('compressed name in a question');
    labels.push(buf.toString('latin1', i + 1, i + 1 + len));
    i += 1 + len;
  }
  throw new Error('name too long');
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((p) => p !== '');
  const bufs = parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'latin1')]));
  return Buffer.concat([...bufs, Buffer.from([0])]);
}

function rr(name: string, type: number, rdata: Buffer): Buffer {
  const head = Buffer.alloc(10);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(1, 2); // class IN
  head.writeUInt32BE(60, 4); // TTL
  head.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([encodeName(name), head, rdata]);
}

/** Builds the answer packet for one query packet; exported for the tests. */
export function answer(query: Buffer, zone: Map<string, ZoneRecord>): Buffer | null {
  if (query.length < 12) return null;
  const qd = query.readUInt16BE(4);
  if (qd !== 1) return null;
  const { name, end } = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const rec = zone.get(name);
  const answers: Buffer[] = [];
  if (rec !== undefined) {
    if (qtype === TYPE_A) {
      for (const ip of rec.a ?? []) answers.push(rr(name, TYPE_A, Buffer.from(ip.split('.').map(Number))));
    } else if (qtype === TYPE_MX) {
      for (const mx of rec.mx ?? []) {
        const pref = Buffer.alloc(2);
        pref.writeUInt16BE(mx.pref, 0);
        answers.push(rr(name, TYPE_MX, Buffer.concat([pref, encodeName(mx.host)])));
      }
    } else if (qtype === TYPE_TXT) {
      for (const t of rec.txt ?? []) {
        const s = Buffer.from(t, 'latin1');
        answers.push(rr(name, TYPE_TXT, Buffer.concat([Buffer.from([s.length]), s])));
      }
    }
  }
  const head = Buffer.alloc(12);
  head.writeUInt16BE(query.readUInt16BE(0), 0); // id
  const rd = query.readUInt16BE(2) & 0x0100;
  const rcode = rec === undefined ? 3 : 0; // NXDOMAIN for unknown names
  head.writeUInt16BE(0x8000 | 0x0400 | rd | 0x0080 | rcode, 2); // QR, AA, RD copied, RA
  head.writeUInt16BE(1, 4);
  head.writeUInt16BE(answers.length, 6);
  return Buffer.concat([head, question, ...answers]);
}

export function startDns(host: string, port: number, zone: Map<string, ZoneRecord>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const sock = createSocket('udp4');
    sock.on('message', (msg, rinfo) => {
      let out: Buffer | null;
      try {
        out = answer(msg, zone);
      } catch {
        out = null;
      }
      if (out !== null) sock.send(out, rinfo.port, rinfo.address);
    });
    sock.once('error', reject);
    sock.bind(port, host, () => { resolve(sock); });
  });
}
