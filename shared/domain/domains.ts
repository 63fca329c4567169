/** Domains: creating one, reading it, and its settings. */
import { randomUUID } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { productName, rolePreset } from '#shared/config.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { NotFound, VersionMismatch } from '#shared/http/errors.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { roleNameOf } from '#shared/domain/roles.ts';
import type { Language } from '#shared/http/schemas.ts';
import { adminRoleId } from '#shared/permissions.ts';
import type { SettingsPatch } from '#shared/schemas/domain.ts';
import { createDomain as storeDomain, getDomains, listMembershipsOfUser, saveDomainSettings } from '#shared/store/domain-store.ts';
import { historyEvent } from '#shared/store/history.ts';
import type { DomainRecord, DomainSettings, MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { getUser } from '#shared/store/user-store.ts';

/** The settings a new domain starts with (SPEC section 4 defaults). */
export function defaultSettings(language: Language, contactEmail: string | null): DomainSettings {
  return {
    defaultLanguage: language,
    invitationValidityDays: 7,
    linkValidityDaysMax: 90,
    staleAfterDays: 90,
    pendingRegistrationDays: 30,
    accessReviewEveryDays: 90,
    billing: { plan: 'standard', contactEmail },
    branding: { productName: productName(), logoUrl: null, primaryColor: '#1f6feb' },
  };
}

/** Creates a domain whose first administrator is the creating owner (`user`: its profile, when already read). */
export async function createDomain(caller: Caller, name: string, user?: UserRecord, id: string = randomUUID()) {
  user ??= await getUser(caller.userId);
  const at = now().toISOString();
  const language = user?.language ?? 'en';
  const adminRole = adminRoleId(rolePreset());
  const domain: DomainRecord = {
    id,
    name,
    settings: defaultSettings(language, caller.email),
    customRoles: {},
    activeAdmins: 1,
    roleMembers: { [adminRole]: 1 },
    roleActive: { [adminRole]: 1 },
    rolesVersion: 1,
    lastAccessReview: null,
    createdAt: at,
    createdBy: caller.userId,
    version: 1,
  };
  const admin: MembershipRecord = {
    domainId: id,
    userId: caller.userId,
    email: caller.email,
    emailVerified: user?.emailVerified ?? false,
    name: user?.name ?? caller.email,
    language,
    role: adminRole,
    status: 'active',
    createdAt: at,
    invitedBy: null,
    lastActiveAt: at,
    version: 1,
  };
  const event = historyEvent({ at, actor: caller.userId, action: 'domain.created', targetType: 'domain', targetId: id, before: null, after: { name, firstAdmin: caller.userId } });
  await storeDomain(domain, admin, event);
  return { id, name };
}

/** The settings as the API shows them: name, settings and the domain's version. */
export function settingsView(domain: DomainRecord) {
  return { name: domain.name, ...domain.settings, version: domain.version };
}

/** Applies a settings patch, refusing it with 412 when `ifMatch` names another version. */
export async function updateSettings(access: DomainAccess, patch: SettingsPatch, ifMatch: number | undefined, actor: string) {
  return retryOnConflict(async (attempt) => {
    const [domain] = attempt === 1 ? [access.domain] : await getDomains([access.domain.id]);
    if (!domain) throw new NotFound('The domain is gone.');
    if (ifMatch !== undefined && ifMatch !== domain.version) throw new VersionMismatch(domain.version);
    const { name = domain.name, billing, branding, ...rest } = patch;
    const next: DomainRecord = {
      ...domain,
      name,
      settings: {
        ...domain.settings,
        ...rest,
        billing: { ...domain.settings.billing, ...billing },
        branding: { ...domain.settings.branding, ...branding },
      },
      version: domain.version + 1,
    };
    const { version: _before, ...before } = settingsView(domain);
    const after = settingsView(next);
    const { version: _after, ...afterFields } = after;
    const event = historyEvent({ at: now().toISOString(), actor, action: 'settings.updated', targetType: 'domain', targetId: domain.id, before, after: afterFields });
    // Conditional on the version read: of two concurrent updates on one version, one applies
    // and the other is decided again on the new version (412 if it named the old one).
    await saveDomainSettings(next, domain.version, event);
    return after;
  });
}

/** The caller's domains, a page at a time, with the caller's role (id and name) and status in each. */
export async function listMyDomains(caller: Caller, limit: number, cursor: string | undefined) {
  const preset = rolePreset();
  const page = await listMembershipsOfUser(caller.userId, limit, cursor);
  const domains = new Map((await getDomains(page.items.map((m) => m.domainId))).map((d) => [d.id, d]));
  return {
    items: page.items.flatMap((m) => {
      const domain = domains.get(m.domainId);
      return domain ? [{ id: domain.id, name: domain.name, role: m.role, roleName: roleNameOf(domain, preset, m.role), status: m.status }] : [];
    }),
    nextCursor: page.nextCursor,
  };
}
