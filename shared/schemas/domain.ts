/**
 * Schemas of what the API returns and accepts for domains, settings, roles and the caller.
 * SPEC section 4 gives the fields, defaults and ranges. Each is built on first use.
 */
import * as z from 'zod/mini';
import { address, email, id, language, lazy, name, oneLine } from '#shared/http/schemas.ts';

const days = (min: number, max: number) =>
  z.int().check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`));

export const SETTINGS_LIMITS = {
  invitationValidityDays: [1, 30],
  linkValidityDaysMax: [1, 365],
  staleAfterDays: [0, 3650],
  pendingRegistrationDays: [1, 365],
  accessReviewEveryDays: [1, 3650],
} as const;

const billing = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    plan: z.string().check(z.trim(), z.minLength(1), z.maxLength(40), oneLine()),
    contactEmail: z.nullable(email()),
  }),
);

/** A domain's branding: what its emails and hosted pages show. */
export const branding = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    productName: z.string().check(z.trim(), z.minLength(1), z.maxLength(60), oneLine()),
    logoUrl: z.nullable(z.url({ protocol: /^https$/, error: 'must be an https URL' }).check(z.maxLength(2048))),
    primaryColor: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb')),
  }),
);

const settingsFields = /* @__PURE__ */ lazy(() => ({
  name: name(),
  defaultLanguage: language(),
  invitationValidityDays: days(...SETTINGS_LIMITS.invitationValidityDays),
  linkValidityDaysMax: days(...SETTINGS_LIMITS.linkValidityDaysMax),
  staleAfterDays: days(...SETTINGS_LIMITS.staleAfterDays),
  pendingRegistrationDays: days(...SETTINGS_LIMITS.pendingRegistrationDays),
  accessReviewEveryDays: days(...SETTINGS_LIMITS.accessReviewEveryDays),
}));

export const settings = /* @__PURE__ */ lazy(() => z.strictObject({ ...settingsFields(), billing: billing(), branding: branding() }));
export type Settings = z.infer<ReturnType<typeof settings>>;

export const settingsBody = /* @__PURE__ */ lazy(() => z.extend(settings(), { version: z.int() }));

/** PATCH: any subset, billing and branding field by field. */
export const settingsPatch = /* @__PURE__ */ lazy(() => {
  const fields = settingsFields();
  return z
    .strictObject({
      name: z.optional(fields.name),
      defaultLanguage: z.optional(fields.defaultLanguage),
      invitationValidityDays: z.optional(fields.invitationValidityDays),
      linkValidityDaysMax: z.optional(fields.linkValidityDaysMax),
      staleAfterDays: z.optional(fields.staleAfterDays),
      pendingRegistrationDays: z.optional(fields.pendingRegistrationDays),
      accessReviewEveryDays: z.optional(fields.accessReviewEveryDays),
      billing: z.optional(z.partial(billing())),
      branding: z.optional(z.partial(branding())),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one setting to change'));
});
export type SettingsPatch = z.infer<ReturnType<typeof settingsPatch>>;

export const MEMBERSHIP_STATUSES = ['active', 'inactive', 'pending'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const membershipStatus = /* @__PURE__ */ lazy(() => z.enum(MEMBERSHIP_STATUSES));

/** The display name of the member's role (built-in or custom), beside its id; null while pending. */
export const roleName = /* @__PURE__ */ lazy(() => z.nullable(z.string()));

export const domainSummary = /* @__PURE__ */ lazy(() =>
  z.object({ id: id(), name: z.string(), role: z.nullable(z.string()), roleName: roleName(), status: membershipStatus() }),
);

export const domainBody = /* @__PURE__ */ lazy(() => z.object({ id: id(), name: z.string() }));
export const createDomainBody = /* @__PURE__ */ lazy(() => z.strictObject({ name: name() }));

export const meBody = /* @__PURE__ */ lazy(() =>
  z.object({
    userId: z.string(),
    email: address(),
    name: z.string(),
    language: language(),
    owner: z.boolean(),
    memberships: z.array(
      z.object({
        domainId: id(),
        domainName: z.string(),
        role: z.nullable(z.string()),
        roleName: roleName(),
        status: membershipStatus(),
        permissions: z.array(z.string()),
        primaryColor: z.string().check(z.describe("The domain's brand colour (its settings' branding.primaryColor): the console's elements default their theme to it.")),
      }),
    ).check(
      z.describe(
        'Every membership of the caller, complete in this one answer (never paged): a member of 1,000 domains gets 1,000 entries, about 0.6 MB. Read in one Query and one BatchGetItem per 100 domains. GET /domains lists the same domains a page at a time.',
      ),
    ),
  }),
);

export const mePatch = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({ name: z.optional(name()), language: z.optional(language()) })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change: name or language')),
);
