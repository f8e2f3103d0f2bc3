// Reading back the ISO 8601 dates whybounce writes ("2026-11-03T09:14:02+01:00").

/** Epoch seconds and the offset as "+0100" of an ISO 8601 date with an offset; null when it is not one. */
export function parseIsoOffset(iso: string): { epoch: number; offset: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const minutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return { epoch: Math.floor(local / 1000) - minutes * 60, offset: `${sign ?? '+'}${oh ?? '00'}${om ?? '00'}` };
}
