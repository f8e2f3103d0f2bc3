// The lab's fake "remote side": small SMTP servers in Node that answer with
// scripted replies, so the real mail server under test meets a known failure
// and writes the bounce itself. The same code also runs the collector, the
// server that receives the bounces (every reply is 250) and keeps each
// message, and the client that submits the test messages.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Resolver } from 'node:dns/promises';

export interface Received {
  mailFrom: string;
  rcptTo: string[];
  data: string;
  at: number;
}

/** What the remote side answers, chosen by the address it listens on and the recipient. */
export interface RemoteScript {
  /** Reply to MAIL FROM, or null to accept. */
  onMail?: (from: string, clientIp: string) => Promise<string | null> | string | null;
  /** Reply to RCPT TO, or null to accept. `count` is how many were accepted in this transaction. */
  onRcpt?: (rcpt: string, count: number, clientIp: string) => Promise<string | null> | string | null;
  /** Reply at the end of DATA, or null to accept. */
  onData?: (rcpts: string[], size: number) => string | null;
  /** Extra EHLO keywords (e.g. SIZE 2000, DSN). */
  ehlo?: string[];
}

const MAX_LINE = 10_000;

export function startSmtp(
  host: string,
  port: number,
  banner: string,
  script: RemoteScript,
  onMessage: (m: Received) => void,
): Promise<Server> {
  const server = createServer((sock) => { serve(sock, banner, script, onMessage); });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { resolve(server); });
  });
}

function serve(sock: Socket, banner: string, script: RemoteScript, onMessage: (m: Received) => void): void {
  const clientIp = (sock.remoteAddress ?? '').replace(/^::ffff:/, '');
  let buf = '';
  let inData = false;
  let data: string[] = [];
  let from: string | null = null;
  let rcpts: string[] = [];
  let busy = Promise.resolve();
  const say = (l: string): void => {
    if (!sock.destroyed) sock.write(l + '\r\n');
  };
  sock.setTimeout(60_000, () => sock.destroy());
  sock.on('error', () => sock.destroy());
  say(`220 ${banner} ESMTP lab`);

  const handle = async (line: string): Promise<void> => {
    if (inData) {
      if (line === '.') {
        inData = false;
        const text = data.join('\r\n') + '\r\n';
        const reply = script.onData?.(rcpts, text.length) ?? null;
        if (reply === null && from !== null) {
          onMessage({ mailFrom: from, rcptTo: rcpts, data: text, at: Date.now() });
          say('250 2.0.0 Ok: queued as LAB');
        } else say(reply ?? '503 5.5.1 Error: no sender');
        from = null;
        rcpts = [];
        data = [];
      } else data.push(line.startsWith('..') ? line.slice(1) : line);
      return;
    }
    const verb = line.slice(0, 4).toUpperCase();
    const arg = line.slice(5);
    if (verb === 'EHLO') {
      const kw = ['8BITMIME', 'ENHANCEDSTATUSCODES', 'PIPELINING', ...(script.ehlo ?? [])];
      say(`250-${banner}`);
      kw.forEach((k, i) => { say(`250${i === kw.length - 1 ? ' ' : '-'}${k}`); });
    } else if (verb === 'HELO') say(`250 ${banner}`);
    else if (verb === 'MAIL') {
      const addr = angle(arg);
      const r = (await script.onMail?.(addr, clientIp)) ?? null;
      if (r === null) {
        from = addr;
        rcpts = [];
        say('250 2.1.0 Ok');
      } else say(r);
    } else if (verb === 'RCPT') {
      if (from === null) {
        say('503 5.5.1 Error: need MAIL command');
        return;
      }
      const addr = angle(arg);
      const r = (await script.onRcpt?.(addr, rcpts.length, clientIp)) ?? null;
      if (r === null) {
        rcpts.push(addr);
        say('250 2.1.5 Ok');
      } else say(r);
    } else if (verb === 'DATA') {
      if (rcpts.length === 0) {
        say('554 5.5.1 Error: no valid recipients');
        return;
      }
      inData = true;
      say('354 End data with <CR><LF>.<CR><LF>');
    } else if (verb === 'RSET') {
      from = null;
      rcpts = [];
      say('250 2.0.0 Ok');
    } else if (verb === 'NOOP') say('250 2.0.0 Ok');
    else if (verb === 'QUIT') {
      say('221 2.0.0 Bye');
      sock.end();
    } else say('502 5.5.2 Error: command not recognized');
  };

  sock.on('data', (chunk) => {
    buf += chunk.toString('latin1');
    if (buf.length > 50_000_000) return sock.destroy();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      if (!inData && line.length > MAX_LINE) continue;
      busy = busy.then(() => handle(line)).catch(() => {
        sock.destroy();
      });
    }
  });
}

function angle(arg: string): string {
  const m = /<([^<>]*)>/.exec(arg);
  return (m?.[1] ?? arg.replace(/^[A-Z]+:/i, '').trim()).toLowerCase();
}

/** A DNSBL look-up of the client's IPv4 address in `zone`, through the lab's DNS server only. */
export async function listedIn(ip: string, zone: string, dnsServer: string): Promise<boolean> {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([dnsServer]);
  const name = ip.split('.').reverse().join('.') + '.' + zone;
  try {
    const a = await r.resolve4(name);
    return a.length > 0;
  } catch {
    return false;
  }
}

/** A small SPF check: only `ip4:` and `-all` are understood (enough for the lab's own record). */
export async function spfPasses(domain: string, ip: string, dnsServer: string): Promise<boolean> {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([dnsServer]);
  let records: string[][];
  try {
    records = await r.resolveTxt(domain);
  } catch {
    return true; // no record: neutral, not a failure
  }
  const spf = records.map((c) => c.join('')).find((t) => t.startsWith('v=spf1'));
  if (spf === undefined) return true;
  return spf.split(/\s+/).some((term) => term === `ip4:${ip}`);
}

export interface Submission {
  from: string;
  rcpts: Array<{ addr: string; notify?: string }>;
  data: string;
  ret?: 'HDRS' | 'FULL';
  envid?: string;
}

/** Submits one message over SMTP; resolves with the replies to each command, rejects on a 4xx/5xx. */
export function submit(host: string, port: number, sub: Submission, timeoutMs = 20_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, host);
    const replies: string[] = [];
    const lines: string[] = [];
    const ext = (s: string): boolean => /\bDSN\b/.test(s);
    let dsn = false;
    let buf = '';
    let step = 0;
    let cur = '';
    const steps: Array<() => string> = [
      () => 'EHLO client.lab.example',
      () => {
        const extras = dsn ? `${sub.ret ? ` RET=${sub.ret}` : ''}${sub.envid ? ` ENVID=${sub.envid}` : ''}` : '';
        return `MAIL FROM:<${sub.from}>${extras}`;
      },
      ...sub.rcpts.map((r) => () => `RCPT TO:<${r.addr}>${dsn && r.notify ? ` NOTIFY=${r.notify}` : ''}`),
      () => 'DATA',
      () => sub.data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..') + '\r\n.',
      () => 'QUIT',
    ];
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`submit timed out: ${replies.join(' | ')}`));
    }, timeoutMs);
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    sock.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).replace(/\r$/, '');
        buf = buf.slice(i + 1);
        lines.push(line);
        cur += line + '\n';
        if (line[3] === '-') continue;
        replies.push(cur.trim());
        if (ext(cur) && step === 1) dsn = true;
        const code = Number(line.slice(0, 3));
        cur = '';
        if (code >= 400) {
          clearTimeout(timer);
          sock.destroy();
          reject(new Error(`submission refused: ${replies.join(' | ')}`));
          return;
        }
        const next = steps[step++];
        if (next === undefined) {
          clearTimeout(timer);
          sock.end();
          resolve(replies);
          return;
        }
        sock.write(next() + '\r\n');
      }
    });
  });
}
