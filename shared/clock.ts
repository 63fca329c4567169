/**
 * The one source of "now" for domain code. Tests move time instead of sleeping: the local
 * gateway runs a request inside `withClockOffset` when the test asks for it (a header it
 * honours only when started for tests), and `npm run sweep` takes an offset too. Nothing in
 * AWS ever sets an offset, so there `now()` is the real clock.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const offsets = new AsyncLocalStorage<number>();

export function now(): Date {
  return new Date(Date.now() + (offsets.getStore() ?? 0));
}

/** Runs `fn` with the clock moved by `offsetMs` milliseconds for everything it awaits. */
export function withClockOffset<T>(offsetMs: number, fn: () => T): T {
  return offsets.run(offsetMs, fn);
}
