/**
 * Invitations and shareable registration links: their view, listing, revoking, creating a
 * link. Sending email invitations and resending are in send-invitations.ts, so the
 * functions that send no mail bundle no mail code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { appUrl, rolePreset } from '#shared/config.ts';
import { assertMayGrant } from '#shared/domain/members.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { BadRequest, NotFound, UnknownRole } from '#shared/http/errors.ts';
import { isAdminGrant, type RoleDefinition } from '#shared/permissions.ts';
import { historyEvent } from '#shared/store/history.ts';
import {
  getInvitation,
  type InvitationFilter,
  type InvitationRecord,
  issueInvitation,
  listInvitations,
  revokeInvitation,
  type TokenRecord,
} from '#shared/store/invitation-store.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;
/** The API's view of an invitation or link, with its status as of `at`. */
export function invitationView(invitation: InvitationRecord, at: string) {
  return {
    id: invitation.id,
    kind: invitation.kind,
    email: invitation.email,
    role: invitation.role,
    status: invitation.expiresAt <= at ? ('expired' as const) : ('pending' as const),
    delivery: invitation.delivery,
    ...(invitation.deliveryReason ? { deliveryReason: invitation.deliveryReason } : {}),
    invitedBy: invitation.invitedBy,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    maxUses: invitation.maxUses,
    uses: invitation.uses,
    allowedEmailDomains: invitation.allowedEmailDomains,
    version: invitation.version,
  };
}

/** The link in an email or a shared URL: always into the customer's app, from its config. */
export function acceptUrl(token: string): string {
  return `${appUrl()}/accept-invitation?token=${token}`;
}

/** The link of a set-password email (a member added by hand): its own page of the customer's app. */
export function setPasswordUrl(token: string): string {
  return `${appUrl()}/set-password?token=${token}`;
}

/** One email invitation per address per domain: its id follows from the address. */
export function emailInvitationId(email: string): string {
  return `e${createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 24)}`;
}

export function mayGrant(access: DomainAccess, role: RoleDefinition): boolean {
  try {
    assertMayGrant(access.grants, role.permissions, 'grant it');
    return true;
  } catch {
    return false;
  }
}

export function tokenRecord(invitation: InvitationRecord, kind: 'email' | 'link'): TokenRecord {
  return {
    hash: invitation.tokenHash,
    kind,
    domainId: invitation.domainId,
    invitationId: invitation.id,
    userId: null,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    state: 'pending',
  };
}

export async function listDomainInvitations(access: DomainAccess, filter: InvitationFilter, limit: number, cursor: string | undefined) {
  const at = now().toISOString();
  const page = await listInvitations(access.domain.id, filter, at, limit, cursor);
  return { items: page.items.map((i) => invitationView(i, at)), nextCursor: page.nextCursor };
}

export async function loadInvitation(domainId: string, invitationId: string): Promise<InvitationRecord> {
  const invitation = await getInvitation(domainId, invitationId);
  if (!invitation) throw new NotFound(`No invitation ${invitationId} in this domain.`);
  return invitation;
}

/** Revokes an invitation or link: its link answers 410 "revoked" from now on. */
export async function revokeDomainInvitation(access: DomainAccess, caller: Caller, invitationId: string) {
  await retryOnConflict(async () => {
    const invitation = await loadInvitation(access.domain.id, invitationId);
    const at = now().toISOString();
    const event = historyEvent({ at, actor: caller.userId, action: 'invitation.revoked', targetType: 'invitation', targetId: invitationId, before: invitationView(invitation, at), after: null });
    await revokeInvitation(invitation, event);
  });
}

/**
 * Creates a shareable registration link. Its registrants wait as `pending` members for an
 * administrator to give them a role, unless the link carries one (never an admin role).
 */
export async function createInviteLink(
  access: DomainAccess,
  caller: Caller,
  input: { validDays: number; maxUses?: number; role?: string; allowedEmailDomains?: string[] },
) {
  const { domain } = access;
  if (input.validDays > domain.settings.linkValidityDaysMax) {
    throw new BadRequest(`Links in this domain are valid for at most ${domain.settings.linkValidityDaysMax} days.`, [
      { path: 'body.validDays', message: `must be at most ${domain.settings.linkValidityDaysMax} (the domain's linkValidityDaysMax)` },
    ]);
  }
  let role: RoleDefinition | undefined;
  if (input.role !== undefined) {
    role = rolesOf(domain, rolePreset()).find((r) => r.id === input.role);
    if (!role) throw new UnknownRole(domain.id, [{ role: input.role, path: 'body.role' }]);
    if (isAdminGrant(role.permissions)) {
      throw new BadRequest('A shared link cannot carry an admin role: anyone holding the link could become an administrator.', [{ path: 'body.role', message: 'must not be an admin role' }]);
    }
    assertMayGrant(access.grants, role.permissions, `hand out the role ${role.name}`);
  }
  const at = now();
  const { token, hash } = newToken();
  const invitation: InvitationRecord = {
    id: `l${randomBytes(12).toString('base64url')}`,
    domainId: domain.id,
    kind: 'link',
    email: null,
    role: role?.id ?? null,
    language: null,
    message: null,
    invitedBy: caller.userId,
    invitedByName: access.membership.name,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + input.validDays * DAY_MS).toISOString(),
    validDays: input.validDays,
    tokenHash: hash,
    delivery: null,
    maxUses: input.maxUses ?? null,
    uses: 0,
    allowedEmailDomains: input.allowedEmailDomains ? [...new Set(input.allowedEmailDomains)] : null,
    version: 1,
  };
  const event = historyEvent({ at: at.toISOString(), actor: caller.userId, action: 'invitation.link_created', targetType: 'invitation', targetId: invitation.id, before: null, after: invitationView(invitation, at.toISOString()) });
  await issueInvitation(invitation, tokenRecord(invitation, 'link'), undefined, event);
  return { id: invitation.id, url: acceptUrl(token), expiresAt: invitation.expiresAt, maxUses: invitation.maxUses, uses: 0 };
}
