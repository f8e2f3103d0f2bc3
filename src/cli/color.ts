// chalk 5 does not read NO_COLOR: the colour level is decided here, once.

/**
 * An explicit flag wins (true for --color, false for --no-color); then
 * NO_COLOR (no-color.org); then what the terminal supports (`detected`).
 */
export function colorLevel(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  detected: 0 | 1 | 2 | 3,
): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return detected === 0 ? 1 : detected;
  if ((env.NO_COLOR ?? '') !== '') return 0;
  return detected;
}
