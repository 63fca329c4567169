/** Schemas of invitations, registration links, accepting them, and adding a member by hand (SPEC sections 4 and 5). */
import * as z from 'zod/mini';
import { address, email, freeText, id, language, lazy, name, oneLine, pageQuery, timestamp } from '#shared/http/schemas.ts';
import { branding } from '#shared/schemas/domain.ts';

export const invitationParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id(), invitationId: id() }));
export const tokenParams = /* @__PURE__ */ lazy(() =>
  z.strictObject({ token: z.string().check(z.regex(/^[A-Za-z0-9_\-]{16,128}$/, 'is not an invitation token')) }),
);

export const invitationQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...pageQuery().shape,
    kind: z.optional(z.enum(['email', 'link'])),
    status: z.optional(z.enum(['pending', 'expired'])),
    email: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(254))),
  }),
);

/** The JSON form of inviting: up to 50 addresses with one role. A CSV is sent as a text/csv body (`invitationsCsv`). */
export const createInvitationsBody = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    {
      // Each address is checked on its own and answered per row, so a bad one never fails the batch.
      emails: z.array(z.string().check(z.maxLength(320, 'must be at most 320 characters'), oneLine())).check(
        z.minLength(1, 'must list at least one address'),
        z.maxLength(50, 'must list at most 50 addresses; send a CSV for more'),
      ),
      role: id(),
      validDays: z.optional(z.int().check(z.gte(1, 'must be at least 1'), z.lte(30, 'must be at most 30'))),
      message: z.optional(z.string().check(z.trim(), z.maxLength(1000, 'must be at most 1000 characters'), freeText())),
    },
    {
      // A JSON `{csv}` body was once an internal form: say where a CSV goes now.
      error: (issue) =>
        issue.code === 'unrecognized_keys' && issue.keys.includes('csv') ? `has unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}; send a CSV as a text/csv body, not in JSON` : undefined,
    },
  ),
);

/** The text/csv form of inviting: the body's raw text, parsed and limited to 500 rows by the domain (shared/domain/send-invitations.ts). */
export const invitationsCsv = /* @__PURE__ */ lazy(() =>
  z.string().check(
    z.describe(
      'A header row email,role,language, then one invitee per row (RFC 4180 quoting; language may be left out), up to 500 rows and 64 KiB. A row whose role the domain lacks refuses the whole upload (400 unknown-role).',
    ),
  ),
);

export const invitationResult = /* @__PURE__ */ lazy(() =>
  z.object({
    email: z.string(),
    row: z.optional(z.int()),
    status: z.enum(['invited', 'refreshed', 'already_member', 'invalid']),
    reason: z.optional(z.string()),
    invitationId: z.optional(z.string()),
    delivery: z.optional(z.enum(['queued', 'sent', 'failed'])),
  }),
);

export const invitationResults = /* @__PURE__ */ lazy(() =>
  z.object({
    results: z.array(invitationResult()),
    summary: z.object({ invited: z.int(), refreshed: z.int(), already_member: z.int(), invalid: z.int(), deliveryFailed: z.int(), queued: z.int() }),
  }),
);

export const invitationBody = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(['email', 'link']),
    email: z.nullable(address()),
    role: z.nullable(z.string()),
    status: z.enum(['pending', 'expired']),
    delivery: z.nullable(z.enum(['queued', 'pending', 'sent', 'failed', 'delivery_failed', 'bounced', 'complained'])),
    deliveryReason: z.optional(z.string()),
    invitedBy: z.string(),
    createdAt: timestamp(),
    expiresAt: timestamp(),
    maxUses: z.nullable(z.int()),
    uses: z.int(),
    allowedEmailDomains: z.nullable(z.array(z.string())),
    version: z.int(),
  }),
);

export const resendResult = /* @__PURE__ */ lazy(() => z.extend(invitationBody(), { url: z.optional(z.string()) }));

const emailDomain = /* @__PURE__ */ lazy(() =>
  z.string().check(z.toLowerCase(), z.maxLength(253, 'must be a domain name such as example.com'), z.regex(/^([a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com')),
);

export const inviteLinkBody = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    validDays: z.int().check(z.gte(1, 'must be at least 1'), z.lte(365, 'must be at most 365')),
    maxUses: z.optional(z.int().check(z.gte(1, 'must be at least 1'), z.lte(100_000, 'must be at most 100000'))),
    role: z.optional(id()),
    allowedEmailDomains: z.optional(z.array(emailDomain()).check(z.minLength(1), z.maxLength(50))),
  }),
);

export const inviteLinkResult = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), url: z.string(), expiresAt: timestamp(), maxUses: z.nullable(z.int()), uses: z.int() }),
);

export const previewBody = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.enum(['email', 'link', 'set-password']),
    domainName: z.string(),
    invitedBy: z.string(),
    email: z.optional(address()),
    role: z.optional(z.nullable(z.string())),
    expiresAt: timestamp(),
    // For the hosted pages: the domain's branding, and the invitee's language where the invitation names one.
    branding: branding(),
    language: z.optional(language()),
  }),
);

export const acceptBody = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    email: z.optional(email()),
    name: z.optional(name()),
    // The policy is checked in the domain, to answer with everything the password lacks.
    password: z.optional(z.string().check(z.maxLength(256, 'must be at most 256 characters'))),
    language: z.optional(language()),
  }),
);

export const acceptResult = /* @__PURE__ */ lazy(() => z.object({ userId: z.string(), domainId: z.string(), status: z.enum(['active', 'pending']) }));

/** A registration through a link, signed out: the same answer whether or not the address has an account. */
export const verificationSent = /* @__PURE__ */ lazy(() => z.object({ status: z.literal('verification_sent'), email: address() }));

/** A new set-password email for a member who has no password yet. */
export const setPasswordEmailResult = /* @__PURE__ */ lazy(() => z.object({ delivery: z.enum(['queued']), expiresAt: timestamp() }));

export const addMemberBody = /* @__PURE__ */ lazy(() => z.strictObject({ email: email(), name: name(), language: language(), role: id() }));
