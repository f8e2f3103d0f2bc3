// How the light reader gives up: any step that meets a shape it does not
// follow calls decline(why), and lightParse (index.ts) turns the throw into
// null so that mailparser reads the message instead. The reason is kept for
// the benches (lightDeclineReason), which count what sends messages to mailparser.

/** Thrown (one shared instance, no stack to build) when the message needs mailparser. */
class Declined extends Error {
  reason = '';
}
export const DECLINED = new Declined('left to mailparser');

export function decline(reason: string): never {
  DECLINED.reason = reason;
  throw DECLINED;
}
