/**
 * Using a password reset link (asking for one: shared/domain/password-resets.ts). Its own
 * module, so that the function completing a reset bundles no mail code: it sends nothing.
 */
import { now } from '#shared/clock.ts';
import type { Directory } from '#shared/directory.ts';
import { endSessions } from '#shared/domain/sessions.ts';
import { BadRequest, NotFound } from '#shared/http/errors.ts';
import { passwordShortfalls } from '#shared/password-policy.ts';
import { isNamed } from '#shared/store/dynamo.ts';
import { claimPasswordReset, releasePasswordReset, requirePasswordReset, ResetLinkGone, resetProblem } from '#shared/store/password-reset-store.ts';
import { clearLiveResetLink, getUser } from '#shared/store/user-store.ts';
import { hashToken } from '#shared/tokens.ts';

/** What completing a reset needs of the Directory. */
export type ResetDirectory = Pick<Directory, 'resetPassword' | 'signOut'>;

/** 400 naming everything the password lacks under the pool's policy. */
function requireStrongPassword(password: string): void {
  const missing = passwordShortfalls(password);
  if (missing.length > 0) {
    const message = `needs ${missing.join(', ')}`;
    throw new BadRequest(`The password is too weak: it ${message}.`, [{ path: 'body.password', message }]);
  }
}

/**
 * Uses a reset link: the pool's policy applies (400), the link is single use (410 when used
 * or expired, 404 when unknown, even under a race), the pool gets the new password, and
 * every session of the account ends. Nothing else about the account changes: a disabled
 * account stays disabled.
 */
export async function completePasswordReset(token: string, password: string, directory: ResetDirectory): Promise<void> {
  requireStrongPassword(password);
  const hash = hashToken(token);
  const at = now().toISOString();
  const reset = await requirePasswordReset(hash);
  const problem = resetProblem(reset, at);
  if (problem) throw problem;
  const user = await getUser(reset.userId);
  // The account was deleted, or its address is another's now: the link was for someone gone.
  if (!user || user.email !== reset.email) throw new NotFound('The account this link was sent for no longer exists.');
  // A newer link was sent, or this account's password was reset since: only the latest link works.
  if (user.resetTokenHash !== hash) throw new ResetLinkGone(user.resetTokenHash === undefined ? 'used' : 'replaced');

  await claimPasswordReset(hash, at);
  try {
    await directory.resetPassword(user.email, password);
  } catch (error) {
    await releasePasswordReset(hash);
    // The pool lost the account (deleted between the sweep's two steps): nothing to reset.
    if (isNamed(error, 'UserNotFoundException')) throw new NotFound('The account this link was sent for no longer exists.');
    throw error;
  }
  await clearLiveResetLink(user.userId, hash);
  await endSessions(user.userId, user.email, directory);
}
