/**
 * Schemas of what the API returns and accepts for domains, settings, roles and the caller.
 * SPEC section 4 gives the fields, defaults and ranges.
 */
import * as z from 'zod/mini';
import { email, id, language, lazy, name } from '#shared/http/schemas.ts';

const days = (min: number, max: number) =>
  z.int().check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`));

export const SETTINGS_LIMITS = {
  invitationValidityDays: [1, 30],
  linkValidityDaysMax: [1, 365],
  staleAfterDays: [0, 3650],
  pendingRegistrationDays: [1, 365],
  accessReviewEveryDays: [1, 3650],
} as const;

const billing = z.strictObject({
  plan: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  contactEmail: z.nullable(email),
});

const branding = z.strictObject({
  productName: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  logoUrl: z.nullable(
    z.url({ protocol: /^https$/, error: 'must be an https URL' }).check(z.maxLength(2048)),
  ),
  primaryColor: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb')),
});

export const settings = z.strictObject({
  name,
  defaultLanguage: language,
  invitationValidityDays: days(...SETTINGS_LIMITS.invitationValidityDays),
  linkValidityDaysMax: days(...SETTINGS_LIMITS.linkValidityDaysMax),
  staleAfterDays: days(...SETTINGS_LIMITS.staleAfterDays),
  pendingRegistrationDays: days(...SETTINGS_LIMITS.pendingRegistrationDays),
  accessReviewEveryDays: days(...SETTINGS_LIMITS.accessReviewEveryDays),
  billing,
  branding,
});
export type Settings = z.infer<typeof settings>;

export const settingsBody = lazy(() => z.extend(settings, { version: z.int() }));

/** PATCH: any subset, billing and branding field by field. */
export const settingsPatch = z
  .strictObject({
    name: z.optional(settings.shape.name),
    defaultLanguage: z.optional(language),
    invitationValidityDays: z.optional(settings.shape.invitationValidityDays),
    linkValidityDaysMax: z.optional(settings.shape.linkValidityDaysMax),
    staleAfterDays: z.optional(settings.shape.staleAfterDays),
    pendingRegistrationDays: z.optional(settings.shape.pendingRegistrationDays),
    accessReviewEveryDays: z.optional(settings.shape.accessReviewEveryDays),
    billing: z.optional(z.partial(billing)),
    branding: z.optional(z.partial(branding)),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one setting to change'));
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const membershipStatus = z.enum(['active', 'inactive', 'pending']);
export type MembershipStatus = z.infer<typeof membershipStatus>;

export const domainSummary = lazy(() =>
  z.object({
    id,
    name: z.string(),
    role: z.nullable(z.string()),
    status: membershipStatus,
  }),
);

export const domainBody = lazy(() => z.object({ id, name: z.string() }));
export const createDomainBody = z.strictObject({ name });

export const role = lazy(() =>
  z.object({
    id,
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.string()),
    builtIn: z.boolean(),
  }),
);

export const meBody = lazy(() =>
  z.object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    language,
    owner: z.boolean(),
    memberships: z.array(
      z.object({
        domainId: id,
        domainName: z.string(),
        role: z.nullable(z.string()),
        status: membershipStatus,
        permissions: z.array(z.string()),
      }),
    ),
  }),
);

export const mePatch = z
  .strictObject({ name: z.optional(name), language: z.optional(language) })
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change: name or language'));
