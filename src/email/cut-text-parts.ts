// Guard (MAX_TEXT_PART_BYTES): a text part's body is cut in the raw message,
// before either reader decodes it. Decoding a text keeps several copies of it
// on the way (the transfer decoding, the charset, the line ends, the joined
// text), 5 to 8 bytes per byte of a 30 MB part; a bounce's notice is a few KB.
import { MAX_TEXT_PART_BYTES } from '../limits';
import { DECLINED } from './light/decline';
import { CR, LF } from './light/part';
import { splitParts } from './light/split-parts';

/**
 * The message with the body of every text/* part longer than
 * MAX_TEXT_PART_BYTES cut at the last line end before that size (the line end
 * left to the delimiter that follows, as before), and whether one was cut. The
 * parts are found by the light reader's part walk; a message it does not
 * follow is left whole (mailparser's own guards then hold).
 */
export function cutTextParts(data: Buffer): { data: Buffer; cut: boolean } {
  if (data.length <= MAX_TEXT_PART_BYTES) return { data, cut: false };
  let parts;
  try {
    parts = splitParts(data);
  } catch (err) {
    if (err === DECLINED) return { data, cut: false };
    throw err;
  }
  const pieces: Buffer[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.multipart || !part.contentType.startsWith('text/')) continue;
    if (part.bodyEnd - part.bodyStart <= MAX_TEXT_PART_BYTES) continue;
    const limit = part.bodyStart + MAX_TEXT_PART_BYTES;
    let end = data.lastIndexOf(LF, limit);
    if (end < part.bodyStart) end = limit;
    else if (end > part.bodyStart && data[end - 1] === CR) end--;
    pieces.push(data.subarray(at, end));
    at = part.bodyEnd;
  }
  if (pieces.length === 0) return { data, cut: false };
  pieces.push(data.subarray(at));
  return { data: Buffer.concat(pieces), cut: true };
}
