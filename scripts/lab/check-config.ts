// The lab's network rule, checked on the generated configs before any server
// starts (and by test/lab/lab-configs.test.ts): every address a config names
// is on loopback, no relay points anywhere but loopback or the lab's own
// names, and the resolver the servers use is the lab's DNS server only.

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const RELAY_KEYS = /^\s*(?:relayhost|smtp_fallback_relay|fallback_relay|default_transport|relay_transport|smarthost|route_list|route_data)\b[^\n]*/gim;
// Sendmail: the m4 macros of a .mc file that send mail to a fixed host, and the
// smart-host line (DS) of a generated sendmail.cf.
const SENDMAIL_RELAYS = /define\(`(?:SMART_HOST|MAIL_HUB|LUSER_RELAY|LOCAL_RELAY|confFALLBACK_MX|confFALLBACK_SMARTHOST)',\s*`([^']*)'/g;
const SENDMAIL_DS = /^D[SHRM](\S[^\n]*)$/gm;

export function configProblems(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    for (const m of text.matchAll(IPV4)) {
      if (!m[0].startsWith('127.')) problems.push(`${path}: address ${m[0]} is not on loopback`);
    }
    for (const m of text.matchAll(RELAY_KEYS)) {
      const value = m[0].replace(/^[^=:]*[=:]?/, '');
      for (const token of value.split(/[\s,;:[\]"{}]+/).filter((t) => /[a-z]/i.test(t) && t.includes('.'))) {
        if (!/(?:^|\.)lab\.example$/i.test(token) && token !== 'localhost') problems.push(`${path}: relay target ${token} is not a lab name`);
      }
    }
    const sendmailTargets = [...text.matchAll(SENDMAIL_RELAYS), ...(path.endsWith('.cf') ? text.matchAll(SENDMAIL_DS) : [])].map((m) => m[1] ?? '');
    for (const value of sendmailTargets) {
      const host = value.replace(/^[a-z0-9-]*:/i, '').replace(/[[\]]/g, '');
      if (!/(?:^|\.)lab\.example$/i.test(host)) problems.push(`${path}: relay target ${value} is not a lab name`);
    }
    if (path.endsWith("resolv.conf")) {
      const servers = [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]);
      if (servers.length === 0 || servers.some((s) => s !== '127.0.0.1')) problems.push(`${path}: the resolver must be 127.0.0.1 only`);
    }
  }
  return problems;
}
