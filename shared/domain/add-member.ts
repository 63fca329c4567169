/**
 * Adding a member by hand: active at once. Someone without an account gets one, with no
 * password, and a single-use "set your password" email through the invitation tokens; an
 * existing account that never set a password gets a fresh one (the earlier link dies); an
 * existing verified account gets a "you were added" email. Every one of these emails counts
 * against the domain's daily cap.
 */
import { now } from '#shared/clock.ts';
import { invitationEmailsPerDay, rolePreset } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { createOrReplaceAccount } from '#shared/domain/accounts.ts';
import { adminCheck, assertMayGrant, memberView } from '#shared/domain/members.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { Conflict, NotFound, UnknownRole } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { transact } from '#shared/store/dynamo.ts';
import { historyEvent, putHistory } from '#shared/store/history.ts';
import { retireToken, type TokenRecord, tokenPuts } from '#shared/store/invitation-store.ts';
import { newMailJob, putMailJob } from '#shared/store/mail-job-store.ts';
import { getMembership, saveMembershipChange } from '#shared/store/member-store.ts';
import type { MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { dropRegistration } from '#shared/store/registration-store.ts';
import { getUser, liveSetPasswordItem, newUserItems, notOrphanItem, userIdByEmail } from '#shared/store/user-store.ts';
import { reserveEmails } from '#shared/store/mail-quota-store.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;

/**
 * A new set-password link for an account, valid as long as the domain's invitations. Its token
 * is never mailed (nor kept): the mail worker replaces it with the one it mails (the outbox).
 */
function setPasswordToken(domainId: string, userId: string, email: string, at: Date, validityDays: number): { record: TokenRecord } {
  const { hash } = newToken();
  const expiresAt = new Date(at.getTime() + validityDays * DAY_MS).toISOString();
  return { record: { hash, kind: 'set-password', domainId, invitationId: null, userId, email, expiresAt, state: 'pending' } };
}

/** The mail job of a set-password link. */
function setPasswordJob(record: TokenRecord & { userId: string; domainId: string; email: string }, inviterName: string, at: Date) {
  return newMailJob({ kind: 'set-password', domainId: record.domainId, userId: record.userId, to: record.email, tokenHash: record.hash, expiresAt: record.expiresAt, inviterName }, at.toISOString());
}

/**
 * Adds a member by hand; the answer says which email is queued (the outbox: the mail job is
 * written in the same transaction as the membership, and the mail worker sends it).
 */
export async function addMember(
  access: DomainAccess,
  caller: Caller,
  input: { email: string; name: string; language: Language; role: string },
  { directory }: { directory: Pick<Directory, 'createAccount' | 'deleteAccount' | 'enableUser'> },
) {
  const { domain } = access;
  const role = rolesOf(domain, rolePreset()).find((r) => r.id === input.role);
  if (!role) throw new UnknownRole(domain.id, [{ role: input.role, path: 'body.role' }]);
  assertMayGrant(access.grants, role.permissions, `give the role ${role.name}`);
  const email = input.email.toLowerCase();
  const at = now();
  const existingId = await userIdByEmail(email);
  const existing = existingId ? await getUser(existingId) : undefined;
  if (existing && (await getMembership(domain.id, existing.userId))) throw new Conflict(`${email} is a member of this domain already.`, 'already-member');

  // Every path below mails the address once.
  await reserveEmails(domain.id, at.toISOString().slice(0, 10), 1, invitationEmailsPerDay());
  // An administrator now decides about the address: a registration waiting on it dies.
  await dropRegistration(email);

  let profile: UserRecord;
  let setPassword: { record: TokenRecord } | undefined;
  let userItems: { items: NonNullable<Parameters<typeof transact>[0]>; explain: (i: number) => Error };
  if (existing) {
    profile = existing;
    if (!existing.emailVerified) {
      // Never set a password: a fresh link, and the one it had dies.
      setPassword = setPasswordToken(domain.id, existing.userId, email, at, domain.settings.invitationValidityDays);
      userItems = {
        items: [
          liveSetPasswordItem(existing.userId, setPassword.record.hash, existing.setPasswordTokenHash, { notOrphan: true }),
          ...(existing.setPasswordTokenHash ? [retireToken(existing.setPasswordTokenHash)] : []),
        ],
        explain: () => new Conflict('The account changed meanwhile (a password was set, or another link sent); try again.', 'account-changed'),
      };
    } else {
      userItems = {
        items: [notOrphanItem(existing.userId)],
        explain: () => new Conflict('The account changed meanwhile; try again.'),
      };
    }
  } else {
    // A pool account without an email claim is a registration that never proved its address: replaced.
    const userId = await createOrReplaceAccount(directory, email, { emailVerified: false });
    setPassword = setPasswordToken(domain.id, userId, email, at, domain.settings.invitationValidityDays);
    profile = {
      userId,
      email,
      name: input.name,
      language: input.language,
      owner: false,
      emailVerified: false,
      createdAt: at.toISOString(),
      version: 1,
      setPasswordTokenHash: setPassword.record.hash,
    };
    userItems = newUserItems(profile);
  }

  const membership: MembershipRecord = {
    domainId: domain.id,
    userId: profile.userId,
    email,
    emailVerified: profile.emailVerified,
    name: existing ? existing.name : input.name,
    language: existing ? existing.language : input.language,
    role: role.id,
    status: 'active',
    createdAt: at.toISOString(),
    invitedBy: caller.userId,
    lastActiveAt: null,
    version: 1,
  };
  const event = historyEvent({ at: at.toISOString(), actor: caller.userId, action: 'member.added', targetType: 'member', targetId: profile.userId, before: null, after: { email, role: role.id, status: 'active', newAccount: !existing } });
  const job = setPassword
    ? setPasswordJob({ ...setPassword.record, userId: profile.userId, domainId: domain.id, email }, access.membership.name, at)
    : newMailJob({ kind: 'member-added', domainId: domain.id, userId: profile.userId, to: email, roleName: role.name, inviterName: access.membership.name }, at.toISOString());
  const tokenItems = [...(setPassword ? tokenPuts(setPassword.record) : []), putMailJob(job)];
  try {
    await saveMembershipChange(
      { domainId: domain.id, before: undefined, after: membership, isAdminRole: adminCheck(domain), rolesVersion: domain.rolesVersion, activeAdmins: domain.activeAdmins, events: [event] },
      {
        items: [...userItems.items, ...tokenItems],
        explain: (i) => (i < userItems.items.length ? userItems.explain(i) : new Conflict('The change could not be stored; try again.')),
      },
    );
  } catch (error) {
    if (!existing) await directory.deleteAccount(email).catch(() => undefined);
    throw error;
  }
  if (existing) await directory.enableUser(email);

  return { ...memberView(membership, domain), setPasswordEmail: setPassword ? ('queued' as const) : ('not_needed' as const), addedEmail: setPassword ? ('not_needed' as const) : ('queued' as const) };
}

/**
 * Queues a new set-password email for a member whose account has no password yet; the link it
 * had dies at once. A member with a password gets 409 password-already-set.
 */
export async function sendSetPasswordEmail(access: DomainAccess, caller: Caller, userId: string) {
  const { domain } = access;
  const membership = await getMembership(domain.id, userId);
  if (!membership) throw new NotFound(`There is no member ${userId} in this domain.`);
  const at = now();
  let reserved = false;
  // The live link may move under the request: the mail worker replaces a queued job's link with
  // the one it mails, and another resend may land first. Each time, read it again and replace
  // what is live now (a password set meanwhile ends it: 409 password-already-set).
  for (let attempt = 1; ; attempt++) {
    const user = await getUser(userId);
    if (!user) throw new NotFound(`There is no member ${userId} in this domain.`);
    if (user.emailVerified) {
      throw new Conflict(`${user.email} has set a password already: they can sign in, or reset the password from the sign-in page.`, 'password-already-set');
    }
    if (!reserved) await reserveEmails(domain.id, at.toISOString().slice(0, 10), 1, invitationEmailsPerDay());
    reserved = true;
    const fresh = setPasswordToken(domain.id, userId, user.email, at, domain.settings.invitationValidityDays);
    try {
      await transact(
        [
          liveSetPasswordItem(userId, fresh.record.hash, user.setPasswordTokenHash),
          ...(user.setPasswordTokenHash ? [retireToken(user.setPasswordTokenHash)] : []),
          ...tokenPuts(fresh.record),
          putMailJob(setPasswordJob({ ...fresh.record, userId, domainId: domain.id, email: user.email }, access.membership.name, at)),
          putHistory(
            domain.id,
            historyEvent({ at: at.toISOString(), actor: caller.userId, action: 'member.set_password_email_sent', targetType: 'member', targetId: userId, before: null, after: { expiresAt: fresh.record.expiresAt } }),
          ),
        ],
        (i) =>
          i === 0
            ? new Conflict('The account changed meanwhile (a password was set, or another link sent); look again before sending.', 'account-changed')
            : new Conflict('The link could not be stored; try again.'),
      );
      return { delivery: 'queued' as const, expiresAt: fresh.record.expiresAt };
    } catch (error) {
      if (!(error instanceof Conflict) || error.slug !== 'account-changed' || attempt >= LIVE_LINK_ATTEMPTS) throw error;
    }
  }
}

/** How often a resend reads the live link again when it moved under it. */
const LIVE_LINK_ATTEMPTS = 5;
