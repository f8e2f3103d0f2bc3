// How the light reader gives up: any step that meets a shape it does not
// follow calls decline(), and lightParse (index.ts) turns the throw into null so
// that mailparser reads the message instead.

/** Thrown (one shared instance, no stack to build) when the message needs mailparser. */
class Declined extends Error {}
export const DECLINED = new Declined('left to mailparser');

export function decline(): never {
  throw DECLINED;
}
