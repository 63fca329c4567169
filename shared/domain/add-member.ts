/**
 * Adding a member by hand: active at once. Someone without an account gets one, with no
 * password, and a single-use "set your password" email through the invitation tokens; an
 * existing account that never set a password gets a fresh one (the earlier link dies); an
 * existing verified account gets a "you were added" email. Every one of these emails counts
 * against the domain's daily cap.
 */
import { now } from '#shared/clock.ts';
import { appUrl, invitationEmailsPerDay, rolePreset } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { createOrReplaceAccount } from '#shared/domain/accounts.ts';
import { setPasswordUrl } from '#shared/domain/invitations.ts';
import { adminCheck, assertMayGrant, memberView } from '#shared/domain/members.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { Conflict, NotFound, UnknownRole } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { type Mailer, MailRefused, type OutgoingEmail } from '#shared/mail/mailer.ts';
import { memberAddedEmail, setPasswordEmail } from '#shared/mail/templates.ts';
import { transact } from '#shared/store/dynamo.ts';
import { historyEvent, putHistory } from '#shared/store/history.ts';
import { retireToken, type TokenRecord, tokenPuts } from '#shared/store/invitation-store.ts';
import { getMembership, saveMembershipChange } from '#shared/store/member-store.ts';
import type { MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { dropRegistration } from '#shared/store/registration-store.ts';
import { getUser, liveSetPasswordItem, newUserItems, notOrphanItem, userIdByEmail } from '#shared/store/user-store.ts';
import { reserveEmails } from '#shared/store/mail-quota-store.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;

/** A new set-password token for an account, valid as long as the domain's invitations. */
function setPasswordToken(domainId: string, userId: string, email: string, at: Date, validityDays: number): { token: string; record: TokenRecord } {
  const { token, hash } = newToken();
  const expiresAt = new Date(at.getTime() + validityDays * DAY_MS).toISOString();
  return { token, record: { hash, kind: 'set-password', domainId, invitationId: null, userId, email, expiresAt, state: 'pending' } };
}

/** Sends a message; answers whether the mail service took it. */
async function deliver(mailer: Mailer, email: OutgoingEmail): Promise<'sent' | 'failed'> {
  try {
    await mailer.send(email);
    return 'sent';
  } catch (error) {
    if (!(error instanceof MailRefused)) throw error;
    return 'failed';
  }
}

/** Adds a member by hand; the answer says which email went out and whether SES took it. */
export async function addMember(
  access: DomainAccess,
  caller: Caller,
  input: { email: string; name: string; language: Language; role: string },
  { directory, mailer }: { directory: Pick<Directory, 'createAccount' | 'deleteAccount' | 'enableUser'>; mailer: Mailer },
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
  let setPassword: { token: string; record: TokenRecord } | undefined;
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
  const tokenItems = setPassword ? tokenPuts(setPassword.record) : [];
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

  const language = existing ? existing.language : input.language;
  let setPasswordDelivery: 'sent' | 'failed' | 'not_needed' = 'not_needed';
  let addedDelivery: 'sent' | 'failed' | 'not_needed' = 'not_needed';
  if (setPassword) {
    const content = setPasswordEmail({
      language,
      branding: domain.settings.branding,
      domainName: domain.name,
      inviterName: access.membership.name,
      link: setPasswordUrl(setPassword.token),
      expiresAt: setPassword.record.expiresAt,
    });
    setPasswordDelivery = await deliver(mailer, { to: email, ...content });
  } else {
    const content = memberAddedEmail({
      language,
      branding: domain.settings.branding,
      domainName: domain.name,
      inviterName: access.membership.name,
      roleName: role.name,
      link: `${appUrl()}/sign-in`,
    });
    addedDelivery = await deliver(mailer, { to: email, ...content });
  }
  return { ...memberView(membership, domain), setPasswordEmail: setPasswordDelivery, addedEmail: addedDelivery };
}

/**
 * Sends a member whose account has no password yet a new set-password email; the link it
 * had dies at once. A member with a password gets 409 password-already-set.
 */
export async function sendSetPasswordEmail(access: DomainAccess, caller: Caller, userId: string, { mailer }: { mailer: Mailer }) {
  const { domain } = access;
  const [membership, user] = await Promise.all([getMembership(domain.id, userId), getUser(userId)]);
  if (!membership || !user) throw new NotFound(`There is no member ${userId} in this domain.`);
  if (user.emailVerified) {
    throw new Conflict(`${user.email} has set a password already: they can sign in, or reset the password from the sign-in page.`, 'password-already-set');
  }
  const at = now();
  await reserveEmails(domain.id, at.toISOString().slice(0, 10), 1, invitationEmailsPerDay());
  const fresh = setPasswordToken(domain.id, userId, user.email, at, domain.settings.invitationValidityDays);
  await transact(
    [
      liveSetPasswordItem(userId, fresh.record.hash, user.setPasswordTokenHash),
      ...(user.setPasswordTokenHash ? [retireToken(user.setPasswordTokenHash)] : []),
      ...tokenPuts(fresh.record),
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
  const content = setPasswordEmail({
    language: user.language,
    branding: domain.settings.branding,
    domainName: domain.name,
    inviterName: access.membership.name,
    link: setPasswordUrl(fresh.token),
    expiresAt: fresh.record.expiresAt,
  });
  return { delivery: await deliver(mailer, { to: user.email, ...content }), expiresAt: fresh.record.expiresAt };
}
