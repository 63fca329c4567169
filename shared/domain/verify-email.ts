/**
 * Completing a registration through a link: the emailed verification token proves the
 * address. The token is claimed (single use), the link's use is counted only now (a
 * registration that never verifies takes none), the held account is enabled, and one
 * transaction stores the profile, the email claim, the membership, the event, the token's
 * end and the registration's end. Any failure gives the claims back.
 */
import { now } from '#shared/clock.ts';
import type { Directory } from '#shared/directory.ts';
import { join } from '#shared/domain/join.ts';
import { NotFound } from '#shared/http/errors.ts';
import { getDomains } from '#shared/store/domain-store.ts';
import {
  claimLinkUse,
  claimToken,
  getInvitation,
  getToken,
  type InvitationRecord,
  releaseLinkUse,
  releaseToken,
  TokenGone,
  tokenProblem,
} from '#shared/store/invitation-store.ts';
import type { UserRecord } from '#shared/store/records.ts';
import { getRegistration, registrationCompletedItem } from '#shared/store/registration-store.ts';
import { hashToken } from '#shared/tokens.ts';

/** What verifying needs of the Directory. */
export type VerifyDirectory = Pick<Directory, 'accountId' | 'enableUser' | 'disableUser' | 'markEmailVerified'>;

const unknownVerification = () => new NotFound('This verification link is not one of ours: check that it was copied whole, or register again through your invitation link.');

/** Completes the registration a verification token belongs to: 201 with the new membership. */
export async function verifyEmail(tokenValue: string, directory: VerifyDirectory) {
  const hash = hashToken(tokenValue);
  const token = await getToken(hash);
  if (!token || token.kind !== 'verify-email' || !token.email || !token.userId) throw unknownVerification();
  const email = token.email;
  const at = now().toISOString();
  const problem = tokenProblem(token, at);
  if (problem) throw problem;
  const registration = await getRegistration(email);
  // A newer registration, an invitation or an administrator's add replaced this one.
  if (!registration || registration.tokenHash !== hash || registration.userId !== token.userId) throw new TokenGone('revoked');

  await claimToken(hash, at);
  let link: InvitationRecord | undefined;
  let enabled = false;
  try {
    const [[domain], invitation] = await Promise.all([getDomains([registration.domainId]), getInvitation(registration.domainId, registration.invitationId)]);
    if (!domain || !invitation) throw new TokenGone('revoked');
    await claimLinkUse(invitation, at);
    link = invitation;
    // The held account must still be the one this registration made (not a replacement
    // holding someone else's password), before and after it is enabled.
    if ((await directory.accountId(email)) !== registration.userId) throw new TokenGone('revoked');
    await directory.enableUser(email);
    enabled = true;
    await directory.markEmailVerified(email);
    if ((await directory.accountId(email)) !== registration.userId) throw new TokenGone('revoked');
    const profile: UserRecord = {
      userId: registration.userId,
      email,
      name: registration.name,
      language: registration.language,
      owner: false,
      emailVerified: true,
      createdAt: at,
      version: 1,
    };
    const status = await join({ token, domain, invitation }, invitation, profile, at, profile, [registrationCompletedItem(email, hash)]);
    return { userId: profile.userId, domainId: domain.id, status };
  } catch (error) {
    // A disabled account without a claim is a leftover anyone may replace; nothing is granted.
    if (enabled) await directory.disableUser(email).catch(() => undefined);
    if (link) await releaseLinkUse(link).catch(() => undefined);
    await releaseToken(hash).catch(() => undefined);
    throw error;
  }
}
