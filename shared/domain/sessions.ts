/**
 * Sessions end when access ends (SPEC section 12, "Session"). Cognito's global sign-out
 * revokes refresh tokens only; an ID token stays valid at API Gateway until it expires (up
 * to an hour). So the user's profile carries a cut-off instant, `sessionsValidAfter`, and
 * every signed-in request compares its token's `iat` with it, from the item the
 * authorization reads anyway (no extra round trip).
 *
 * `iat` has one-second resolution: a token issued in the same second as a cut-off is refused
 * too (`iat <= cut-off`), so a sign-in right after a sign-out may need the next second.
 */
import type { Directory } from '#shared/directory.ts';
import { Unauthorized } from '#shared/http/errors.ts';
import type { UserRecord } from '#shared/store/records.ts';
import { cutOffSessions } from '#shared/store/user-store.ts';

/** The Directory operation ending sessions needs. */
export type SessionDirectory = Pick<Directory, 'signOut'>;

/**
 * The cut-off instant for "now", epoch seconds. Real time, not the handlers' clock
 * (shared/clock.ts): it is compared with `iat`, which Cognito stamps from its own clock, and
 * tests that move the handlers' clock days ahead must not cut off tokens issued after it.
 */
export function cutOffNow(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Ends every session of a user at once: ID tokens issued until now answer 401 everywhere,
 * and Cognito revokes the refresh tokens so no new ID token comes from them. The cut-off is
 * stored first, so a Cognito failure still leaves no token working; it moves again after the
 * sign-out when a second has passed meanwhile, so a token refreshed in between dies too.
 */
export async function endSessions(userId: string, email: string, directory: SessionDirectory): Promise<void> {
  const first = cutOffNow();
  await cutOffSessions(userId, first);
  await directory.signOut(email);
  const after = cutOffNow();
  if (after > first) await cutOffSessions(userId, after);
}

/** Stores the cut-off alone, for callers whose Directory step signs out already (disabling an account). */
export async function cutOffSessionsNow(userId: string): Promise<void> {
  await cutOffSessions(userId, cutOffNow());
}

/** Refuses a token issued at or before the user's cut-off, or for an account that is gone (401). */
export function requireLiveSession(issuedAt: number, user: UserRecord | undefined): UserRecord {
  // No profile for a valid token: the account was deleted (the orphan sweep) after the token was issued.
  if (!user) throw new Unauthorized('Your account no longer exists; sign in again, or ask an administrator to invite you again.');
  if (user.sessionsValidAfter !== undefined && issuedAt <= user.sessionsValidAfter) {
    throw new Unauthorized('Your session was ended (signed out, password changed or access removed); sign in again.');
  }
  return user;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A token's `iat` claim as epoch seconds. API Gateway's Cognito authorizer hands claims to
 * the function as strings and renders `iat` as `Sun Dec 17 07:28:12 UTC 2017`; a verifier
 * run in the function gives a number. Undefined for anything else.
 */
export function issuedAtOf(claim: unknown): number | undefined {
  if (typeof claim === 'number') return Number.isSafeInteger(claim) && claim > 0 ? claim : undefined;
  if (typeof claim !== 'string') return undefined;
  if (/^\d{1,12}$/.test(claim)) return Number(claim);
  const m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(claim);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1] as string);
  if (month < 0) return undefined;
  const ms = Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
