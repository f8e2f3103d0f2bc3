import type { BounceEmail, Candidate, Extractor } from '../types';
import { deliveryStatus } from './delivery-status';
import { textScan } from './text-scan';
import { arf } from './arf';
import { rfc3834 } from './rfc3834';
import { challengeResponse } from './challenge-response';
import { messagelabs } from './messagelabs';
import { mcafee } from './mcafee';
import { surfcontrol } from './surfcontrol';
import { barracuda } from './barracuda';
import { interscanmss } from './interscanmss';
import { amazonses } from './amazonses';
import { amazonworkmail } from './amazonworkmail';
import { einsundeins } from './einsundeins';
import { exchange2003 } from './exchange2003';
import { exchange2007 } from './exchange2007';
import { ezweb } from './ezweb';
import { gmail } from './gmail';
import { gmx } from './gmx';
import { googlegroups } from './googlegroups';
import { kddi } from './kddi';
import { mailru } from './mailru';
import { sendgrid } from './sendgrid';
import { yahoo } from './yahoo';
import { zoho } from './zoho';
import { sendmail } from './sendmail';
import { v5sendmail } from './v5sendmail';
import { exim } from './exim';
import { postfix } from './postfix';
import { qmail } from './qmail';
import { dragonfly } from './dragonfly';
import { opensmtpd } from './opensmtpd';
import { unableToDeliverList } from './unable-to-deliver-list';
import { bracketedReasonList } from './bracketed-reason-list';
import { boxedTechnicalDetails } from './boxed-technical-details';
import { troubleDeliveringNotice } from './trouble-delivering-notice';
import { notes } from './notes';
import { imailserver } from './imailserver';
import { mfilter } from './mfilter';
import { biglobe } from './biglobe';
import { fml } from './fml';
import { apachejames } from './apachejames';
import { aol } from './aol';
import { apple } from './apple';
import { yandex } from './yandex';
import { mimecast } from './mimecast';
import { sophos } from './sophos';
import { mailgun } from './mailgun';
import { verizon } from './verizon';
import { docomo } from './docomo';
import { softbank } from './softbank';
import { courier } from './courier';
import { domino } from './domino';
import { messagingserver } from './messagingserver';
import { powermta } from './powermta';

/**
 * Bounce format readers, in priority order: the first one that matches and
 * finds at least one candidate decides. Reports whose MIME type says what they
 * are come first, then the mail-server formats whose own text says more than
 * their RFC 3464 part, then RFC 3464 fields, then the formats without a DSN;
 * the plain-text scan is the last resort.
 */
export const EXTRACTORS: readonly Extractor[] = [
  // [section: reports whose MIME type says what they are]
  // A feedback report (RFC 5965) is never read as a bounce.
  arf,
  // [section: providers known by who wrote the bounce]
  // Providers known by who wrote the bounce (From, Reporting-MTA), whatever MTA
  // they run: before the MTA formats, whose readers they reuse under their own id.
  aol,
  apple,
  yandex,
  mimecast,
  sophos,
  mailgun,
  verizon,
  docomo,
  softbank,
  // [section: mail servers whose text says more than their RFC 3464 part]
  // Their text holds the remote server's whole reply or the session transcript;
  // they merge it with their DSN part, so they come before the plain DSN reader.
  // bracketedReasonList (id x1) before sendmail: its list header looks like sendmail's ("---The following addresses had delivery errors---").
  bracketedReasonList,
  sendmail,
  v5sendmail,
  postfix,
  qmail,
  dragonfly,
  opensmtpd,
  unableToDeliverList,
  boxedTechnicalDetails,
  troubleDeliveringNotice,
  notes,
  imailserver,
  mfilter,
  biglobe,
  fml,
  apachejames,
  courier,
  domino,
  messagingserver,
  // PowerMTA's reports are plain RFC 3464 with fields of its own.
  powermta,
  // [section: sending services and mailbox providers known by their own notice]
  // Their JSON, wording or headers mark them; they read their DSN fields under their own id.
  amazonses,
  amazonworkmail,
  ezweb,
  sendgrid,
  exchange2003,
  googlegroups,
  gmail,
  yahoo,
  mailru,
  gmx,
  einsundeins,
  zoho,
  kddi,
  // [section: security gateways, then plain RFC 3464]
  // A gateway's notice holds the words its DSN lacks; any other DSN is read as rfc3464.
  messagelabs,
  mcafee,
  surfcontrol,
  barracuda,
  interscanmss,
  deliveryStatus,
  // [section: text-only notices, for bounces whose DSN gave nothing]
  // Exim's text list (an Exim bounce with a DSN part is read as rfc3464 above).
  exim,
  // Exchange 2007's administrator heading, searched for in the first lines only.
  exchange2007,
  // [section: last resorts: challenge-response mails, auto-replies, then the plain-text scan]
  // A challenge often carries the auto-reply headers too: it is read first.
  challengeResponse,
  rfc3834,
  textScan,
];

/** Runs the extractors in order; returns the first non-empty result. */
export function extractCandidates(email: BounceEmail): Candidate[] {
  for (const extractor of EXTRACTORS) {
    if (!extractor.matches(email)) continue;
    const found = extractor.extract(email);
    if (found.length > 0) return found;
  }
  return [];
}
