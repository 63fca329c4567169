/**
 * The one source of "now" for domain code. Tests and the local stack move time with
 * GATEHOUSE_CLOCK_OFFSET_MS (milliseconds added to the real clock) instead of sleeping;
 * it is never set in AWS.
 */
export function now(): Date {
  const offset = Number(process.env.GATEHOUSE_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
