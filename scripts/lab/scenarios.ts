// The lab's scenarios: what is sent, to whom, and what the bounce must say.
// The expected answer is written from the cause we set up (the remote side's
// scripted reply, the DNS zone, the queue lifetime), never from whybounce's output.

export interface ExpectedDiagnosis {
  recipient: string;
  action: 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded' | null;
  replyCode: number | null;
  status: string | null;
  reason: string;
  hardBounce: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  /** Recipients; `{local}` stands for the server's own mail domain. */
  rcpts: Array<{ addr: string; notify?: string }>;
  /** Bytes of filler in the body (the size scenario). */
  bodyBytes?: number;
  /**
   * Which notice the sender gets is the one to keep: the first, the first final
   * one (not a delay warning), or the first delay warning (a busy machine can
   * let the final report overtake the warning).
   */
  pick: 'first' | 'final' | 'warning';
  expect: ExpectedDiagnosis[];
}

const f = (recipient: string, replyCode: number | null, status: string, reason: string, hardBounce = false): ExpectedDiagnosis => ({
  recipient,
  action: 'failed',
  replyCode,
  status,
  reason,
  hardBounce,
});

export const SCENARIOS: Scenario[] = [
  {
    id: 'unknown-local-user',
    title: 'unknown local user',
    rcpts: [{ addr: 'nobody-here@{local}' }],
    pick: 'final',
    expect: [f('nobody-here@{local}', null, '5.1.1', 'userunknown', true)],
  },
  {
    id: 'unknown-remote-user',
    title: 'unknown user at the remote side (550 at RCPT)',
    rcpts: [{ addr: 'nouser@remote.lab.example' }],
    pick: 'final',
    expect: [f('nouser@remote.lab.example', 550, '5.1.1', 'userunknown', true)],
  },
  {
    id: 'mailbox-full',
    title: 'mailbox over quota (552 5.2.2 at RCPT)',
    rcpts: [{ addr: 'full@remote.lab.example' }],
    pick: 'final',
    expect: [f('full@remote.lab.example', 552, '5.2.2', 'mailboxfull')],
  },
  {
    id: 'message-too-big',
    title: 'message over the size limit (552 5.3.4 after DATA)',
    rcpts: [{ addr: 'big@remote.lab.example' }],
    bodyBytes: 6000,
    pick: 'final',
    expect: [f('big@remote.lab.example', 552, '5.3.4', 'mesgtoobig')],
  },
  {
    id: 'relay-denied',
    title: 'relaying denied (554 5.7.1 at RCPT)',
    rcpts: [{ addr: 'someone@other.lab.example' }],
    pick: 'final',
    expect: [f('someone@other.lab.example', 554, '5.7.1', 'norelaying')],
  },
  {
    id: 'no-such-domain',
    title: 'domain that does not exist (NXDOMAIN)',
    rcpts: [{ addr: 'someone@nx.lab.example' }],
    pick: 'final',
    expect: [f('someone@nx.lab.example', null, '5.4.4', 'hostunknown', true)],
  },
  {
    id: 'connection-refused-expired',
    title: 'host refuses connections, expired after a short queue lifetime',
    rcpts: [{ addr: 'someone@dead.lab.example' }],
    pick: 'final',
    expect: [f('someone@dead.lab.example', null, '4.4.1', 'expired')],
  },
  {
    id: 'delay-warning',
    title: 'delay warning before the expiry',
    rcpts: [{ addr: 'later@dead.lab.example', notify: 'DELAY,FAILURE' }],
    pick: 'warning',
    expect: [{ recipient: 'later@dead.lab.example', action: 'delayed', replyCode: null, status: '4.4.1', reason: 'expired', hardBounce: false }],
  },
  {
    id: 'greylisted',
    title: 'greylisting: 450 at RCPT, accepted on a later try (the delay notice)',
    rcpts: [{ addr: 'grey@remote.lab.example', notify: 'DELAY,FAILURE' }],
    pick: 'warning',
    expect: [{ recipient: 'grey@remote.lab.example', action: 'delayed', replyCode: 450, status: '4.2.0', reason: 'expired', hardBounce: false }],
  },
  {
    id: 'dnsbl-listed',
    title: "sending IP listed in the lab's DNS blocklist",
    rcpts: [{ addr: 'someone@rbl.lab.example' }],
    pick: 'final',
    expect: [f('someone@rbl.lab.example', 554, '5.7.1', 'blocked')],
  },
  {
    id: 'spf-fail',
    title: "SPF failure (the sender's record does not list the server)",
    rcpts: [{ addr: 'someone@spf.lab.example' }],
    pick: 'final',
    expect: [f('someone@spf.lab.example', 550, '5.7.23', 'authfailure')],
  },
  {
    id: 'tls-required',
    title: 'TLS required by the sender but not offered by the remote side (expired)',
    rcpts: [{ addr: 'someone@notls.lab.example' }],
    pick: 'final',
    expect: [f('someone@notls.lab.example', null, '4.7.4', 'failedstarttls')],
  },
  {
    id: 'content-rejected',
    title: 'content rejected by a header/body check (550 5.7.1 after DATA)',
    rcpts: [{ addr: 'content@remote.lab.example' }],
    pick: 'final',
    // Postfix's text for a header_checks/body_checks REJECT. The reason
    // vocabulary (Sisimai's, as the shared corpus labels it) calls this text
    // spamdetected, not filtered (MISMATCHES.md: the first belief was wrong).
    expect: [f('content@remote.lab.example', 550, '5.7.1', 'spamdetected')],
  },
  {
    id: 'sender-rejected',
    title: 'sender address rejected (553 at MAIL FROM)',
    rcpts: [{ addr: 'someone@senderreject.lab.example' }],
    pick: 'final',
    expect: [f('someone@senderreject.lab.example', 553, '5.7.1', 'rejected')],
  },
  {
    id: 'too-many-recipients',
    title: 'too many recipients (the third RCPT of a transaction gets 550 5.5.3)',
    rcpts: [{ addr: 'many1@remote.lab.example' }, { addr: 'many2@remote.lab.example' }, { addr: 'many3@remote.lab.example' }],
    pick: 'final',
    expect: [f('many3@remote.lab.example', 550, '5.5.3', 'toomanyconn')],
  },
  {
    id: 'success-notice',
    title: 'a success notice (NOTIFY=SUCCESS)',
    rcpts: [{ addr: 'ok@remote.lab.example', notify: 'SUCCESS' }],
    pick: 'final',
    expect: [{ recipient: 'ok@remote.lab.example', action: 'relayed', replyCode: 250, status: '2.0.0', reason: 'delivered', hardBounce: false }],
  },
  {
    id: 'several-recipients',
    title: 'several recipients in one message: two fail, one is delayed',
    rcpts: [{ addr: 'nouser@remote.lab.example' }, { addr: 'full@remote.lab.example' }, { addr: 'stuck@dead.lab.example' }],
    pick: 'first',
    expect: [f('nouser@remote.lab.example', 550, '5.1.1', 'userunknown', true), f('full@remote.lab.example', 552, '5.2.2', 'mailboxfull')],
  },
];

export function senderFor(server: string, scenario: string): string {
  return `${server}.${scenario}@sender.lab.example`;
}

export function messageFor(server: string, sc: Scenario, local: string, date: Date): string {
  const to = sc.rcpts.map((r) => r.addr.replace('{local}', local)).join(', ');
  const lines = [
    `From: Lab Sender <${senderFor(server, sc.id)}>`,
    `To: ${to}`,
    `Subject: lab ${sc.id}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${sc.id}.${server}@client.lab.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `Test message of the whybounce lab, scenario ${sc.id} (${sc.title}).`,
  ];
  if (sc.bodyBytes !== undefined) {
    const row = 'filler text to make the message larger than the remote limit.';
    for (let n = 0; n < sc.bodyBytes; n += row.length + 2) lines.push(row);
  }
  return lines.join('\r\n') + '\r\n';
}
