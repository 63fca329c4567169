/**
 * The domain's history as a viewer may see it. `history:view` shows who did what and when;
 * the values inside an event are shown only to a viewer whose other permissions would show
 * them anyway: settings and billing (settings:view), invitee addresses and link settings
 * (invitations:view), role definitions (roles:view). A hidden value reads "[redacted]", and
 * the event says `redacted: true`, so a reader knows something was left out.
 */
import { rolePreset } from '#shared/config.ts';
import { roleNameOf } from '#shared/domain/roles.ts';
import type { DomainAccess } from '#shared/http/access.ts';
import { allows, type Grant, type Permission } from '#shared/permissions.ts';
import { getMany } from '#shared/store/dynamo.ts';
import { type HistoryFilter, listHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import type { DomainRecord, HistoryEvent } from '#shared/store/records.ts';

export const REDACTED = '[redacted]';

/** For events whose action starts with `prefix`: the permission that shows their values, and which top-level fields it hides. */
interface Rule {
  prefix: string;
  needs: Permission;
  /** The fields of before/after hidden without the permission (the rest stays). */
  hides: (field: string) => boolean;
}

const INVITATION_FIELDS = new Set(['email', 'emails', 'role', 'maxUses', 'uses', 'allowedEmailDomains', 'expiresAt', 'validDays', 'message']);

const RULES: readonly Rule[] = [
  // The domain's name is shown to every member; every other setting (billing included) is not.
  { prefix: 'settings.', needs: 'settings:view', hides: (field) => field !== 'name' },
  { prefix: 'domain.created', needs: 'settings:view', hides: (field) => field !== 'name' && field !== 'firstAdmin' },
  { prefix: 'invitation.', needs: 'invitations:view', hides: (field) => INVITATION_FIELDS.has(field) },
  { prefix: 'role.', needs: 'roles:view', hides: (field) => field === 'permissions' },
];

type Shown = Pick<HistoryEvent, 'id' | 'at' | 'actor' | 'action' | 'targetType' | 'targetId' | 'before' | 'after'> & { redacted?: true };

function hideIn(value: unknown, hides: (field: string) => boolean): { value: unknown; hidden: boolean } {
  if (value === null || value === undefined) return { value, hidden: false };
  if (typeof value !== 'object' || Array.isArray(value)) return { value: REDACTED, hidden: true };
  let hidden = false;
  const shown = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([field, v]) => {
      if (!hides(field) || v === null) return [field, v];
      hidden = true;
      return [field, REDACTED];
    }),
  );
  return { value: shown, hidden };
}

/** An event with the values hidden that `grants` would not show elsewhere. */
export function redactEvent(event: Shown, grants: readonly Grant[]): Shown {
  const rule = RULES.find((r) => event.action.startsWith(r.prefix));
  if (!rule || allows(grants, rule.needs)) return event;
  const before = hideIn(event.before, rule.hides);
  const after = hideIn(event.after, rule.hides);
  if (!before.hidden && !after.hidden) return event;
  return { ...event, before: before.value, after: after.value, redacted: true };
}

/** The `name` an event's own states carry (after, else before), unless hidden from the viewer. */
function snapshotName(event: Shown): string | null {
  for (const state of [event.after, event.before]) {
    const name = state && typeof state === 'object' ? (state as Record<string, unknown>).name : undefined;
    if (typeof name === 'string' && name !== REDACTED) return name;
  }
  return null;
}

/** An invitation's address, from the event's own states, unless hidden from the viewer (a link has none). */
function invitee(event: Shown): string | null {
  for (const state of [event.after, event.before]) {
    const email = state && typeof state === 'object' ? (state as Record<string, unknown>).email : undefined;
    if (typeof email === 'string' && email !== REDACTED) return email;
  }
  return null;
}

const isPerson = (actor: string) => !actor.startsWith('system:');

/**
 * The names of the actors and targets of a page of events, resolved when the page is read,
 * not stored on the events: a person's or thing's name as the domain knows it now (the one
 * the members and assets lists show), the audit record itself holding ids only, so a renamed
 * or erased person is not repeated in every event they ever caused. One BatchGetItem for the
 * page (memberships, profiles, assets and locations named by it), 100 keys a call in parallel.
 *
 * A person: their membership's name in this domain, else their profile's (a removed member),
 * else the name the event itself recorded. A role: its current name, else the event's (a
 * deleted role). An asset or location: its current name, else the event's. The domain: its
 * name. An invitation: the invitee's address when the viewer may see it (a link has none).
 * A system actor (`system:sweep`) and anything no longer known: null.
 */
async function namesOf(domain: DomainRecord, events: readonly Shown[]) {
  const people = new Set<string>();
  const things: { pk: string; sk: string }[] = [];
  for (const event of events) {
    if (isPerson(event.actor)) people.add(event.actor);
    if (event.targetType === 'member') people.add(event.targetId);
    if (event.targetType === 'asset') things.push(keys.asset(domain.id, event.targetId));
    if (event.targetType === 'location') things.push(keys.location(domain.id, event.targetId));
  }
  const personKeys = [...people].flatMap((userId) => [keys.membership(domain.id, userId), keys.user(userId)]);
  const found = await getMany([...personKeys, ...things]);
  const names = new Map<string, string>();
  [...personKeys, ...things].forEach((key, i) => {
    const name = found[i]?.name;
    if (typeof name === 'string' && !names.has(`${key.pk}|${key.sk}`)) names.set(`${key.pk}|${key.sk}`, name);
  });
  const at = (key: { pk: string; sk: string }) => names.get(`${key.pk}|${key.sk}`);
  const person = (userId: string) => at(keys.membership(domain.id, userId)) ?? at(keys.user(userId));
  const preset = rolePreset();
  return (event: Shown) => {
    const actorName = isPerson(event.actor) ? (person(event.actor) ?? null) : null;
    let targetName: string | null;
    switch (event.targetType) {
      case 'member':
        targetName = person(event.targetId) ?? snapshotName(event);
        break;
      case 'domain':
        targetName = event.targetId === domain.id ? domain.name : null;
        break;
      case 'role':
        targetName = roleNameOf(domain, preset, event.targetId) ?? snapshotName(event);
        break;
      case 'asset':
        targetName = at(keys.asset(domain.id, event.targetId)) ?? snapshotName(event);
        break;
      case 'location':
        targetName = at(keys.location(domain.id, event.targetId)) ?? snapshotName(event);
        break;
      case 'invitation':
        targetName = invitee(event);
        break;
      default:
        targetName = null;
    }
    return { actorName, targetName };
  };
}

/** A page of the domain's history, newest first, redacted for the caller, with the names of its actors and targets. */
export async function historyFor(access: DomainAccess, filter: HistoryFilter, limit: number, cursor: string | undefined) {
  const page = await listHistory(access.domain.id, filter, limit, cursor);
  const shown = page.items.map((event) => redactEvent(event, access.grants));
  const named = await namesOf(access.domain, shown);
  return { items: shown.map((event) => ({ ...event, ...named(event) })), nextCursor: page.nextCursor };
}
