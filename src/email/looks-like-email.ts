// Tells an email from a pasted error line or log excerpt by how its text
// starts. Read by the pipeline (which path a message takes) and by the input
// layer (whether a file holds one email), so it sits below both.
import { FIRST_LINE_CHARS, SNIFF_BYTES } from '../limits';

// Header names that open an email (or an mbox "From " line); a text that starts
// with anything else is treated as a pasted error line or log excerpt.
const FIRST_HEADERS =
  /^(?:from |return-path|received|delivered-to|x-[\w-]+|from|to|subject|date|message-id|mime-version|reply-to|sender|dkim-signature|arc-[\w-]+|authentication-results|envelope-to|auto-submitted|precedence|thread-[\w-]+|in-reply-to|references|cc|bcc|user-agent|list-[\w-]+|importance|errors-to|content-[\w-]+|status|priority|newsgroups|path|xref|organization|lines|nntp-posting-[\w-]+|resent-[\w-]+|comments|keywords|disposition-notification-to|mail-followup-to)\s*:?/i;

/** Whether a text starts like an email (headers or an mbox "From " line) rather than an error line. */
export function looksLikeEmail(text: string): boolean {
  const start = text.replace(/^\s+/, '').slice(0, FIRST_LINE_CHARS);
  const firstLine = start.split('\n', 1)[0] ?? '';
  if (firstLine.startsWith('From ')) return true;
  return FIRST_HEADERS.test(firstLine) && /^[\w-]+:/.test(firstLine) && /\n[\w-]+:|\n\n/.test(text.slice(0, SNIFF_BYTES));
}
