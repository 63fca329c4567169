/** Domains: creating one, reading it, and its settings. */
import { randomUUID } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { productName, rolePreset } from '#shared/config.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { VersionMismatch } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { adminRoleId } from '#shared/permissions.ts';
import type { SettingsPatch } from '#shared/schemas/domain.ts';
import { createDomain as storeDomain, getDomains, listMembershipsOfUser, saveDomainSettings } from '#shared/store/domain-store.ts';
import { historyEvent } from '#shared/store/history.ts';
import type { DomainRecord, DomainSettings, MembershipRecord } from '#shared/store/records.ts';
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

/** Creates a domain whose first administrator is the creating owner. */
export async function createDomain(caller: Caller, name: string, id: string = randomUUID()) {
  const user = await getUser(caller.userId);
  const at = now().toISOString();
  const language = user?.language ?? 'en';
  const domain: DomainRecord = {
    id,
    name,
    settings: defaultSettings(language, caller.email),
    customRoles: {},
    activeAdmins: 1,
    createdAt: at,
    createdBy: caller.userId,
    version: 1,
  };
  const admin: MembershipRecord = {
    domainId: id,
    userId: caller.userId,
    email: caller.email,
    name: user?.name ?? caller.email,
    language,
    role: adminRoleId(rolePreset()),
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

/** Applies a settings patch, refusing it with 412 when `ifMatch` names an older version. */
export async function updateSettings(access: DomainAccess, patch: SettingsPatch, ifMatch: number | undefined, actor: string) {
  const { domain } = access;
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
  const before = settingsView(domain);
  const after = settingsView(next);
  const event = historyEvent({
    at: now().toISOString(),
    actor,
    action: 'settings.updated',
    targetType: 'domain',
    targetId: domain.id,
    before: { ...before, version: undefined },
    after: { ...after, version: undefined },
  });
  // The read that authorized this request saw `domain.version`; the write is conditional on it,
  // so two concurrent updates cannot both apply on the same version.
  await saveDomainSettings(next, domain.version, event);
  return after;
}

/** The caller's domains, a page at a time, with the caller's role and status in each. */
export async function listMyDomains(caller: Caller, limit: number, cursor: string | undefined) {
  const page = await listMembershipsOfUser(caller.userId, limit, cursor);
  const domains = new Map((await getDomains(page.items.map((m) => m.domainId))).map((d) => [d.id, d]));
  return {
    items: page.items.flatMap((m) => {
      const domain = domains.get(m.domainId);
      return domain ? [{ id: domain.id, name: domain.name, role: m.role, status: m.status }] : [];
    }),
    nextCursor: page.nextCursor,
  };
}
