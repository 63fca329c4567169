/** The caller's own profile and memberships. */
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { grantsOf, roleNameOf } from '#shared/domain/roles.ts';
import type { Caller } from '#shared/http/access.ts';
import type { Language } from '#shared/http/schemas.ts';
import { expandGrants } from '#shared/permissions.ts';
import { allMembershipsOfUser, getDomains } from '#shared/store/domain-store.ts';
import type { MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { getUser, saveProfile } from '#shared/store/user-store.ts';

async function view(user: UserRecord, memberships: readonly MembershipRecord[]) {
  const preset = rolePreset();
  const domains = new Map((await getDomains(memberships.map((m) => m.domainId))).map((d) => [d.id, d]));
  return {
    userId: user.userId,
    email: user.email,
    name: user.name,
    language: user.language,
    owner: user.owner,
    memberships: memberships.flatMap((m) => {
      const domain = domains.get(m.domainId);
      if (!domain) return [];
      const permissions = m.status === 'active' ? expandGrants(grantsOf(domain, preset, m.role)) : [];
      return [
        { domainId: m.domainId, domainName: domain.name, role: m.role, roleName: roleNameOf(domain, preset, m.role), status: m.status, permissions, primaryColor: domain.settings.branding.primaryColor },
      ];
    }),
  };
}

/** The caller's profile (as the authorization read it) with every membership and the permissions each grants now. */
export async function getMe(caller: Caller, user: UserRecord) {
  return view(user, await allMembershipsOfUser(caller.userId));
}

/**
 * Changes the caller's name or language (profile as the authorization read it). The profile
 * is the source of truth and is written alone, so the change answers in one write for a
 * member of 1 or 1,000 domains; each membership's copy and the per-domain history event
 * follow through the table stream within seconds (shared/domain/table-stream.ts).
 */
export async function updateMe(caller: Caller, user: UserRecord, patch: { name?: string; language?: Language }) {
  const memberships = await allMembershipsOfUser(caller.userId);
  // No If-Match on this route: a change racing another applies to the profile that won, read afresh.
  const next = await retryOnConflict(async (attempt) => {
    const current = attempt === 1 ? user : await getUser(caller.userId);
    // The pipeline read it for this request: gone since, it is no case a client can act on.
    if (!current) throw new Error(`The profile of ${caller.userId} went during the request`);
    const changed = { ...current, name: patch.name ?? current.name, language: patch.language ?? current.language, version: current.version + 1, profileUpdatedAt: now().toISOString() };
    if (changed.name === current.name && changed.language === current.language) return current;
    await saveProfile(changed, current.version);
    return changed;
  });
  return view(next, memberships);
}
