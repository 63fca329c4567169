/**
 * Inviting people by email (one invitation per address per domain, refreshed when sent
 * again) and resending. Each invitation is stored before its email goes out, so a refused
 * email loses nothing: the invitation says `delivery: "failed"` and a resend works once SES
 * takes mail again.
 */
import { now } from '#shared/clock.ts';
import { invitationEmailsPerDay, rolePreset } from '#shared/config.ts';
import { acceptUrl, emailInvitationId, invitationView, loadInvitation, mayGrant, tokenRecord } from '#shared/domain/invitations.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { BadRequest, Conflict, Forbidden, UnknownRole } from '#shared/http/errors.ts';
import { EMAIL_PATTERN, LANGUAGES, type Language } from '#shared/http/schemas.ts';
import type { Mailer } from '#shared/mail/mailer.ts';
import type { RoleDefinition } from '#shared/permissions.ts';
import { getMany } from '#shared/store/dynamo.ts';
import { historyEvent } from '#shared/store/history.ts';
import { getInvitation, type InvitationRecord, issueInvitation } from '#shared/store/invitation-store.ts';
import { liftSuppression, newMailJob, putMailJob } from '#shared/store/mail-job-store.ts';
import { dropRegistration } from '#shared/store/registration-store.ts';
import * as keys from '#shared/store/key-formats.ts';
import { reserveEmails } from '#shared/store/mail-quota-store.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;
/** A CSV upload invites at most this many people. */
export const MAX_CSV_ROWS = 500;
/** Invitations are stored this many at a time (their emails go out later, through the outbox). */
const SEND_CONCURRENCY = 8;

export type InvitationOutcome = 'invited' | 'refreshed' | 'already_member' | 'invalid';

export interface InvitationResult {
  email: string;
  row?: number;
  status: InvitationOutcome;
  reason?: string;
  invitationId?: string;
  delivery?: 'queued' | 'sent' | 'failed';
}

interface Request {
  email: string;
  role: RoleDefinition;
  language: Language | undefined;
  row?: number;
}

/** A CSV row as written: its role is a name the domain may not have. */
interface CsvRow {
  email: string;
  role: string;
  language: Language | undefined;
  row: number;
}


/** Parses `email,role,language` rows (RFC 4180 quoting); the header row is required. */
export function parseInvitationCsv(csv: string): { rows: CsvRow[]; problem?: string } {
  const records = parseCsv(csv.replace(/^\uFEFF/, ''));
  const header = records.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || header[0] !== 'email' || header[1] !== 'role') {
    return { rows: [], problem: 'The CSV needs a header row: email,role,language (language may be left out).' };
  }
  const rows = records
    .map((fields, index) => ({ fields, row: index + 2 }))
    .filter(({ fields }) => fields.some((f) => f.trim() !== ''))
    .map(({ fields, row }) => ({
      email: (fields[0] ?? '').trim(),
      role: (fields[1] ?? '').trim(),
      language: (fields[2] ?? '').trim().toLowerCase() as Language,
      row,
    }));
  if (rows.length === 0) return { rows, problem: 'The CSV has no rows after its header.' };
  if (rows.length > MAX_CSV_ROWS) return { rows, problem: `The CSV has ${rows.length} rows; send at most ${MAX_CSV_ROWS} at a time.` };
  return { rows: rows.map((r) => ({ ...r, language: r.language || undefined })) };
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

/** Runs `work` over `items`, `limit` at a time, keeping the order of results. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

/** Kept for the handlers' signature: invitation mail goes through the outbox, not a mailer. */
interface Sender {
  mailer?: Mailer;
}

/**
 * Invites up to 50 addresses with one role: one result per address. Existing members get
 * `already_member` and no email; a pending or expired invitation is re-issued (`refreshed`).
 */
export async function inviteByEmail(
  access: DomainAccess,
  caller: Caller,
  input: { emails: string[]; role: string; validDays?: number; message?: string },
  sender: Sender,
) {
  const { domain } = access;
  const role = rolesOf(domain, rolePreset()).find((r) => r.id === input.role);
  if (!role) throw new UnknownRole(domain.id, [{ role: input.role, path: 'body.role' }]);
  const requests = input.emails.map((email) => ({ email: email.trim(), role, language: undefined }));
  return inviteRequests(access, caller, requests, { validDays: input.validDays ?? domain.settings.invitationValidityDays, message: input.message || null }, sender);
}

/**
 * Invites the rows of a text/csv body (email,role,language; up to 500): one result per row.
 * A row naming a role the domain lacks refuses the whole upload (400 unknown-role, one error
 * per such row), as on every other route that takes a role. The role column is the
 * inviter's own vocabulary: a misspelt role is the inviter's mistake, often repeated down
 * the file, and inviting the other rows would leave a half-sent batch to untangle. A bad
 * address is the invitee's data, one person's typo: that row alone is answered `invalid`.
 */
export async function inviteFromCsv(access: DomainAccess, caller: Caller, csv: string, sender: Sender) {
  const { domain } = access;
  const parsed = parseInvitationCsv(csv);
  if (parsed.problem) throw new BadRequest(parsed.problem, [{ path: 'csv', message: parsed.problem }]);
  const roles = new Map(rolesOf(domain, rolePreset()).map((r) => [r.id, r]));
  const unknown = parsed.rows.filter((r) => !roles.has(r.role)).map((r) => ({ role: r.role, path: `csv.row ${r.row}.role` }));
  if (unknown.length > 0) throw new UnknownRole(domain.id, unknown, 'Nothing was sent: correct those rows and upload the file again.');
  const requests = parsed.rows.map((r) => ({ ...r, role: roles.get(r.role) as RoleDefinition }));
  return inviteRequests(access, caller, requests, { validDays: domain.settings.invitationValidityDays, message: null }, sender);
}

/** Checks each request on its own (address, duplicate, language, grant), then invites the rest. */
async function inviteRequests(access: DomainAccess, caller: Caller, requests: Request[], { validDays, message }: { validDays: number; message: string | null }, _sender: Sender) {
  const { domain } = access;
  const results: InvitationResult[] = [];
  const seen = new Set<string>();
  const candidates: (Request & { index: number })[] = [];
  for (const request of requests) {
    const email = request.email.toLowerCase();
    const result = (status: InvitationOutcome, reason?: string) =>
      results.push({ email: request.email, ...(request.row ? { row: request.row } : {}), status, ...(reason ? { reason } : {}) });
    const { role } = request;
    if (!EMAIL_PATTERN.test(request.email) || request.email.length > 254) result('invalid', 'not a valid email address');
    else if (seen.has(email)) result('invalid', 'duplicate: this address is listed twice');
    else if (request.language !== undefined && !(LANGUAGES as readonly string[]).includes(request.language)) {
      result('invalid', `unknown language: ${request.language}; use one of ${LANGUAGES.join(', ')}`);
    } else if (!mayGrant(access, role)) result('invalid', `you may not grant the role ${role.name}: it grants more than you hold`);
    else {
      candidates.push({ ...request, email, index: results.length });
      results.push({ email: request.email, ...(request.row ? { row: request.row } : {}), status: 'invited' });
    }
    seen.add(email);
  }

  // Members (in any status) are told apart in two batched reads: address → user, then user → membership.
  const owners = await getMany(candidates.map((c) => keys.email(c.email)));
  const memberships = await getMany(owners.flatMap((o) => (typeof o?.userId === 'string' ? [keys.membership(domain.id, o.userId)] : [])));
  const memberUserIds = new Set(memberships.flatMap((m) => (typeof m?.userId === 'string' ? [m.userId] : [])));
  const profiles = await getMany(owners.flatMap((o) => (typeof o?.userId === 'string' ? [keys.user(o.userId)] : [])));
  const languageOf = new Map(profiles.flatMap((p) => (p ? [[p.userId as string, p.language as Language]] : [])));
  // Addresses SES reported (bounce, complaint) get no mail until an administrator resends their invitation.
  const suppressions = await getMany(candidates.map((c) => keys.suppression(domain.id, c.email)));
  const toSend = candidates.filter((c, i) => {
    const userId = owners[i]?.userId as string | undefined;
    if (userId && memberUserIds.has(userId)) {
      (results[c.index] as InvitationResult).status = 'already_member';
      return false;
    }
    const feedback = suppressions[i]?.feedback;
    if (typeof feedback === 'string') {
      Object.assign(results[c.index] as InvitationResult, {
        status: 'invalid',
        reason: `suppressed: SES reported this address ${feedback}; check it, then resend its invitation (POST .../invitations/${emailInvitationId(c.email)}/resend) to mail it again`,
      });
      return false;
    }
    c.language ??= userId ? languageOf.get(userId) : undefined;
    return true;
  });

  const at = now();
  await reserveEmails(domain.id, at.toISOString().slice(0, 10), toSend.length, invitationEmailsPerDay());
  await inBatches(toSend, SEND_CONCURRENCY, async (c) => {
    const outcome = await issueAndQueue(access, caller, { kind: 'email', email: c.email, role: c.role, language: c.language ?? null, message, validDays });
    Object.assign(results[c.index] as InvitationResult, { status: outcome.refreshed ? 'refreshed' : 'invited', invitationId: outcome.invitation.id, delivery: outcome.delivery });
  });

  const count = (status: InvitationOutcome) => results.filter((r) => r.status === status).length;
  return {
    results,
    summary: {
      invited: count('invited'),
      refreshed: count('refreshed'),
      already_member: count('already_member'),
      invalid: count('invalid'),
      deliveryFailed: results.filter((r) => r.delivery === 'failed').length,
      queued: results.filter((r) => r.delivery === 'queued').length,
    },
  };
}

interface EmailInvite {
  kind: 'email';
  email: string;
  role: RoleDefinition;
  language: Language | null;
  message: string | null;
  validDays: number;
}

/**
 * Issues (or re-issues) an email invitation and queues its email: the invitation, a new
 * token, the history event and the outbox's mail job in one transaction. The mail worker
 * (shared/domain/mail-worker.ts) sends it; the token it mails is minted when it claims the
 * job, so the table never holds a working link (this request's token is never mailed: it
 * only keeps the invitation's token item in place, and dies at the claim). History:
 * `invitation.invited`, `invitation.refreshed` when inviting the address again,
 * `invitation.resent` when resending it (POST .../resend), as for a link. A resend also lifts
 * the address's suppression (a bounce or complaint): that is the explicit re-invite.
 */
async function issueAndQueue(access: DomainAccess, caller: Caller, invite: EmailInvite, resend = false) {
  const { domain } = access;
  const id = emailInvitationId(invite.email);
  const { invitation, refreshed } = await retryOnConflict(async () => {
    const previous = await getInvitation(domain.id, id);
    const at = now();
    const { hash } = newToken();
    const job = newMailJob({ kind: 'invitation', domainId: domain.id, invitationId: id, to: invite.email }, at.toISOString());
    const invitation: InvitationRecord = {
      id,
      domainId: domain.id,
      kind: 'email',
      email: invite.email,
      role: invite.role.id,
      language: invite.language,
      message: invite.message,
      invitedBy: caller.userId,
      invitedByName: access.membership.name,
      createdAt: previous?.createdAt ?? at.toISOString(),
      expiresAt: new Date(at.getTime() + invite.validDays * DAY_MS).toISOString(),
      validDays: invite.validDays,
      tokenHash: hash,
      delivery: 'queued',
      mailJobId: job.id,
      maxUses: null,
      uses: 0,
      allowedEmailDomains: null,
      version: (previous?.version ?? 0) + 1,
    };
    const event = historyEvent({
      at: at.toISOString(),
      actor: caller.userId,
      action: previous ? (resend ? 'invitation.resent' : 'invitation.refreshed') : 'invitation.invited',
      targetType: 'invitation',
      targetId: id,
      before: previous ? invitationView(previous, at.toISOString()) : null,
      after: invitationView(invitation, at.toISOString()),
    });
    await issueInvitation(invitation, tokenRecord(invitation, 'email'), previous, event, [putMailJob(job), ...(resend ? [liftSuppression(domain.id, invite.email)] : [])]);
    return { invitation, refreshed: previous !== undefined };
  });
  // The invitation now decides about the address: a link registration waiting on it dies.
  await dropRegistration(invite.email);
  return { invitation, refreshed, delivery: 'queued' as const };
}

/**
 * Re-issues an invitation or link with a new token and a fresh expiry (also when it has
 * expired); the old link dies at once. Email invitations are sent again.
 */
export async function resendInvitation(access: DomainAccess, caller: Caller, invitationId: string, _sender: Sender = {}) {
  const { domain } = access;
  const current = await loadInvitation(domain.id, invitationId);
  const role = current.role ? rolesOf(domain, rolePreset()).find((r) => r.id === current.role) : undefined;
  // Not unknown-role: the request names no role, the invitation does, and its role was
  // deleted after it was sent. The request is sound; the invitation's state refuses it (409).
  if (current.role && !role) throw new Conflict(`The invitation's role ${current.role} was deleted since it was sent; revoke the invitation and invite again with one of the domain's roles.`, 'invitation-role-deleted');
  if (role && !mayGrant(access, role)) throw new Forbidden(`You may not grant the role ${role.name}, so you may not resend this invitation.`, 'grant-exceeds-own');
  if (current.kind === 'email') {
    await reserveEmails(domain.id, now().toISOString().slice(0, 10), 1, invitationEmailsPerDay());
    const outcome = await issueAndQueue(access, caller, { kind: 'email', email: current.email ?? '', role: role as RoleDefinition, language: current.language, message: current.message, validDays: current.validDays }, true);
    return { ...invitationView({ ...outcome.invitation, delivery: outcome.delivery }, now().toISOString()) };
  }
  const { invitation, token } = await retryOnConflict(async () => {
    const previous = await loadInvitation(domain.id, invitationId);
    const at = now();
    const { token, hash } = newToken();
    const invitation: InvitationRecord = {
      ...previous,
      tokenHash: hash,
      expiresAt: new Date(at.getTime() + previous.validDays * DAY_MS).toISOString(),
      version: previous.version + 1,
    };
    const event = historyEvent({ at: at.toISOString(), actor: caller.userId, action: 'invitation.resent', targetType: 'invitation', targetId: invitationId, before: invitationView(previous, at.toISOString()), after: invitationView(invitation, at.toISOString()) });
    await issueInvitation(invitation, tokenRecord(invitation, 'link'), previous, event);
    return { invitation, token };
  });
  return { ...invitationView(invitation, now().toISOString()), url: acceptUrl(token) };
}

