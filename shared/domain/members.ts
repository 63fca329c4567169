/**
 * Members of a domain: listing, reading, changing role and status, removing. Every change
 * is one transaction with its history event and the domain's counters; the account in the
 * user pool follows (disabled when its last active membership goes, enabled on return).
 */
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { grantsOf, roleNameOf, rolesOf } from '#shared/domain/roles.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { cutOffSessionsNow } from '#shared/domain/sessions.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { Conflict, ConflictWith, Forbidden, NotFound, UnknownRole, VersionMismatch } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { allows, type Grant, isAdminGrant } from '#shared/permissions.ts';
import { assetsHeldBy } from '#shared/store/asset-store.ts';
import { allMembershipsOfUser, loadDomainAccess } from '#shared/store/domain-store.ts';
import { historyEvent } from '#shared/store/history.ts';
import { getMembership, listMembers as listStored, type MemberFilter, saveMembershipChange } from '#shared/store/member-store.ts';
import type { DomainRecord, HistoryEvent, MembershipRecord } from '#shared/store/records.ts';
import { markOrphan } from '#shared/store/user-store.ts';

/** A member as the API shows it; its role's name is the domain's (whoever reads it needs no roles:view to see it). */
export function memberView(m: MembershipRecord, domain: Pick<DomainRecord, 'customRoles'>) {
  return {
    userId: m.userId,
    email: m.email,
    emailVerified: m.emailVerified ?? false,
    name: m.name,
    language: m.language,
    role: m.role,
    roleName: roleNameOf(domain, rolePreset(), m.role),
    status: m.status,
    createdAt: m.createdAt,
    invitedBy: m.invitedBy,
    lastActiveAt: m.lastActiveAt,
    // The membership's own count of the assets checked out to it (moved by each checkout and checkin).
    assetsHeld: m.assetsHeldCount ?? 0,
    version: m.version,
  };
}

export async function listMembers(access: DomainAccess, filter: MemberFilter, limit: number, cursor: string | undefined) {
  const page = await listStored(access.domain.id, filter, limit, cursor);
  return { items: page.items.map((m) => memberView(m, access.domain)), nextCursor: page.nextCursor };
}

/** The domain (fresh) and one of its members, in one read; 404 when not a member. */
async function loadTarget(domainId: string, userId: string): Promise<{ domain: DomainRecord; target: MembershipRecord }> {
  const { domain, membership } = await loadDomainAccess(domainId, userId);
  if (!domain || !membership) throw new NotFound(`No member ${userId} in this domain.`);
  return { domain, target: membership };
}

export async function getMember(access: DomainAccess, userId: string) {
  // The authorization read the domain already; only the member is read here.
  const member = await getMembership(access.domain.id, userId);
  if (!member) throw new NotFound(`No member ${userId} in this domain.`);
  return memberView(member, access.domain);
}

/** True when a role id is an admin role (holds `*`) in this domain. */
export function adminCheck(domain: DomainRecord) {
  const preset = rolePreset();
  return (roleId: string | null) => isAdminGrant(grantsOf(domain, preset, roleId));
}

/** The first of `grants` the caller does not hold (`*` is held only as `*`), if any: the ceiling of granting and of acting on a member. */
function grantBeyond(callerGrants: readonly Grant[], grants: readonly Grant[]): Grant | undefined {
  return grants.find((grant) => (grant === '*' ? !callerGrants.includes('*') : !allows(callerGrants, grant)));
}

/** Refuses to hand out a role granting something the caller does not hold (`*` only from `*`). */
export function assertMayGrant(callerGrants: readonly Grant[], roleGrants: readonly Grant[], what: string) {
  const missing = grantBeyond(callerGrants, roleGrants);
  if (missing) {
    throw new Forbidden(`You cannot ${what}: it grants '${missing}', which you do not hold yourself.`, 'grant-exceeds-own');
  }
}

/**
 * The role ceiling: nobody changes, deactivates or removes a member whose role grants
 * something the caller does not hold, and only a holder of `*` acts on an administrator.
 * A pending member (no role) grants nothing, so anyone with the route's permission may act.
 */
export function assertMayActOn(callerGrants: readonly Grant[], targetGrants: readonly Grant[], targetName: string) {
  const missing = grantBeyond(callerGrants, targetGrants);
  if (missing) {
    const why = missing === '*' ? 'they are an administrator, and only an administrator acts on one' : `their role grants '${missing}', which you do not hold yourself`;
    throw new Forbidden(`You cannot change or remove ${targetName}: ${why}.`, 'target-exceeds-own');
  }
}

export interface MemberPatch {
  role?: string;
  status?: 'active' | 'inactive';
  name?: string;
  language?: Language;
}

/** The history actions a change amounts to, each with the fields it changed. */
function changeEvents(before: MembershipRecord, after: MembershipRecord, actor: string, at: string): HistoryEvent[] {
  const event = (action: 'member.activated' | 'member.deactivated' | 'member.reactivated' | 'member.role_changed' | 'member.updated', fields: (keyof MembershipRecord)[]) =>
    historyEvent({
      at,
      actor,
      action,
      targetType: 'member',
      targetId: after.userId,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, after[f]])),
    });
  const events: HistoryEvent[] = [];
  if (before.status !== after.status) {
    const action =
      before.status === 'pending' ? 'member.activated' : after.status === 'inactive' ? 'member.deactivated' : 'member.reactivated';
    events.push(event(action, ['status', 'role']));
  }
  if (before.role !== after.role && !(before.status === 'pending' && after.status === 'active')) events.push(event('member.role_changed', ['role']));
  const profile = (['name', 'language'] as const).filter((f) => before[f] !== after[f]);
  if (profile.length > 0) events.push(event('member.updated', [...profile]));
  return events;
}

/**
 * Changes a member's role, status, name or language. Assigning a role to a pending member
 * activates it. Refuses (409) to leave the domain without an active administrator.
 */
/** What a membership change needs of the Directory. */
export type AccessDirectory = Pick<Directory, 'disableUser' | 'enableUser'>;

export async function updateMember(access: DomainAccess, caller: Caller, userId: string, patch: MemberPatch, ifMatch: number | undefined, directory: AccessDirectory) {
  const preset = rolePreset();
  const result = await retryOnConflict(async () => {
    const { domain, target } = await loadTarget(access.domain.id, userId);
    if (ifMatch !== undefined && ifMatch !== target.version) throw new VersionMismatch(target.version);
    assertMayActOn(access.grants, grantsOf(domain, preset, target.role), target.name || target.email);

    let role = target.role;
    if (patch.role !== undefined && patch.role !== target.role) {
      const next = rolesOf(domain, preset).find((r) => r.id === patch.role);
      if (!next) throw new UnknownRole(domain.id, [{ role: patch.role, path: 'body.role' }]);
      assertMayGrant(access.grants, next.permissions, `assign the role ${next.name}`);
      role = next.id;
    }
    let status = target.status;
    if (patch.status !== undefined) status = patch.status;
    else if (target.status === 'pending' && patch.role !== undefined) status = 'active';
    if (status === 'active' && role === null) {
      throw new Conflict('A pending member needs a role to become active: send one with the change.', 'role-required');
    }

    const after: MembershipRecord = { ...target, role, status, name: patch.name ?? target.name, language: patch.language ?? target.language };
    const events = changeEvents(target, after, caller.userId, now().toISOString());
    if (events.length === 0) return { member: target, before: target, domain };
    const saved = { ...after, version: target.version + 1 };
    await saveMembershipChange({ domainId: domain.id, before: target, after: saved, isAdminRole: adminCheck(domain), rolesVersion: domain.rolesVersion, activeAdmins: domain.activeAdmins, events });
    return { member: saved, before: target, domain };
  });
  await followInDirectory(result.before, result.member, directory, now().toISOString());
  return memberView(result.member, result.domain);
}

/** Removes a membership; history keeps the record. */
export async function removeMember(
  access: DomainAccess,
  caller: Caller,
  userId: string,
  ifMatch: number | undefined,
  directory: AccessDirectory,
  options: { force?: boolean } = {},
) {
  const removed = await retryOnConflict(async () => {
    const { domain, target } = await loadTarget(access.domain.id, userId);
    if (ifMatch !== undefined && ifMatch !== target.version) throw new VersionMismatch(target.version);
    assertMayActOn(access.grants, grantsOf(domain, rolePreset(), target.role), target.name || target.email);
    // Assets stay checked out to a removed member (holderId and holderName keep), so the
    // remover is told what to collect first; ?force=true removes anyway. The holder index
    // names the assets but may lag; the membership's own count (read consistently, moved
    // by each checkout and checkin) decides, and the delete below is conditional on it, so a
    // checkout committed after these reads still stops the removal (409 on the retry).
    const held = await assetsHeldBy(domain.id, userId);
    const holding = Math.max(held.length, target.assetsHeldCount ?? 0);
    if (holding > 0 && !options.force) {
      throw new ConflictWith(
        `${target.name || target.email} still holds ${holding} asset${holding === 1 ? '' : 's'}: check ${holding === 1 ? 'it' : 'them'} in first, or remove with ?force=true to leave ${holding === 1 ? 'it' : 'them'} listed under a former member.`,
        'member-holds-assets',
        { assetsHeld: held },
      );
    }
    const event = historyEvent({
      at: now().toISOString(),
      actor: caller.userId,
      action: 'member.removed',
      targetType: 'member',
      targetId: userId,
      before: memberView(target, domain),
      after: held.length > 0 ? { assetsHeld: held.map((a) => a.id) } : null,
    });
    await saveMembershipChange({
      domainId: domain.id,
      before: target,
      after: undefined,
      isAdminRole: adminCheck(domain),
      rolesVersion: domain.rolesVersion,
      activeAdmins: domain.activeAdmins,
      events: [event],
      onlyIfHoldingNoAssets: !options.force,
    });
    return target;
  });
  await followInDirectory(removed, undefined, directory, now().toISOString());
}

/**
 * Keeps the account in step with its memberships: losing the last active membership
 * disables it and ends its sessions (shared/domain/sessions.ts); becoming active again enables it. A user left
 * with no membership at all goes into the orphan sweep's index (deleted 30 days later).
 */
export async function followInDirectory(before: MembershipRecord, after: MembershipRecord | undefined, directory: AccessDirectory, at: string) {
  const wasActive = before.status === 'active';
  const isActive = after?.status === 'active';
  if (isActive && !wasActive) {
    await directory.enableUser(before.email);
    return;
  }
  if (after && wasActive === isActive) return;
  // The index is eventually consistent: this domain's membership is known from the change itself.
  const others = (await allMembershipsOfUser(before.userId)).filter((m) => m.domainId !== before.domainId);
  if (wasActive && !others.some((m) => m.status === 'active')) {
    // Disabling signs the account out (refresh tokens); the cut-off ends its ID tokens at once.
    await cutOffSessionsNow(before.userId);
    await directory.disableUser(before.email);
  }
  if (!after && others.length === 0) await markOrphan(before.userId, at);
}
