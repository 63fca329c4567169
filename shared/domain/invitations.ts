/**
 * Inviting people: email invitations (one per address per domain, refreshed when sent again),
 * shareable registration links, resending and revoking. Each invitation is stored before its
 * email goes out, so a refused email loses nothing: the invitation says `delivery: "failed"`
 * and a resend works once SES takes mail again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { appUrl, invitationEmailsPerDay, rolePreset } from '#shared/config.ts';
import { assertMayGrant } from '#shared/domain/members.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { BadRequest, Forbidden, HttpError, NotFound } from '#shared/http/errors.ts';
import { LANGUAGES, type Language } from '#shared/http/schemas.ts';
import { type Mailer, MailRefused } from '#shared/mail/mailer.ts';
import { invitationEmail } from '#shared/mail/templates.ts';
import { isAdminGrant, type RoleDefinition } from '#shared/permissions.ts';
import { getMany } from '#shared/store/dynamo.ts';
import { historyEvent } from '#shared/store/history.ts';
import {
  getInvitation,
  type InvitationFilter,
  type InvitationRecord,
  issueInvitation,
  listInvitations,
  recordDelivery,
  reserveEmails,
  revokeInvitation,
  type TokenRecord,
} from '#shared/store/invitation-store.ts';
import { keys } from '#shared/store/keys.ts';
import type { DomainRecord } from '#shared/store/records.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;
/** A CSV upload invites at most this many people. */
export const MAX_CSV_ROWS = 500;
/** Emails go out this many at a time: fast for 500 rows, gentle on SES's send rate. */
const SEND_CONCURRENCY = 8;

export type InvitationOutcome = 'invited' | 'refreshed' | 'already_member' | 'invalid';

export interface InvitationResult {
  email: string;
  row?: number;
  status: InvitationOutcome;
  reason?: string;
  invitationId?: string;
  delivery?: 'sent' | 'failed';
}

interface Request {
  email: string;
  role: string;
  language: Language | undefined;
  row?: number;
}

/** The API's view of an invitation or link, with its status as of `at`. */
export function invitationView(invitation: InvitationRecord, at: string) {
  return {
    id: invitation.id,
    kind: invitation.kind,
    email: invitation.email,
    role: invitation.role,
    status: invitation.expiresAt <= at ? ('expired' as const) : ('pending' as const),
    delivery: invitation.delivery,
    invitedBy: invitation.invitedBy,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    maxUses: invitation.maxUses,
    uses: invitation.uses,
    allowedEmailDomains: invitation.allowedEmailDomains,
    version: invitation.version,
  };
}

/** The link in an email or a shared URL: always into the customer's app, from its config. */
export function acceptUrl(token: string): string {
  return `${appUrl()}/accept-invitation?token=${token}`;
}

/** One email invitation per address per domain: its id follows from the address. */
export function emailInvitationId(email: string): string {
  return `e${createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 24)}`;
}

const EMAIL_PATTERN = /^[^\s@<>(),;:"[\]]{1,64}@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Parses `email,role,language` rows (RFC 4180 quoting); the header row is required. */
export function parseInvitationCsv(csv: string): { rows: Request[]; problem?: string } {
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

interface Sender {
  mailer: Mailer;
}

/**
 * Invites people by email: one result per address or CSV row. Existing members get
 * `already_member` and no email; a pending or expired invitation is re-issued (`refreshed`).
 */
export async function inviteByEmail(
  access: DomainAccess,
  caller: Caller,
  input: { emails: string[]; role: string; validDays?: number; message?: string } | { csv: string },
  { mailer }: Sender,
) {
  const { domain } = access;
  let requests: Request[];
  let validDays = domain.settings.invitationValidityDays;
  let message: string | null = null;
  if ('csv' in input) {
    const parsed = parseInvitationCsv(input.csv);
    if (parsed.problem) throw new BadRequest(parsed.problem, [{ path: 'body', message: parsed.problem }]);
    requests = parsed.rows;
  } else {
    requests = input.emails.map((email) => ({ email: email.trim(), role: input.role, language: undefined }));
    validDays = input.validDays ?? validDays;
    message = input.message || null;
  }

  const roles = new Map(rolesOf(domain, rolePreset()).map((r) => [r.id, r]));
  const results: InvitationResult[] = [];
  const seen = new Set<string>();
  const candidates: (Request & { roleDefinition: RoleDefinition; index: number })[] = [];
  for (const request of requests) {
    const email = request.email.toLowerCase();
    const result = (status: InvitationOutcome, reason?: string) =>
      results.push({ email: request.email, ...(request.row ? { row: request.row } : {}), status, ...(reason ? { reason } : {}) });
    const role = roles.get(request.role);
    if (!EMAIL_PATTERN.test(request.email) || request.email.length > 254) result('invalid', 'not a valid email address');
    else if (seen.has(email)) result('invalid', 'duplicate: this address is listed twice');
    else if (!role) result('invalid', `unknown role: ${request.role || '(empty)'}`);
    else if (request.language !== undefined && !(LANGUAGES as readonly string[]).includes(request.language)) {
      result('invalid', `unknown language: ${request.language}; use one of ${LANGUAGES.join(', ')}`);
    } else if (!mayGrant(access, role)) result('invalid', `you may not grant the role ${role.name}: it grants more than you hold`);
    else {
      candidates.push({ ...request, email, roleDefinition: role, index: results.length });
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
  const toSend = candidates.filter((c, i) => {
    const userId = owners[i]?.userId as string | undefined;
    if (userId && memberUserIds.has(userId)) {
      (results[c.index] as InvitationResult).status = 'already_member';
      return false;
    }
    c.language ??= userId ? languageOf.get(userId) : undefined;
    return true;
  });

  const at = now();
  await reserveEmails(domain.id, at.toISOString().slice(0, 10), toSend.length, invitationEmailsPerDay());
  await inBatches(toSend, SEND_CONCURRENCY, async (c) => {
    const outcome = await issueAndSend(access, caller, { kind: 'email', email: c.email, role: c.roleDefinition, language: c.language ?? null, message, validDays }, mailer);
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
    },
  };
}

function mayGrant(access: DomainAccess, role: RoleDefinition): boolean {
  try {
    assertMayGrant(access.grants, role.permissions, 'grant it');
    return true;
  } catch {
    return false;
  }
}

interface EmailInvite {
  kind: 'email';
  email: string;
  role: RoleDefinition;
  language: Language | null;
  message: string | null;
  validDays: number;
}

/** Issues (or re-issues) an email invitation with a new token, then sends its email. */
async function issueAndSend(access: DomainAccess, caller: Caller, invite: EmailInvite, mailer: Mailer) {
  const { domain } = access;
  const id = emailInvitationId(invite.email);
  const { invitation, token, refreshed } = await retryOnConflict(async () => {
    const previous = await getInvitation(domain.id, id);
    const at = now();
    const { token, hash } = newToken();
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
      delivery: 'pending',
      maxUses: null,
      uses: 0,
      allowedEmailDomains: null,
      version: (previous?.version ?? 0) + 1,
    };
    const event = historyEvent({
      at: at.toISOString(),
      actor: caller.userId,
      action: previous ? 'invitation.refreshed' : 'invitation.invited',
      targetType: 'invitation',
      targetId: id,
      before: previous ? invitationView(previous, at.toISOString()) : null,
      after: invitationView(invitation, at.toISOString()),
    });
    await issueInvitation(invitation, tokenRecord(invitation, 'email'), previous, event);
    return { invitation, token, refreshed: previous !== undefined };
  });
  const delivery = await deliver(invitation, token, domain, invite.role.name, mailer);
  return { invitation, refreshed, delivery };
}

function tokenRecord(invitation: InvitationRecord, kind: 'email' | 'link'): TokenRecord {
  return {
    hash: invitation.tokenHash,
    kind,
    domainId: invitation.domainId,
    invitationId: invitation.id,
    userId: null,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    state: 'pending',
  };
}

/** Sends an invitation's email; SES refusing it is recorded on the invitation, not thrown. */
async function deliver(invitation: InvitationRecord, token: string, domain: DomainRecord, roleName: string, mailer: Mailer): Promise<'sent' | 'failed'> {
  const language = invitation.language ?? domain.settings.defaultLanguage;
  const content = invitationEmail({
    language,
    branding: domain.settings.branding,
    domainName: domain.name,
    inviterName: invitation.invitedByName,
    roleName,
    link: acceptUrl(token),
    expiresAt: invitation.expiresAt,
    ...(invitation.message ? { message: invitation.message } : {}),
  });
  let delivery: 'sent' | 'failed' = 'sent';
  try {
    await mailer.send({ to: invitation.email ?? '', ...content });
  } catch (error) {
    if (!(error instanceof MailRefused)) throw error;
    delivery = 'failed';
  }
  await recordDelivery(invitation, delivery);
  return delivery;
}

export async function listDomainInvitations(access: DomainAccess, filter: InvitationFilter, limit: number, cursor: string | undefined) {
  const at = now().toISOString();
  const page = await listInvitations(access.domain.id, filter, at, limit, cursor);
  return { items: page.items.map((i) => invitationView(i, at)), nextCursor: page.nextCursor };
}

async function loadInvitation(domainId: string, invitationId: string): Promise<InvitationRecord> {
  const invitation = await getInvitation(domainId, invitationId);
  if (!invitation) throw new NotFound(`No invitation ${invitationId} in this domain.`);
  return invitation;
}

/**
 * Re-issues an invitation or link with a new token and a fresh expiry (also when it has
 * expired); the old link dies at once. Email invitations are sent again.
 */
export async function resendInvitation(access: DomainAccess, caller: Caller, invitationId: string, { mailer }: Sender) {
  const { domain } = access;
  const current = await loadInvitation(domain.id, invitationId);
  const role = current.role ? rolesOf(domain, rolePreset()).find((r) => r.id === current.role) : undefined;
  if (current.role && !role) throw new HttpError(409, 'unknown-role', 'Conflict', `The invitation's role ${current.role} no longer exists; revoke it and invite again.`);
  if (role && !mayGrant(access, role)) throw new Forbidden(`You may not grant the role ${role.name}, so you may not resend this invitation.`, 'grant-exceeds-own');
  if (current.kind === 'email') {
    await reserveEmails(domain.id, now().toISOString().slice(0, 10), 1, invitationEmailsPerDay());
    const outcome = await issueAndSend(access, caller, { kind: 'email', email: current.email ?? '', role: role as RoleDefinition, language: current.language, message: current.message, validDays: current.validDays }, mailer);
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

/** Revokes an invitation or link: its link answers 410 "revoked" from now on. */
export async function revokeDomainInvitation(access: DomainAccess, caller: Caller, invitationId: string) {
  await retryOnConflict(async () => {
    const invitation = await loadInvitation(access.domain.id, invitationId);
    const at = now().toISOString();
    const event = historyEvent({ at, actor: caller.userId, action: 'invitation.revoked', targetType: 'invitation', targetId: invitationId, before: invitationView(invitation, at), after: null });
    await revokeInvitation(invitation, event);
  });
}

/**
 * Creates a shareable registration link. Its registrants wait as `pending` members for an
 * administrator to give them a role, unless the link carries one (never an admin role).
 */
export async function createInviteLink(
  access: DomainAccess,
  caller: Caller,
  input: { validDays: number; maxUses?: number; role?: string; allowedEmailDomains?: string[] },
) {
  const { domain } = access;
  if (input.validDays > domain.settings.linkValidityDaysMax) {
    throw new BadRequest(`Links in this domain are valid for at most ${domain.settings.linkValidityDaysMax} days.`, [
      { path: 'body.validDays', message: `must be at most ${domain.settings.linkValidityDaysMax} (the domain's linkValidityDaysMax)` },
    ]);
  }
  let role: RoleDefinition | undefined;
  if (input.role !== undefined) {
    role = rolesOf(domain, rolePreset()).find((r) => r.id === input.role);
    if (!role) throw new BadRequest(`There is no role ${input.role} in this domain.`, [{ path: 'body.role', message: 'is not a role of this domain' }]);
    if (isAdminGrant(role.permissions)) {
      throw new BadRequest('A shared link cannot carry an admin role: anyone holding the link could become an administrator.', [{ path: 'body.role', message: 'must not be an admin role' }]);
    }
    assertMayGrant(access.grants, role.permissions, `hand out the role ${role.name}`);
  }
  const at = now();
  const { token, hash } = newToken();
  const invitation: InvitationRecord = {
    id: `l${randomBytes(12).toString('base64url')}`,
    domainId: domain.id,
    kind: 'link',
    email: null,
    role: role?.id ?? null,
    language: null,
    message: null,
    invitedBy: caller.userId,
    invitedByName: access.membership.name,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + input.validDays * DAY_MS).toISOString(),
    validDays: input.validDays,
    tokenHash: hash,
    delivery: null,
    maxUses: input.maxUses ?? null,
    uses: 0,
    allowedEmailDomains: input.allowedEmailDomains ? [...new Set(input.allowedEmailDomains)] : null,
    version: 1,
  };
  const event = historyEvent({ at: at.toISOString(), actor: caller.userId, action: 'invitation.link_created', targetType: 'invitation', targetId: invitation.id, before: null, after: invitationView(invitation, at.toISOString()) });
  await issueInvitation(invitation, tokenRecord(invitation, 'link'), undefined, event);
  return { id: invitation.id, url: acceptUrl(token), expiresAt: invitation.expiresAt, maxUses: invitation.maxUses, uses: 0 };
}
