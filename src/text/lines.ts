// The one line splitter of the readers. Every reader caps the number of lines it
// looks at (the caps live in src/limits.ts): a bounce with a returned message
// pasted inline, or a hostile 1 GB body, then costs no more than a short one.

/** The first `max` lines of a text, split on "\n" (a CR before it stays on the line). */
export function splitLines(text: string, max: number): string[] {
  return text.split('\n', max);
}
