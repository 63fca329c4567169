/** Roles of a domain: the stack preset's built-in roles, then the domain's custom roles. */
import { builtInRoles, type Grant, type RoleDefinition, type RolePreset } from '#shared/permissions.ts';
import { own } from '#shared/own.ts';
import type { CustomRole, DomainRecord } from '#shared/store/records.ts';

/**
 * A custom role as the API shows it (shared/schemas/members.ts roleBody), whichever route
 * answers with it: the stored record also holds fields (createdAt) the role has no place for.
 */
export function roleView(role: CustomRole): RoleDefinition & { version: number } {
  return { id: role.id, name: role.name, description: role.description, permissions: role.permissions, builtIn: false, version: role.version };
}

/** Every role of a domain in its API shape, built-in first, custom ones by name. */
export function rolesOf(domain: Pick<DomainRecord, 'customRoles'>, preset: RolePreset): RoleDefinition[] {
  const custom = Object.values(domain.customRoles ?? {})
    .map(roleView)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...builtInRoles(preset), ...custom];
}

/** The grants of a role id in a domain; none for an unknown role or a pending member (null). */
export function grantsOf(domain: Pick<DomainRecord, 'customRoles'>, preset: RolePreset, roleId: string | null): Grant[] {
  if (roleId === null) return [];
  const builtIn = builtInRoles(preset).find((role) => role.id === roleId);
  return builtIn?.permissions ?? own(domain.customRoles, roleId)?.permissions ?? [];
}
