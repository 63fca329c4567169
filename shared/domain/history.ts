/**
 * The domain's history as a viewer may see it. `history:view` shows who did what and when;
 * the values inside an event are shown only to a viewer whose other permissions would show
 * them anyway: settings and billing (settings:view), invitee addresses and link settings
 * (invitations:view), role definitions (roles:view). A hidden value reads "[redacted]", and
 * the event says `redacted: true`, so a reader knows something was left out.
 */
import type { DomainAccess } from '#shared/http/access.ts';
import { allows, type Grant, type Permission } from '#shared/permissions.ts';
import { type HistoryFilter, listHistory } from '#shared/store/history.ts';
import type { HistoryEvent } from '#shared/store/records.ts';

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

/** A page of the domain's history, newest first, redacted for the caller. */
export async function historyFor(access: DomainAccess, filter: HistoryFilter, limit: number, cursor: string | undefined) {
  const page = await listHistory(access.domain.id, filter, limit, cursor);
  return { items: page.items.map((event) => redactEvent(event, access.grants)), nextCursor: page.nextCursor };
}
