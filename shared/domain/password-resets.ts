/**
 * Password reset, Gatehouse's own (Cognito's unbranded English reset emails are never
 * used). Asking always answers the same, whether or not an account exists for the address,
 * and the per-address limit applies to every address alike, so neither reveals an account.
 * A verified account gets a branded, localized email with a single-use link valid one hour;
 * using it (shared/domain/complete-password-reset.ts) sets the password in the pool and ends
 * every session of the account.
 *
 * Branding: a password belongs to the account, which may belong to several domains, so the
 * email is branded with the stack's product (PRODUCT_NAME, the default every new domain
 * starts with), not with one domain picked among them.
 */
import { now } from '#shared/clock.ts';
import { productName } from '#shared/config.ts';
import type { Branding } from '#shared/mail/templates.ts';
import { transact } from '#shared/store/dynamo.ts';
import { newMailJob, putMailJob } from '#shared/store/mail-job-store.ts';
import { passwordResetPut, reserveResetEmail } from '#shared/store/password-reset-store.ts';
import { getUser, liveResetLinkItem, userIdByEmail } from '#shared/store/user-store.ts';
import { newToken } from '#shared/tokens.ts';

/** A reset link works this long (SPEC section 12). */
export const RESET_LINK_MS = 3_600_000;
/** Reset emails one address may receive per hour (SPEC section 12). */
export const RESETS_PER_HOUR = 5;

/** The one answer to a reset request, whatever the address. */
export const RESET_REQUESTED = { status: 'requested' } as const;

/** The stack's own branding: the defaults a new domain starts with (shared/domain/domains.ts). */
export function stackBranding(): Branding {
  return { productName: productName(), logoUrl: null, primaryColor: '#1f6feb' };
}

/**
 * Asks for a reset link for `email`: counts against the address's hourly limit (429 past
 * it), then, when a verified account has that address, queues the email (the outbox: the
 * link record, the account's live link and the mail job in one transaction; the mail worker
 * mints the link it mails). Always the same answer, at once.
 */
export async function requestPasswordReset(email: string) {
  const at = now();
  await reserveResetEmail(email, at.getTime(), RESETS_PER_HOUR);
  const userId = await userIdByEmail(email);
  const user = userId === undefined ? undefined : await getUser(userId);
  // An unverified address was never proven to be its owner's: it gets no way into the account.
  if (!user?.emailVerified) return RESET_REQUESTED;

  // The request's link is never mailed (nor is its token kept): the worker replaces it with the one it mails.
  const { hash } = newToken();
  const expiresAt = new Date(at.getTime() + RESET_LINK_MS).toISOString();
  const job = newMailJob({ kind: 'password-reset', domainId: null, userId: user.userId, to: user.email, tokenHash: hash, expiresAt }, at.toISOString());
  await transact(
    [
      passwordResetPut({ hash, userId: user.userId, email: user.email, createdAt: at.toISOString(), expiresAt, state: 'pending' }),
      // Only the latest email's link works: an earlier one, in a mailbox read by someone else, dies now.
      liveResetLinkItem(user.userId, hash),
      putMailJob(job),
    ],
    () => new Error('The reset link could not be stored; try again.'),
  );
  return RESET_REQUESTED;
}
