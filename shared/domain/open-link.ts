/**
 * Opening a link's token: what it is and what it points at, for the preview and for the
 * accept. Kept apart from accepting, so the preview's bundle holds no mail or Cognito code.
 */
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import { NotFound } from '#shared/http/errors.ts';
import { getDomains } from '#shared/store/domain-store.ts';
import { deletedTokenProblem, getInvitation, getToken, type InvitationRecord, type TokenRecord, TokenGone, tokenProblem } from '#shared/store/invitation-store.ts';
import { getMembership } from '#shared/store/member-store.ts';
import type { DomainRecord, UserRecord } from '#shared/store/records.ts';
import { getUser } from '#shared/store/user-store.ts';
import { hashToken } from '#shared/tokens.ts';

/** A token that is none of ours. */
export const unknownLink = () => new NotFound('This link is not one of ours: check that it was copied whole, or ask for a new invitation.');

export interface Opened {
  token: TokenRecord;
  domain: DomainRecord;
  invitation: InvitationRecord | undefined;
  /** The account a set-password link is for. */
  account?: UserRecord | undefined;
}

/** Reads a token and what it points at; 404 for an unknown token, 410 for a used, revoked or expired one. */
export async function openLink(tokenValue: string): Promise<Opened> {
  const hash = hashToken(tokenValue);
  const token = await getToken(hash);
  // A token TTL deleted leaves its expiry behind: still 410 expired, never 404.
  if (!token) throw (await deletedTokenProblem(hash)) ?? unknownLink();
  // A verification link completes a registration on its own route; here it opens nothing.
  if (token.kind === 'verify-email') throw unknownLink();
  const problem = tokenProblem(token, now().toISOString());
  if (problem) throw problem;
  const [[domain], invitation, account] = await Promise.all([
    getDomains([token.domainId]),
    token.invitationId ? getInvitation(token.domainId, token.invitationId) : Promise.resolve(undefined),
    token.kind === 'set-password' && token.userId ? getUser(token.userId) : Promise.resolve(undefined),
  ]);
  if (!domain) throw unknownLink();
  // Only the newest set-password link of an account works: a resend kills the earlier ones.
  if (token.kind === 'set-password' && account?.setPasswordTokenHash !== undefined && account.setPasswordTokenHash !== token.hash) throw new TokenGone('revoked');
  // A set-password link is for an account without a password: once one is set (this link or
  // another), no link may set it again. So it never replaces the password of an account that
  // has sessions, and needs no session cut-off; a reset (shared/domain/complete-password-reset.ts) does.
  if (token.kind === 'set-password' && account?.emailVerified) throw new TokenGone('used');
  if (token.kind !== 'set-password' && invitation?.tokenHash !== token.hash) throw new TokenGone('revoked');
  if (invitation && invitation.kind === 'link' && invitation.maxUses !== null && invitation.uses >= invitation.maxUses) throw new TokenGone('used');
  return { token, domain, invitation, account };
}

/**
 * Who added the person a set-password link is for: the name the adding administrator has in
 * the domain; '' for the first administrator of a stack, whom nobody added.
 */
async function adderName(domainId: string, userId: string | null | undefined): Promise<string> {
  const added = userId ? await getMembership(domainId, userId) : undefined;
  const adder = added?.invitedBy ? await getMembership(domainId, added.invitedBy) : undefined;
  return adder?.name ?? '';
}

/** What the link is for, so the web client can show it before the person acts. */
export async function previewInvitation(tokenValue: string) {
  const { token, domain, invitation, account } = await openLink(tokenValue);
  const kind = token.kind as Exclude<typeof token.kind, 'verify-email'>;
  // A set-password link has no invitation: its page names the administrator and speaks the account's language.
  const language = kind === 'set-password' ? account?.language : invitation?.language;
  const roleName = invitation?.role ? (rolesOf(domain, rolePreset()).find((r) => r.id === invitation.role)?.name ?? invitation.role) : null;
  return {
    kind,
    domainName: domain.name,
    invitedBy: kind === 'set-password' ? await adderName(domain.id, token.userId) : (invitation?.invitedByName ?? ''),
    ...(token.email ? { email: token.email } : {}),
    ...(token.kind !== 'set-password' ? { role: roleName } : {}),
    expiresAt: token.expiresAt,
    branding: domain.settings.branding,
    ...(language ? { language } : {}),
  };
}
