/**
 * The one transaction that ends an accept or a verified registration: the membership (with
 * the new profile and email claim, when there is one), the token's end, the event, and
 * whatever else the caller must write atomically with them.
 */
import { rolePreset } from '#shared/config.ts';
import type { Opened } from '#shared/domain/open-link.ts';
import { adminCheck } from '#shared/domain/members.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import { Conflict } from '#shared/http/errors.ts';
import { historyEvent } from '#shared/store/history.ts';
import { acceptanceItems, type InvitationRecord } from '#shared/store/invitation-store.ts';
import { type AlsoInTransaction, getMembership, saveMembershipChange } from '#shared/store/member-store.ts';
import type { MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { newUserItems, notOrphanItem } from '#shared/store/user-store.ts';

/** Stores the membership (with the new profile, when there is one), the token's end, the event and `also`, atomically. */
export async function join(
  opened: Opened,
  invitation: InvitationRecord,
  profile: UserRecord,
  at: string,
  created: UserRecord | undefined,
  also: AlsoInTransaction['items'] = [],
): Promise<'active' | 'pending'> {
  const { domain, token } = opened;
  // A new account cannot be a member yet; an existing one is told plainly (the transaction's
  // condition would refuse it anyway, with the same answer, after the claim).
  if (!created && (await getMembership(domain.id, profile.userId))) throw new Conflict('You are a member of this domain already.', 'already-member');
  const role = invitation.role && rolesOf(domain, rolePreset()).some((r) => r.id === invitation.role) ? invitation.role : null;
  const status = role ? 'active' : 'pending';
  const membership: MembershipRecord = {
    domainId: domain.id,
    userId: profile.userId,
    email: profile.email,
    emailVerified: profile.emailVerified,
    name: profile.name,
    language: profile.language,
    role,
    status,
    createdAt: at,
    invitedBy: invitation.invitedBy,
    lastActiveAt: null,
    version: 1,
  };
  const event = historyEvent({
    at,
    actor: profile.userId,
    action: invitation.kind === 'email' ? 'invitation.accepted' : 'invitation.registered',
    targetType: 'member',
    targetId: profile.userId,
    before: null,
    after: { invitationId: invitation.id, email: profile.email, role, status },
  });
  const accepted = acceptanceItems(token);
  const user = created ? newUserItems(created) : { items: [notOrphanItem(profile.userId)], explain: () => new Conflict('The account changed meanwhile; try again.') };
  await saveMembershipChange(
    { domainId: domain.id, before: undefined, after: membership, isAdminRole: adminCheck(domain), rolesVersion: domain.rolesVersion, activeAdmins: domain.activeAdmins, events: [event] },
    {
      items: [...accepted.items, ...user.items, ...also],
      explain: (i) =>
        i < accepted.items.length
          ? accepted.explain()
          : i < accepted.items.length + user.items.length
            ? user.explain(i - accepted.items.length)
            : new Conflict('The registration was replaced while it was being completed; use the newest link.', 'registration-changed'),
    },
  );
  return status;
}
