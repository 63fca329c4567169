/**
 * Password reset, Gatehouse's own (Cognito's unbranded English reset emails are never
 * used). Asking always answers the same, whether or not an account exists for the address,
 * and the per-address limit applies to every address alike, so neither reveals an account.
 * A verified account gets a branded, localized email with a single-use link valid one hour;
 * using it sets the password in the pool and ends every session of the account.
 *
 * Branding: a password belongs to the account, which may belong to several domains, so the
 * email is branded with the stack's product (PRODUCT_NAME, the default every new domain
 * starts with), not with one domain picked among them.
 */
import { now } from '#shared/clock.ts';
import { appUrl, productName } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { endSessions } from '#shared/domain/sessions.ts';
import { BadRequest, NotFound } from '#shared/http/errors.ts';
import { logger } from '#shared/http/logger.ts';
import { type Mailer, MailRefused } from '#shared/mail/mailer.ts';
import { type Branding, passwordResetEmail } from '#shared/mail/templates.ts';
import { passwordShortfalls } from '#shared/password-policy.ts';
import {
  claimPasswordReset,
  putPasswordReset,
  releasePasswordReset,
  requirePasswordReset,
  reserveResetEmail,
  resetProblem,
} from '#shared/store/password-reset-store.ts';
import { isNamed } from '#shared/store/dynamo.ts';
import { getUser, userIdByEmail } from '#shared/store/user-store.ts';
import { hashToken, newToken } from '#shared/tokens.ts';

/** A reset link works this long (SPEC section 12). */
export const RESET_LINK_MS = 3_600_000;
/** Reset emails one address may receive per hour (SPEC section 12). */
export const RESETS_PER_HOUR = 5;

/** The one answer to a reset request, whatever the address. */
export const RESET_REQUESTED = { status: 'requested' } as const;

/** What completing a reset needs of the Directory. */
export type ResetDirectory = Pick<Directory, 'resetPassword' | 'signOut'>;

/** The stack's own branding: the defaults a new domain starts with (shared/domain/domains.ts). */
function stackBranding(): Branding {
  return { productName: productName(), logoUrl: null, primaryColor: '#1f6feb' };
}

/**
 * Asks for a reset link for `email`: counts against the address's hourly limit (429 past
 * it), then mails a link when a verified account has that address. Always the same answer.
 */
export async function requestPasswordReset(email: string, deps: { mailer: Mailer }) {
  const at = now();
  await reserveResetEmail(email, at.getTime(), RESETS_PER_HOUR);
  const userId = await userIdByEmail(email);
  const user = userId === undefined ? undefined : await getUser(userId);
  // An unverified address was never proven to be its owner's: it gets no way into the account.
  if (!user?.emailVerified) return RESET_REQUESTED;

  const { token, hash } = newToken();
  const expiresAt = new Date(at.getTime() + RESET_LINK_MS).toISOString();
  await putPasswordReset({ hash, userId: user.userId, email: user.email, createdAt: at.toISOString(), expiresAt, state: 'pending' });
  const rendered = passwordResetEmail({
    language: user.language,
    branding: stackBranding(),
    link: `${appUrl()}/reset-password?token=${token}`,
    expiresAt,
  });
  try {
    await deps.mailer.send({ to: user.email, ...rendered });
  } catch (error) {
    // The answer must not differ for an existing account: a refused email is logged, not reported.
    if (!(error instanceof MailRefused)) throw error;
    logger().warn('password reset email not sent', { reason: error.reason });
  }
  return RESET_REQUESTED;
}

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

  await claimPasswordReset(hash, at);
  try {
    await directory.resetPassword(user.email, password);
  } catch (error) {
    await releasePasswordReset(hash);
    // The pool lost the account (deleted between the sweep's two steps): nothing to reset.
    if (isNamed(error, 'UserNotFoundException')) throw new NotFound('The account this link was sent for no longer exists.');
    throw error;
  }
  await endSessions(user.userId, user.email, directory);
}
