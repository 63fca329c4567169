/**
 * The daily sweeps (SPEC section 6): stale members become inactive, old pending
 * registrations go, users left without any membership for 30 days are deleted, and due
 * access reviews get one reminder. Each sweep reads the sparse index gsi3 (only what can
 * fall due is in it), so its cost follows what it changes, not the size of the table.
 *
 * Idempotent and resumable: every change is its own transaction with its history event
 * (actor `system:sweep`) and is decided on a fresh read, so a second run finds nothing left
 * to do, and a run cut off half way leaves consistent data for the next run to finish.
 */
import { appUrl, rolePreset } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { nextReviewDue } from '#shared/domain/access-review.ts';
import { adminCheck, followInDirectory } from '#shared/domain/members.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Mailer } from '#shared/mail/mailer.ts';
import { MailRefused } from '#shared/mail/mailer.ts';
import { accessReviewReminderEmail, staleDigestEmail } from '#shared/mail/templates.ts';
import { isAdminGrant } from '#shared/permissions.ts';
import { activeMembersWithRoles, getDomains, listAllDomainIds, loadDomainAccess } from '#shared/store/domain-store.ts';
import { ConcurrentChange, TransactionConflict } from '#shared/store/dynamo.ts';
import { historyEvent } from '#shared/store/history.ts';
import { LastAdminError, saveMembershipChange } from '#shared/store/member-store.ts';
import type { DomainRecord, MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { claimReviewReminder, deleteOrphan, dueItems, hasAnyMembership, type SweepPartition } from '#shared/store/sweep-store.ts';
import { getUser } from '#shared/store/user-store.ts';

export const SWEEP_ACTOR = 'system:sweep';
/** A user with no membership left is deleted after this many days. */
export const ORPHAN_DAYS = 30;
const DAY_MS = 86_400_000;

export interface SweepOptions {
  /** The sweep's "now". */
  at: Date;
  /** Report what would change, change nothing. */
  dryRun: boolean;
  /** Epoch ms after which no new change is started (the Lambda's remaining time). */
  deadline: number;
  /** Stop after this many changes (tests cut a run off half way with it). */
  maxChanges?: number;
  directory: Directory;
  mailer: Mailer;
  /** Sweep only these domains (and only these users' leftovers): one domain at a time, or a test's own. */
  only?: { domainIds: readonly string[]; userIds?: readonly string[] };
}

interface Person {
  userId: string;
  name: string;
  email: string;
}

export interface DomainReport {
  domainId: string;
  name: string;
  /** Active members idle past staleAfterDays, made inactive (or that would be, in a dry run). */
  deactivated: (Person & { lastActiveAt: string | null })[];
  /** Stale, but the domain's last active administrator: reported, never swept. */
  keptLastAdmin: Person[];
  /** Pending registrations older than pendingRegistrationDays, removed. */
  registrationsRemoved: Person[];
  /** Administrators who got the digest of the deactivated. */
  digestSentTo: string[];
  /** The access review fell due: administrators reminded (once per due date). */
  reminderSentTo: string[];
  reviewDueAt: string;
}

export interface SweepReport {
  at: string;
  dryRun: boolean;
  /** False when the run stopped at its deadline or change limit; the next run goes on. */
  complete: boolean;
  domains: DomainReport[];
  usersDeleted: Person[];
  /** Items read from the table and its indexes, and items written: the sweep's cost. */
  itemsRead: number;
  itemsWritten: number;
}

class Budget {
  changes = 0;
  itemsRead = 0;
  itemsWritten = 0;
  stopped = false;
  constructor(private readonly options: SweepOptions) {}

  /** True while another change may start. */
  allows(): boolean {
    const out = Date.now() >= this.options.deadline || (this.options.maxChanges !== undefined && this.changes >= this.options.maxChanges);
    if (out) this.stopped = true;
    return !out;
  }
}

/** Reads one page of a sweep index partition: what fell due before `before`. */
async function due(budget: Budget, partition: SweepPartition, before: string, start?: Record<string, unknown>) {
  const page = await dueItems(partition, before, start);
  budget.itemsRead += page.read;
  return page;
}

const person = (m: Pick<MembershipRecord, 'userId' | 'name' | 'email'>): Person => ({ userId: m.userId, name: m.name, email: m.email });

/** Runs every sweep over every domain. */
export async function runSweeps(options: SweepOptions): Promise<SweepReport> {
  const budget = new Budget(options);
  const report: SweepReport = { at: options.at.toISOString(), dryRun: options.dryRun, complete: true, domains: [], usersDeleted: [], itemsRead: 0, itemsWritten: 0 };
  const sweep = async (ids: readonly string[]) => {
    for (const domainId of ids) {
      const [domain] = await getDomains([domainId]);
      budget.itemsRead += 1;
      if (!domain) continue;
      report.domains.push(await sweepDomain(domain, options, budget));
    }
  };
  if (options.only) {
    // Named domains are read directly: listing every domain of the stack to find them would
    // cost reads that grow with the stack, not with the work.
    await sweep(options.only.domainIds);
  } else {
    let cursor: string | undefined;
    do {
      const page = await listAllDomainIds(cursor);
      budget.itemsRead += page.ids.length;
      await sweep(page.ids);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  report.usersDeleted = await sweepOrphans(options, budget);
  report.complete = !budget.stopped;
  report.itemsRead = budget.itemsRead;
  report.itemsWritten = budget.itemsWritten;
  return report;
}

async function sweepDomain(domain: DomainRecord, options: SweepOptions, budget: Budget): Promise<DomainReport> {
  const report: DomainReport = {
    domainId: domain.id,
    name: domain.name,
    deactivated: [],
    keptLastAdmin: [],
    registrationsRemoved: [],
    digestSentTo: [],
    reminderSentTo: [],
    reviewDueAt: nextReviewDue(domain),
  };
  await sweepStale(domain, options, budget, report);
  await sweepPending(domain, options, budget, report);
  if (!options.dryRun && report.deactivated.length > 0) report.digestSentTo = await sendDigest(domain, report, options, budget);
  report.reminderSentTo = await remindReview(domain, options, budget);
  return report;
}

/** Sweep 1: active members idle longer than the domain's staleAfterDays become inactive (reason stale). */
async function sweepStale(domain: DomainRecord, options: SweepOptions, budget: Budget, report: DomainReport) {
  const days = domain.settings.staleAfterDays;
  if (days === 0) return;
  const cutoff = new Date(options.at.getTime() - days * DAY_MS).toISOString();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await due(budget, { kind: 'active', domainId: domain.id }, cutoff, start);
    for (const candidate of page.items as unknown as MembershipRecord[]) {
      if (!budget.allows()) return;
      await deactivateStale(domain.id, candidate.userId, cutoff, options, budget, report);
    }
    start = page.next;
  } while (start);
}

async function deactivateStale(domainId: string, userId: string, cutoff: string, options: SweepOptions, budget: Budget, report: DomainReport) {
  // Decided on a fresh read: the index may lag, and a request may have refreshed the member meanwhile.
  const { domain, membership } = await loadDomainAccess(domainId, userId);
  budget.itemsRead += 2;
  if (!domain || !membership || membership.status !== 'active' || (membership.lastActiveAt ?? membership.createdAt) >= cutoff) return;
  const isAdmin = adminCheck(domain);
  if (isAdmin(membership.role) && domain.activeAdmins <= 1) {
    report.keptLastAdmin.push(person(membership));
    return;
  }
  if (options.dryRun) {
    report.deactivated.push({ ...person(membership), lastActiveAt: membership.lastActiveAt });
    return;
  }
  const at = options.at.toISOString();
  const after: MembershipRecord = { ...membership, status: 'inactive', version: membership.version + 1 };
  const event = historyEvent({
    at,
    actor: SWEEP_ACTOR,
    action: 'member.deactivated',
    targetType: 'member',
    targetId: userId,
    before: { status: 'active', role: membership.role, lastActiveAt: membership.lastActiveAt },
    after: { status: 'inactive', role: membership.role, reason: 'stale' },
  });
  try {
    await saveMembershipChange({ domainId, before: membership, after, isAdminRole: isAdmin, rolesVersion: domain.rolesVersion, activeAdmins: domain.activeAdmins, events: [event] });
  } catch (error) {
    if (error instanceof LastAdminError) {
      report.keptLastAdmin.push(person(membership));
      return;
    }
    // Changed by someone between the read and the write: the next run decides again.
    if (error instanceof ConcurrentChange || error instanceof TransactionConflict) return;
    throw error;
  }
  budget.changes++;
  budget.itemsWritten += 3;
  report.deactivated.push({ ...person(membership), lastActiveAt: membership.lastActiveAt });
  await followInDirectory(membership, after, options.directory, at);
}

/** Sweep 2: pending registrations older than pendingRegistrationDays are removed. */
async function sweepPending(domain: DomainRecord, options: SweepOptions, budget: Budget, report: DomainReport) {
  const cutoff = new Date(options.at.getTime() - domain.settings.pendingRegistrationDays * DAY_MS).toISOString();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await due(budget, { kind: 'pending', domainId: domain.id }, cutoff, start);
    for (const candidate of page.items as unknown as MembershipRecord[]) {
      if (!budget.allows()) return;
      const { domain: fresh, membership } = await loadDomainAccess(domain.id, candidate.userId);
      budget.itemsRead += 2;
      if (!fresh || !membership || membership.status !== 'pending' || membership.createdAt >= cutoff) continue;
      if (options.dryRun) {
        report.registrationsRemoved.push(person(membership));
        continue;
      }
      const at = options.at.toISOString();
      const event = historyEvent({ at, actor: SWEEP_ACTOR, action: 'member.registration_expired', targetType: 'member', targetId: membership.userId, before: { status: 'pending', registeredAt: membership.createdAt }, after: null });
      try {
        await saveMembershipChange({ domainId: domain.id, before: membership, after: undefined, isAdminRole: adminCheck(fresh), rolesVersion: fresh.rolesVersion, activeAdmins: fresh.activeAdmins, events: [event] });
      } catch (error) {
        if (error instanceof ConcurrentChange || error instanceof TransactionConflict) continue;
        throw error;
      }
      budget.changes++;
      budget.itemsWritten += 3;
      report.registrationsRemoved.push(person(membership));
      await followInDirectory(membership, undefined, options.directory, at);
    }
    start = page.next;
  } while (start);
}

/** The domain's active administrators (gsi4: the holders of its admin roles, nobody else). */
async function activeAdmins(domain: DomainRecord, budget: Budget): Promise<MembershipRecord[]> {
  const adminRoles = rolesOf(domain, rolePreset()).filter((r) => isAdminGrant(r.permissions)).map((r) => r.id);
  const admins = await activeMembersWithRoles(domain.id, adminRoles);
  budget.itemsRead += admins.length;
  return admins;
}

async function sendEach(admins: MembershipRecord[], render: (admin: MembershipRecord) => { subject: string; html: string; text: string }, mailer: Mailer): Promise<string[]> {
  const sent: string[] = [];
  for (const admin of admins) {
    try {
      await mailer.send({ to: admin.email, ...render(admin) });
      sent.push(admin.email);
    } catch (error) {
      // One refused address does not keep the others from their email.
      if (!(error instanceof MailRefused)) throw error;
    }
  }
  return sent;
}

/** One digest per domain and run to its administrators: who was deactivated, how to bring them back. */
async function sendDigest(domain: DomainRecord, report: DomainReport, options: SweepOptions, budget: Budget): Promise<string[]> {
  const admins = await activeAdmins(domain, budget);
  return sendEach(
    admins,
    (admin) =>
      staleDigestEmail({
        language: admin.language ?? domain.settings.defaultLanguage,
        branding: domain.settings.branding,
        domainName: domain.name,
        deactivated: report.deactivated.map(({ name, email, lastActiveAt }) => ({ name, email, lastActiveAt })),
        keptAdmins: report.keptLastAdmin.map(({ name, email }) => ({ name, email })),
        reviewLink: `${appUrl()}/domains/${domain.id}/members?status=inactive`,
      }),
    options.mailer,
  );
}

/**
 * Sweep 4: when the access review has fallen due, its administrators get one reminder per
 * due date; the domain records the due date it reminded of (a conditional write, so two
 * overlapping runs cannot both send).
 */
async function remindReview(domain: DomainRecord, options: SweepOptions, budget: Budget): Promise<string[]> {
  const dueAt = nextReviewDue(domain);
  if (dueAt > options.at.toISOString() || domain.reviewReminderFor === dueAt) return [];
  const admins = await activeAdmins(domain, budget);
  if (options.dryRun) return admins.map((a) => a.email);
  if (!(await claimReviewReminder(domain.id, dueAt))) return [];
  budget.itemsWritten += 1;
  return sendEach(
    admins,
    (admin) =>
      accessReviewReminderEmail({
        language: admin.language ?? domain.settings.defaultLanguage,
        branding: domain.settings.branding,
        domainName: domain.name,
        dueAt,
        reviewLink: `${appUrl()}/domains/${domain.id}/access-review`,
      }),
    options.mailer,
  );
}

/** Sweep 3: users with no membership for ORPHAN_DAYS are deleted from the pool and the table. */
async function sweepOrphans(options: SweepOptions, budget: Budget): Promise<Person[]> {
  const cutoff = new Date(options.at.getTime() - ORPHAN_DAYS * DAY_MS).toISOString();
  const deleted: Person[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await due(budget, { kind: 'orphan' }, cutoff, start);
    for (const candidate of page.items as unknown as UserRecord[]) {
      if (options.only && !options.only.userIds?.includes(candidate.userId)) continue;
      if (!budget.allows()) return deleted;
      const user = await getUser(candidate.userId);
      budget.itemsRead += 1;
      if (!user) continue;
      // Joined somewhere meanwhile? Then it is no orphan: the join took it out of the index.
      budget.itemsRead += 1;
      if (await hasAnyMembership(user.userId)) continue;
      const who = { userId: user.userId, name: user.name, email: user.email };
      if (options.dryRun) {
        deleted.push(who);
        continue;
      }
      await options.directory.deleteAccount(user.email);
      if (!(await deleteOrphan(user))) continue;
      budget.changes++;
      budget.itemsWritten += 2;
      deleted.push(who);
    }
    start = page.next;
  } while (start);
  return deleted;
}
