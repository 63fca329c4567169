/** Schemas of members, roles, history and the access review (SPEC section 4). */
import * as z from 'zod/mini';
import { address, freeText, id, language, lazy, name, pageQuery, timestamp } from '#shared/http/schemas.ts';
import { ALL_PERMISSIONS } from '#shared/permissions.ts';
import { membershipStatus, roleName } from '#shared/schemas/domain.ts';

export const memberParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id(), userId: id() }));
export const roleParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id(), roleId: id() }));

export const memberQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...pageQuery().shape,
    q: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100, 'must be at most 100 characters'))),
    role: z.optional(id()),
    status: z.optional(membershipStatus()),
  }),
);

export const member = /* @__PURE__ */ lazy(() =>
  z.object({
    userId: z.string(),
    email: address(),
    emailVerified: z.boolean(),
    name: z.string(),
    language: language(),
    role: z.nullable(z.string()),
    /** The role's name in the domain (null: pending, or a role the domain no longer has). */
    roleName: roleName(),
    status: membershipStatus(),
    createdAt: timestamp(),
    invitedBy: z.nullable(z.string()),
    lastActiveAt: z.nullable(timestamp()),
    /** Assets checked out to the member now: the membership's count, moved by each checkout and checkin. */
    assetsHeld: z.int(),
    version: z.int(),
  }),
);

export const memberPatch = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      role: z.optional(id()),
      status: z.optional(z.enum(['active', 'inactive'])),
      name: z.optional(name()),
      language: z.optional(language()),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change: role, status, name or language')),
);

const grant = /* @__PURE__ */ lazy(() => z.enum(['*', ...ALL_PERMISSIONS] as [string, ...string[]], 'must be * or a resource:action of SPEC section 3'));
const description = /* @__PURE__ */ lazy(() => z.string().check(z.trim(), z.maxLength(500, 'must be at most 500 characters'), freeText()));
/** A role's permissions: duplicates are refused (the document says `uniqueItems`). */
export const permissionList = /* @__PURE__ */ lazy(() =>
  z.array(grant()).check(
    z.minLength(1, 'must grant at least one permission'),
    z.refine((list) => new Set(list).size === list.length, 'lists a permission twice'),
  ),
);

export const roleCreate = /* @__PURE__ */ lazy(() =>
  z.strictObject({ name: name(), description: z.optional(description()), permissions: permissionList() }),
);

export const rolePatch = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({ name: z.optional(name()), description: z.optional(description()), permissions: z.optional(permissionList()) })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change: name, description or permissions')),
);

export const roleBody = /* @__PURE__ */ lazy(() =>
  z.object({
    id: id(),
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.string()),
    builtIn: z.boolean(),
    version: z.optional(z.int()),
  }),
);

const isoInstant = /* @__PURE__ */ lazy(() => z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2026-01-31T12:00:00Z' }));

export const historyQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...pageQuery().shape,
    actor: z.optional(z.string().check(z.regex(/^(system:[a-z\-]+|[A-Za-z0-9_\-]{1,64})$/, 'must be a user id or system:<name>'))),
    target: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
    action: z.optional(z.string().check(z.regex(/^[a-z_]+\.[a-z_]+$/, 'must be an action such as member.role_changed'))),
    from: z.optional(isoInstant()),
    to: z.optional(isoInstant()),
  }),
);

export const historyEventBody = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    at: timestamp(),
    actor: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    /** The actor's name as the domain knows it now, resolved when read; null for a system actor (system:sweep) or a person no longer known. */
    actorName: z.nullable(z.string()),
    /** The target's name, resolved when read: a member's or role's, an asset's or location's, the domain's, an invitee's address (when the viewer may see it); null when unknown. */
    targetName: z.nullable(z.string()),
    before: z.unknown(),
    after: z.unknown(),
    /** Present when values the viewer may not see elsewhere read "[redacted]" (settings, invitees, role definitions). */
    redacted: z.optional(z.literal(true)),
  }),
);

/** `?force=true` removes a member who still holds assets; they stay listed under a former member. */
export const memberDeleteQuery = /* @__PURE__ */ lazy(() => z.strictObject({ force: z.optional(z.enum(['true', 'false'], 'must be true or false')) }));

export const accessReviewQuery = /* @__PURE__ */ lazy(() => z.strictObject({ format: z.optional(z.enum(['json', 'csv'])) }));

export const accessReviewBody = /* @__PURE__ */ lazy(() =>
  z.object({
    domainId: z.string(),
    generatedAt: timestamp(),
    staleAfterDays: z.int(),
    members: z.array(
      z.object({
        userId: z.string(),
        email: address(),
        name: z.string(),
        role: z.nullable(z.string()),
        status: membershipStatus(),
        lastActiveAt: z.nullable(timestamp()),
        daysInactive: z.nullable(z.int()),
        stale: z.boolean(),
        emailVerified: z.boolean(),
        /** Assets checked out to the member now. */
        assetsHeld: z.int(),
      }),
    ),
    pendingInvitations: z.array(z.object({ id: z.string(), kind: z.string(), email: z.nullable(address()), role: z.nullable(z.string()), expiresAt: timestamp() })),
    /** People removed while holding assets (DELETE member ?force=true): what they still hold. */
    formerMembersHoldingAssets: z.array(z.object({ userId: z.string(), name: z.nullable(z.string()), formerMember: z.literal(true), assetsHeld: z.int() })),
    summary: z.object({ members: z.int(), active: z.int(), inactive: z.int(), pending: z.int(), stale: z.int(), admins: z.int(), pendingInvitations: z.int() }),
    lastSignOff: z.nullable(z.object({ at: timestamp(), by: z.string(), note: z.nullable(z.string()) })),
    nextDueAt: timestamp(),
  }),
);

export const signOffBody = /* @__PURE__ */ lazy(() => z.strictObject({ note: z.optional(z.string().check(z.trim(), z.maxLength(1000, 'must be at most 1000 characters'), freeText())) }));
export const signOffResult = /* @__PURE__ */ lazy(() => z.object({ at: timestamp(), by: z.string(), note: z.nullable(z.string()), nextDueAt: timestamp() }));

export const addedMember = /* @__PURE__ */ lazy(() =>
  z.extend(member(), { setPasswordEmail: z.enum(['queued', 'not_needed']), addedEmail: z.enum(['queued', 'not_needed']) }),
);
