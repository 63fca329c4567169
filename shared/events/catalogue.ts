/**
 * The event catalogue: every `detail-type` the stack publishes on its EventBridge bus
 * (source `gatehouse`), with the JSON Schema of its `detail`. A detail is a history event
 * plus its domain: `{id, at, actor, action, targetType, targetId, before, after, domainId}`,
 * `detail-type` = `action` (shared/domain/table-stream.ts publishes them from the table's
 * stream). `before` and `after` are the target's state around the change (null when it did
 * not exist before or does not after), or only the fields the change touched.
 *
 * One definition: the emitters' types come from it (`historyEvent` in shared/store/history.ts
 * takes only a catalogued action, with its target type and states), the OpenAPI document
 * publishes it (`x-gatehouse-events`), and the integration run holds every event the local
 * bus accepted to it (test/setup/event-catalogue-check.ts).
 *
 * Emitters import only its types: no function bundle holds these schemas but the document's.
 */
import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import { address, id, language, timestamp } from '#shared/http/schemas.ts';
import { assetBody, locationBody, reservationBody } from '#shared/schemas/assets.ts';
import { membershipStatus, settings } from '#shared/schemas/domain.ts';
import { invitationBody } from '#shared/schemas/invitations.ts';
import { member, roleBody } from '#shared/schemas/members.ts';
import { EVENT_SOURCE } from '#shared/events/source.ts';

export type EventTargetType = 'domain' | 'role' | 'member' | 'invitation' | 'location' | 'asset';

interface EventDefinition {
  targetType: EventTargetType;
  /** When the event happens: the schema's description. */
  when: string;
  before: () => zc.$ZodType;
  after: () => zc.$ZodType;
}

const none = () => z.null();
const memberState = () => z.object({ status: membershipStatus(), role: z.nullable(z.string()) });
const memberProfile = () => z.object({ name: z.string(), language: language() });
const holding = () => z.object({ status: z.enum(['available', 'checked_out']), holderId: z.nullable(z.string()), holderName: z.nullable(z.string()) });
const joined = () => z.object({ invitationId: z.string(), email: address(), role: z.nullable(z.string()), status: z.enum(['active', 'pending']) });
const signOff = () => z.object({ at: timestamp(), by: z.string(), note: z.nullable(z.string()) });

/** Every action, in the order README's table lists them. */
const EVENTS = {
  'domain.created': {
    targetType: 'domain',
    when: 'An owner created the domain; its creator is its first administrator.',
    before: none,
    after: () => z.object({ name: z.string(), firstAdmin: z.string() }),
  },
  'settings.updated': {
    targetType: 'domain',
    when: "The domain's settings, billing or branding changed: its settings before and after.",
    before: () => settings(),
    after: () => settings(),
  },
  'access_review.signed_off': {
    targetType: 'domain',
    when: 'An access review was signed off: the previous sign-off (null for the first) and this one.',
    before: () => z.nullable(signOff()),
    after: signOff,
  },
  'role.created': { targetType: 'role', when: 'A custom role was created.', before: none, after: () => roleBody() },
  'role.updated': { targetType: 'role', when: "A custom role's name, description or permissions changed.", before: () => roleBody(), after: () => roleBody() },
  'role.deleted': { targetType: 'role', when: 'A custom role was deleted.', before: () => roleBody(), after: none },
  'member.added': {
    targetType: 'member',
    when: 'An administrator added a member by hand (POST /domains/{domainId}/members); newAccount when the address had no account.',
    before: none,
    after: () => z.object({ email: address(), role: z.string(), status: z.literal('active'), newAccount: z.boolean() }),
  },
  'member.activated': { targetType: 'member', when: 'A pending member got a role and became active.', before: memberState, after: memberState },
  'member.role_changed': { targetType: 'member', when: "A member's role changed.", before: () => z.object({ role: z.nullable(z.string()) }), after: () => z.object({ role: z.nullable(z.string()) }) },
  'member.deactivated': {
    targetType: 'member',
    when: 'A member became inactive: by an administrator, or by the daily sweep (actor system:sweep, after.reason "stale", before.lastActiveAt).',
    before: () => z.object({ status: membershipStatus(), role: z.nullable(z.string()), lastActiveAt: z.optional(z.nullable(timestamp())) }),
    after: () => z.object({ status: membershipStatus(), role: z.nullable(z.string()), reason: z.optional(z.literal('stale')) }),
  },
  'member.reactivated': { targetType: 'member', when: 'An inactive member became active again.', before: memberState, after: memberState },
  'member.updated': {
    targetType: 'member',
    when: "An administrator changed a member's name or language: the changed fields only.",
    before: () => z.object({ name: z.optional(z.string()), language: z.optional(language()) }),
    after: () => z.object({ name: z.optional(z.string()), language: z.optional(language()) }),
  },
  'member.profile_updated': {
    targetType: 'member',
    when: 'The member changed their own name or language (PATCH /me); recorded in each of their domains.',
    before: memberProfile,
    after: memberProfile,
  },
  'member.removed': {
    targetType: 'member',
    when: 'A membership was deleted; after lists the assets the member still held when removed with force.',
    before: () => member(),
    after: () => z.nullable(z.object({ assetsHeld: z.array(z.string()) })),
  },
  'member.password_set': { targetType: 'member', when: 'A set-password link was used: the address is proven.', before: none, after: () => z.object({ emailVerified: z.literal(true) }) },
  'member.set_password_email_sent': {
    targetType: 'member',
    when: 'A new set-password link was emailed; the previous one died.',
    before: none,
    after: () => z.object({ expiresAt: timestamp() }),
  },
  'member.registration_expired': {
    targetType: 'member',
    when: 'The daily sweep removed a pending registration older than pendingRegistrationDays (actor system:sweep).',
    before: () => z.object({ status: z.literal('pending'), registeredAt: timestamp() }),
    after: none,
  },
  'invitation.invited': { targetType: 'invitation', when: 'An email invitation was sent to a new address.', before: none, after: () => invitationBody() },
  'invitation.refreshed': {
    targetType: 'invitation',
    when: 'Inviting an address again re-issued its pending or expired invitation (new link and expiry).',
    before: () => invitationBody(),
    after: () => invitationBody(),
  },
  'invitation.resent': {
    targetType: 'invitation',
    when: 'An invitation or link was resent (POST .../invitations/{invitationId}/resend): new token and expiry, the old link dead.',
    before: () => invitationBody(),
    after: () => invitationBody(),
  },
  'invitation.revoked': { targetType: 'invitation', when: 'An invitation or link was revoked.', before: () => invitationBody(), after: none },
  'invitation.link_created': { targetType: 'invitation', when: 'A shareable registration link was created.', before: none, after: () => invitationBody() },
  'invitation.accepted': { targetType: 'member', when: 'An email invitation was accepted: the member joined.', before: none, after: joined },
  'invitation.registered': {
    targetType: 'member',
    when: 'A link registration was verified, or a signed-in caller joined by a link.',
    before: none,
    after: joined,
  },
  'invitation.delivery_failed': {
    targetType: 'invitation',
    when: "The mail worker gave up on an invitation's email: SES rejected it for good, or it still failed after its retries (actor system:mail). Resend it once the cause is fixed.",
    before: () => z.object({ delivery: z.literal('queued') }),
    after: () => z.object({ delivery: z.literal('delivery_failed'), reason: z.string() }),
  },
  'invitation.expired': {
    targetType: 'invitation',
    when: "A pending invitation's token expired unused (actor system:ttl).",
    before: () => z.object({ status: z.literal('pending'), email: z.nullable(address()) }),
    after: () => z.object({ status: z.literal('expired') }),
  },
  'location.created': { targetType: 'location', when: 'A location was created.', before: none, after: () => locationBody() },
  'location.updated': {
    targetType: 'location',
    when: 'A location was renamed or described anew: the changed fields only.',
    before: () => z.object({ name: z.optional(z.string()), description: z.optional(z.string()) }),
    after: () => z.object({ name: z.optional(z.string()), description: z.optional(z.string()) }),
  },
  'location.deleted': { targetType: 'location', when: 'An empty location was deleted.', before: () => locationBody(), after: none },
  'asset.created': { targetType: 'asset', when: 'An asset was created.', before: none, after: () => assetBody() },
  'asset.updated': {
    targetType: 'asset',
    when: 'An asset was renamed, re-tagged or moved: the changed fields only.',
    before: () => z.object({ name: z.optional(z.string()), tag: z.optional(z.string()), locationId: z.optional(z.nullable(z.string())) }),
    after: () => z.object({ name: z.optional(z.string()), tag: z.optional(z.string()), locationId: z.optional(z.nullable(z.string())) }),
  },
  'asset.deleted': { targetType: 'asset', when: 'An asset was deleted.', before: () => assetBody(), after: none },
  'asset.checked_out': { targetType: 'asset', when: 'An asset was checked out to a member.', before: holding, after: holding },
  'asset.checked_in': { targetType: 'asset', when: 'An asset was checked in.', before: holding, after: holding },
  'asset.reserved': { targetType: 'asset', when: 'A reservation of an asset was made.', before: none, after: () => reservationBody() },
} as const satisfies Record<string, EventDefinition>;

/** A detail-type the stack publishes: the action of a history event. */
export type EventAction = keyof typeof EVENTS;

type Output<F> = F extends () => infer S ? (S extends zc.$ZodType ? zc.output<S> : never) : never;

/** A history event of one action, as its emitter builds it: the catalogue types its target and states. */
export interface CataloguedEvent<A extends EventAction = EventAction> {
  id: string;
  at: string;
  actor: string;
  action: A;
  targetType: (typeof EVENTS)[A]['targetType'];
  targetId: string;
  before: Output<(typeof EVENTS)[A]['before']>;
  after: Output<(typeof EVENTS)[A]['after']>;
}

/** The zod schema of one detail-type's `detail`: the history event plus its domain. */
export function eventDetailSchema(action: EventAction) {
  const event: EventDefinition = EVENTS[action];
  return z.object({
    id: z.string(),
    at: timestamp(),
    actor: z.string(),
    action: z.literal(action),
    targetType: z.literal(event.targetType),
    targetId: z.string(),
    before: event.before(),
    after: event.after(),
    domainId: id(),
  });
}

/** Every detail-type, in catalogue order. */
export const EVENT_ACTIONS = Object.keys(EVENTS) as EventAction[];

const plainJsonSchema = (schema: zc.$ZodType) => z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;

/**
 * The catalogue as published: the event source and the JSON Schema (2020-12) of each
 * detail-type's `detail`. `toJsonSchema` converts a zod schema (the OpenAPI document passes
 * its own, which adds formats); plain `z.toJSONSchema` by default.
 */
export function eventCatalogue(toJsonSchema: (schema: zc.$ZodType) => Record<string, unknown> = plainJsonSchema): {
  source: string;
  detailTypes: Record<string, object>;
} {
  return {
    source: EVENT_SOURCE,
    detailTypes: Object.fromEntries(
      EVENT_ACTIONS.map((action) => [action, { ...toJsonSchema(eventDetailSchema(action)), title: action, description: EVENTS[action].when }]),
    ),
  };
}
