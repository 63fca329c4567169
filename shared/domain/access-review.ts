/**
 * The access review: every member with what they may do and how long they have been
 * away, so an administrator can confirm or take away access, then sign the review off.
 */
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import { grantsOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { isAdminGrant } from '#shared/permissions.ts';
import { heldAssetHolders } from '#shared/store/asset-store.ts';
import { saveAccessReviewSignOff } from '#shared/store/domain-store.ts';
import { historyEvent } from '#shared/store/history.ts';
import { allMembers } from '#shared/store/member-store.ts';
import type { DomainRecord } from '#shared/store/records.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the next review falls due: `accessReviewEveryDays` after the last sign-off (or the domain's creation). */
export function nextReviewDue(domain: DomainRecord): string {
  const from = domain.lastAccessReview?.at ?? domain.createdAt;
  return new Date(Date.parse(from) + domain.settings.accessReviewEveryDays * DAY_MS).toISOString();
}

/** Pending invitations of a domain, for the review; the invitations issue supplies them. */
export type PendingInvitationSource = (domainId: string) => Promise<{ id: string; kind: string; email: string | null; role: string | null; expiresAt: string }[]>;

export async function accessReview(access: DomainAccess, pendingInvitations: PendingInvitationSource) {
  const { domain } = access;
  const at = now();
  const preset = rolePreset();
  const staleAfter = domain.settings.staleAfterDays;
  const [members, invitations, held] = await Promise.all([allMembers(domain.id), pendingInvitations(domain.id), heldAssetHolders(domain.id)]);
  const rows = members.map((m) => {
    const since = m.lastActiveAt ?? m.createdAt;
    const daysInactive = since ? Math.max(0, Math.floor((at.getTime() - Date.parse(since)) / DAY_MS)) : null;
    return {
      userId: m.userId,
      email: m.email,
      name: m.name,
      role: m.role,
      status: m.status,
      lastActiveAt: m.lastActiveAt,
      daysInactive,
      // staleAfterDays 0 turns staleness off; only active members can go stale.
      stale: staleAfter > 0 && m.status === 'active' && daysInactive !== null && daysInactive > staleAfter,
      emailVerified: m.emailVerified ?? false,
      // What to collect from a member leaving: assets checked out to them (the holder index).
      assetsHeld: held.get(m.userId)?.count ?? 0,
    };
  });
  // Assets still checked out to someone who is no member any more (removed with ?force=true):
  // listed so that an administrator collects them.
  const memberIds = new Set(members.map((m) => m.userId));
  const formerMembers = [...held]
    .filter(([holderId]) => !memberIds.has(holderId))
    .map(([holderId, h]) => ({ userId: holderId, name: h.name, formerMember: true as const, assetsHeld: h.count }));
  const count = (predicate: (row: (typeof rows)[number]) => boolean) => rows.filter(predicate).length;
  return {
    domainId: domain.id,
    generatedAt: at.toISOString(),
    staleAfterDays: staleAfter,
    members: rows,
    pendingInvitations: invitations,
    formerMembersHoldingAssets: formerMembers,
    summary: {
      members: rows.length,
      active: count((r) => r.status === 'active'),
      inactive: count((r) => r.status === 'inactive'),
      pending: count((r) => r.status === 'pending'),
      stale: count((r) => r.stale),
      admins: count((r) => r.status === 'active' && isAdminGrant(grantsOf(domain, preset, r.role))),
      pendingInvitations: invitations.length,
    },
    lastSignOff: domain.lastAccessReview,
    nextDueAt: nextReviewDue(domain),
  };
}

const CSV_COLUMNS = ['userId', 'email', 'name', 'role', 'status', 'lastActiveAt', 'daysInactive', 'stale', 'emailVerified', 'assetsHeld'] as const;

/** One CSV field (RFC 4180), with formula-looking text defused for spreadsheets. */
function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The review's members as CSV, header first, CRLF line ends; then a row per former member
 * who still holds assets (status `former member`), so the download lists what to collect too.
 */
export function accessReviewCsv(review: Awaited<ReturnType<typeof accessReview>>): string {
  const former = review.formerMembersHoldingAssets.map((f) => ({ userId: f.userId, name: f.name, status: 'former member', assetsHeld: f.assetsHeld }) as Record<string, unknown>);
  const rows: Record<string, unknown>[] = [...review.members, ...former];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Records that `caller` reviewed the list now; the next review falls due accessReviewEveryDays later. */
export async function signOffAccessReview(access: DomainAccess, caller: Caller, note: string | undefined) {
  const signOff = { at: now().toISOString(), by: caller.userId, note: note ?? null };
  const event = historyEvent({
    at: signOff.at,
    actor: caller.userId,
    action: 'access_review.signed_off',
    targetType: 'domain',
    targetId: access.domain.id,
    before: access.domain.lastAccessReview,
    after: signOff,
  });
  await saveAccessReviewSignOff(access.domain.id, signOff, event);
  return { ...signOff, nextDueAt: nextReviewDue({ ...access.domain, lastAccessReview: signOff }) };
}
