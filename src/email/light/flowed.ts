// Text sent as format=flowed (RFC 3676), joined back into its long lines.

/** format=flowed unwrapping (RFC 3676), on a latin1 string, the way libmime's decodeFlowed does it. */
export function unwrapFlowed(text: string, delSp: boolean): string {
  const out: string[] = [];
  let pieces: string[] = [];
  let piecesLength = 0;
  let depth = 0;
  let prefix = '';
  const add = (piece: string): void => {
    if (piece === '') return;
    pieces.push(piece);
    piecesLength += piece.length;
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    let lineDepth = 0;
    while (line.charCodeAt(lineDepth) === 0x3e) lineDepth++;
    const prefixLength = lineDepth > 0 && line.charCodeAt(lineDepth) === 0x20 ? lineDepth + 1 : lineDepth;
    const content = line.slice(prefixLength);
    const last = pieces[pieces.length - 1] ?? '';
    const signature = piecesLength === 3 && pieces.join('') === '-- ';
    if (lineDepth === depth && last.endsWith(' ') && !signature) {
      if (delSp) {
        pieces.pop();
        piecesLength -= last.length;
        add(last.slice(0, -1));
        add(content);
      } else {
        add(lineDepth > 0 ? content : content.replace(/^ /, ''));
      }
      return;
    }
    if (index > 0) out.push(prefix + pieces.join(''));
    pieces = [];
    piecesLength = 0;
    depth = lineDepth;
    prefix = line.slice(0, prefixLength);
    add(content);
  });
  if (piecesLength > 0 || prefix !== '') out.push(prefix + pieces.join(''));
  return out.join('\n').replace(/^ /gm, '');
}
