/** Roles of a domain: the stack preset's built-in roles, then the domain's custom roles. */
import { builtInRoles, type Grant, ROLE_PRESETS, type RoleDefinition, type RolePreset } from '#shared/permissions.ts';
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

/**
 * The display name of a role id in a domain: the preset's built-in name, else the custom
 * role's; null for a pending member (no role) or a role id the domain no longer knows. Read
 * from the domain item the caller's route has read already: no further read.
 */
export function roleNameOf(domain: Pick<DomainRecord, 'customRoles'>, preset: RolePreset, roleId: string | null): string | null {
  if (roleId === null) return null;
  return ROLE_PRESETS[preset].find((role) => role.id === roleId)?.name ?? own(domain.customRoles, roleId)?.name ?? null;
}

/** The grants of a role id in a domain; none for an unknown role or a pending member (null). */
export function grantsOf(domain: Pick<DomainRecord, 'customRoles'>, preset: RolePreset, roleId: string | null): Grant[] {
  if (roleId === null) return [];
  const builtIn = builtInRoles(preset).find((role) => role.id === roleId);
  return builtIn?.permissions ?? own(domain.customRoles, roleId)?.permissions ?? [];
}
