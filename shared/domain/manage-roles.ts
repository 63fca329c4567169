/**
 * Custom roles: create, edit, delete. Built-in roles are the preset's and cannot change.
 * Nobody grants what they do not hold, and only a holder of `*` grants `*`. An edit applies
 * to the role's members on their next request, since authorization reads the role then.
 */
import { randomBytes } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import { assertMayGrant } from '#shared/domain/members.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { roleView, rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { Conflict, NotFound, VersionMismatch } from '#shared/http/errors.ts';
import { builtInRoles, type Grant, isAdminGrant } from '#shared/permissions.ts';
import { getDomains, saveRoleChange } from '#shared/store/domain-store.ts';
import { own } from '#shared/own.ts';
import { historyEvent } from '#shared/store/history.ts';
import type { CustomRole, DomainRecord } from '#shared/store/records.ts';

/** A domain holds at most this many custom roles (they live in the domain item). */
export const MAX_CUSTOM_ROLES = 50;

async function freshDomain(access: DomainAccess, attempt: number): Promise<DomainRecord> {
  if (attempt === 1) return access.domain;
  const [domain] = await getDomains([access.domain.id]);
  if (!domain) throw new NotFound('The domain is gone.');
  return domain;
}

function assertNameFree(domain: DomainRecord, name: string, exceptId?: string) {
  const taken = rolesOf(domain, rolePreset()).find((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new Conflict(`A role named ${taken.name} exists already in this domain.`, 'role-name-taken');
}

function customRole(domain: DomainRecord, roleId: string): CustomRole {
  if (builtInRoles(rolePreset()).some((r) => r.id === roleId)) {
    throw new Conflict(`${roleId} is a built-in role: it cannot be edited or deleted. Create a custom role instead.`, 'built-in-role');
  }
  const role = own(domain.customRoles, roleId);
  if (!role) throw new NotFound(`No role ${roleId} in this domain.`);
  return role;
}

export async function createRole(access: DomainAccess, caller: Caller, input: { name: string; description?: string; permissions: string[] }) {
  const permissions = input.permissions as Grant[];
  assertMayGrant(access.grants, permissions, 'create this role');
  return retryOnConflict(async (attempt) => {
    const domain = await freshDomain(access, attempt);
    assertNameFree(domain, input.name);
    if (Object.keys(domain.customRoles ?? {}).length >= MAX_CUSTOM_ROLES) {
      throw new Conflict(`A domain can hold at most ${MAX_CUSTOM_ROLES} custom roles; delete one first.`, 'too-many-roles');
    }
    const at = now().toISOString();
    const role: CustomRole = {
      id: `role-${randomBytes(6).toString('base64url')}`,
      name: input.name,
      description: input.description ?? '',
      permissions,
      createdAt: at,
      version: 1,
    };
    const event = historyEvent({ at, actor: caller.userId, action: 'role.created', targetType: 'role', targetId: role.id, before: null, after: roleView(role) });
    await saveRoleChange({ domainId: domain.id, roleId: role.id, role, exists: false, rolesVersion: domain.rolesVersion, activeHolders: 0, adminDelta: 0, event });
    return roleView(role);
  });
}

export async function updateRole(
  access: DomainAccess,
  caller: Caller,
  roleId: string,
  patch: { name?: string; description?: string; permissions?: string[] },
  ifMatch: number | undefined,
) {
  if (patch.permissions) assertMayGrant(access.grants, patch.permissions as Grant[], 'give the role these permissions');
  return retryOnConflict(async (attempt) => {
    const domain = await freshDomain(access, attempt);
    const current = customRole(domain, roleId);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new VersionMismatch(current.version);
    // Taking permissions away is also granting: an editor may only reshape what they hold.
    assertMayGrant(access.grants, current.permissions, `edit the role ${current.name}`);
    if (patch.name !== undefined) assertNameFree(domain, patch.name, roleId);
    const next: CustomRole = {
      ...current,
      name: patch.name ?? current.name,
      description: patch.description ?? current.description,
      permissions: (patch.permissions as Grant[] | undefined) ?? current.permissions,
      version: current.version + 1,
    };
    const holders = own(domain.roleActive, roleId) ?? 0;
    const adminDelta = (Number(isAdminGrant(next.permissions)) - Number(isAdminGrant(current.permissions))) * holders;
    if (adminDelta < 0 && domain.activeAdmins + adminDelta < 1) {
      throw new Conflict(`Taking * from ${current.name} would leave the domain without an active administrator.`, 'last-admin');
    }
    const event = historyEvent({ at: now().toISOString(), actor: caller.userId, action: 'role.updated', targetType: 'role', targetId: roleId, before: roleView(current), after: roleView(next) });
    await saveRoleChange({ domainId: domain.id, roleId, role: next, exists: true, rolesVersion: domain.rolesVersion, activeHolders: holders, adminDelta, event });
    return roleView(next);
  });
}

export async function deleteRole(access: DomainAccess, caller: Caller, roleId: string, ifMatch: number | undefined) {
  await retryOnConflict(async (attempt) => {
    const domain = await freshDomain(access, attempt);
    const current = customRole(domain, roleId);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new VersionMismatch(current.version);
    assertMayGrant(access.grants, current.permissions, `delete the role ${current.name}`);
    const holders = own(domain.roleMembers, roleId) ?? 0;
    if (holders > 0) {
      throw new Conflict(`The role ${current.name} is held by ${holders} member${holders === 1 ? '' : 's'}: give them another role first.`, 'role-in-use');
    }
    const event = historyEvent({ at: now().toISOString(), actor: caller.userId, action: 'role.deleted', targetType: 'role', targetId: roleId, before: roleView(current), after: null });
    await saveRoleChange({ domainId: domain.id, roleId, role: undefined, exists: true, rolesVersion: domain.rolesVersion, activeHolders: 0, adminDelta: 0, event });
  });
}
