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
import { appUrl, productName } from '#shared/config.ts';
import { logger } from '#shared/http/logger.ts';
import { type Mailer, MailRefused } from '#shared/mail/mailer.ts';
import { type Branding, passwordResetEmail } from '#shared/mail/templates.ts';
import { putPasswordReset, reserveResetEmail } from '#shared/store/password-reset-store.ts';
import { getUser, setLiveResetLink, userIdByEmail } from '#shared/store/user-store.ts';
import { newToken } from '#shared/tokens.ts';

/** A reset link works this long (SPEC section 12). */
export const RESET_LINK_MS = 3_600_000;
/** Reset emails one address may receive per hour (SPEC section 12). */
export const RESETS_PER_HOUR = 5;

/** The one answer to a reset request, whatever the address. */
export const RESET_REQUESTED = { status: 'requested' } as const;

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
  // Only the latest email's link works: an earlier one, in a mailbox read by someone else, dies now.
  await setLiveResetLink(user.userId, hash);
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
