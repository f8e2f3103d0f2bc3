import type { Candidate, Extractor } from '../types';
import { MAX_HEADING_SEARCH_LINES } from '../limits';
import { splitLines } from '../text/lines';
import { candidateOf, NOTICE, uniqueByRecipient } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, openEntry, type ListEntry } from './shared/recipients';

// The heading of the part of an Exchange 2007+ / Exchange Online (Office 365,
// Outlook.com) report written for administrators, in the languages Exchange
// localises it to. The lines after it hold the server's reply per recipient.
const ADMIN_HEADINGS = [
  'diagnostic information for administrators',
  'informazioni di diagnostica per gli amministratori',
  'diagnoseinformationen für administratoren',
  'informations de diagnostic pour les administrateurs',
  'información de diagnóstico para administradores',
  'informações de diagnóstico para administradores',
  'diagnostische gegevens voor beheerders',
  '管理者向けの診断情報',
] as const;

// "Generating server: mail.example.com" (and its translations) — the server that wrote the report.
const GENERATING = /^(?:Generating server|Server di generazione|Generierender Server|Serveur de g[ée]n[ée]ration|Servidor de generaci[óo]n|Servidor gerador|Genererende server|生成サーバー)\s?:/i;
// "Receiving server: mx.example.net (192.0.2.1)" — the server that refused the message.
const RECEIVING = /^(?:Receiving server|Server di ricezione|Empfangender Server|Serveur de r[ée]ception|Servidor de recepci[óo]n|Servidor receptor|Ontvangende server|受信サーバー)\s?:\s?([A-Z0-9][A-Z0-9.-]{0,252})/i;
// A recipient line: the address alone, as Exchange writes it ("kijitora@example.jp").
const RECIPIENT_LINE = /^([^\s<>]{1,64}@[^\s<>]{1,253})$/;
// "… returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'" — Exchange quotes the reply.
const RETURNED = /\breturned '(.{1,2000})'$/;
// "Remote Server at mx.example.net (192.0.2.1) returned …"
const REMOTE_AT = /\bRemote Server at ([A-Z0-9][A-Z0-9.-]{0,252})/i;
// The copy of the original headers that ends the section ("Original message headers:", "Received: …").
const HEADER_LINE = /^(?:Received|Return-Path|Date|From|To|Subject|Message-ID|MIME-Version|Content-Type|DKIM-Signature|X-[\w-]{1,60}):/i;
const LABEL_LINE = /^[^@:]{3,60}:$/;

function isAdminHeading(line: string): boolean {
  const lower = line.toLowerCase();
  return ADMIN_HEADINGS.some((h) => lower.startsWith(h));
}

/**
 * "#550 5.2.2 STOREDRV.Deliver: mailbox full. ##rfc822;kijitora@example.jp" → the
 * reply without Exchange's "#" and "##rfc822;…" wrappers.
 */
function replyOf(line: string): string {
  const quoted = RETURNED.exec(line)?.[1];
  if (quoted !== undefined) return quoted;
  const hashes = line.indexOf(' ##');
  const text = hashes === -1 ? line : line.slice(0, hashes);
  return text.replace(/^#/, '');
}

/**
 * Exchange 2007 and later (on premises, Office 365, Outlook.com), in any language:
 *
 *   Diagnostic information for administrators:
 *
 *   Generating server: mail.example.com
 *
 *   kijitora@example.jp
 *   Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
 *
 * or "#550 5.2.2 STOREDRV.Deliver: mailbox full. ##rfc822;kijitora@example.jp".
 * Read only when there is no RFC 3464 part, which says the same in fields.
 */
export const exchange2007: Extractor = {
  id: 'exchange2007',
  matches: (email) => splitLines(email.text, MAX_HEADING_SEARCH_LINES).some((l) => isAdminHeading(l.trim())),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const delayed = /\bdelayed\b|\bverzögert\b|\bretardée?\b|\britardat/i.test(email.text.slice(0, 1500));
    const found: ListEntry[] = [];
    let started = false;
    let receiving: string | null = null;
    for (const raw of noticeLines(email)) {
      const line = raw.trim();
      if (!started) {
        started = isAdminHeading(line);
        continue;
      }
      if (line === '' || GENERATING.test(line)) continue;
      const rcv = RECEIVING.exec(line)?.[1];
      if (rcv !== undefined) {
        receiving = rcv;
        continue;
      }
      if (HEADER_LINE.test(line)) break;
      const opened = openEntry(found, line, RECIPIENT_LINE, excluded);
      if (opened === 'full') break;
      if (opened === 'opened') continue;
      const current = found[found.length - 1];
      if (current === undefined) continue;
      if (LABEL_LINE.test(line) && current.lines.length > 0) break;
      current.lines.push(line);
    }
    const out: Candidate[] = found.map(({ recipient, lines }) => {
      // Several dated attempts: the first is the latest; its reply decides.
      const first = lines[0] ?? '';
      return candidateOf('exchange2007', {
        recipient,
        diagnostic: replyOf(first),
        cls: delayed ? '4' : '5',
        remoteMta: REMOTE_AT.exec(first)?.[1] ?? receiving,
      }, NOTICE);
    });
    return uniqueByRecipient(out);
  },
};
