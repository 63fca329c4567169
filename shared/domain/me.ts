/** The caller's own profile and memberships. */
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import { grantsOf } from '#shared/domain/roles.ts';
import type { Caller } from '#shared/http/access.ts';
import { Conflict } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { expandGrants } from '#shared/permissions.ts';
import { allMembershipsOfUser, getDomains } from '#shared/store/domain-store.ts';
import { historyEvent } from '#shared/store/history.ts';
import type { MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { saveProfile } from '#shared/store/user-store.ts';

/** A transaction holds at most 100 items: the profile, then a membership and an event per domain. */
const MAX_DOMAINS_PER_PROFILE_CHANGE = 49;

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
      return [{ domainId: m.domainId, domainName: domain.name, role: m.role, status: m.status, permissions }];
    }),
  };
}

/** The caller's profile (as the authorization read it) with every membership and the permissions each grants now. */
export async function getMe(caller: Caller, user: UserRecord) {
  return view(user, await allMembershipsOfUser(caller.userId));
}

/** Changes the caller's name or language (profile as the authorization read it), everywhere the member list shows them. */
export async function updateMe(caller: Caller, user: UserRecord, patch: { name?: string; language?: Language }) {
  const memberships = await allMembershipsOfUser(caller.userId);
  if (memberships.length > MAX_DOMAINS_PER_PROFILE_CHANGE) {
    throw new Conflict(`A profile change can update at most ${MAX_DOMAINS_PER_PROFILE_CHANGE} memberships at once; you have ${memberships.length}.`);
  }
  const next: UserRecord = { ...user, name: patch.name ?? user.name, language: patch.language ?? user.language, version: user.version + 1 };
  const at = now().toISOString();
  const before = { name: user.name, language: user.language };
  const after = { name: next.name, language: next.language };
  const events = memberships.map((m) => ({
    domainId: m.domainId,
    event: historyEvent({ at, actor: caller.userId, action: 'member.profile_updated', targetType: 'member', targetId: caller.userId, before, after }),
  }));
  await saveProfile(next, user.version, memberships, events);
  return view(next, memberships.map((m) => ({ ...m, name: next.name, language: next.language })));
}
