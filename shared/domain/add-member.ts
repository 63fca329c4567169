/**
 * Adding a member by hand: active at once. Someone without an account gets one, with no
 * password, and a single-use "set your password" email through the invitation tokens; an
 * existing account just gains the membership and no email.
 */
import { now } from '#shared/clock.ts';
import { invitationEmailsPerDay, rolePreset, tableName } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { acceptUrl } from '#shared/domain/invitations.ts';
import { adminCheck, assertMayGrant, memberView } from '#shared/domain/members.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { Conflict } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { type Mailer, MailRefused } from '#shared/mail/mailer.ts';
import { setPasswordEmail } from '#shared/mail/templates.ts';
import { historyEvent } from '#shared/store/history.ts';
import { tokenItem } from '#shared/store/invitation-store.ts';
import { getMembership, saveMembershipChange } from '#shared/store/member-store.ts';
import type { MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { getUser, newUserItems, notOrphanItem, userIdByEmail } from '#shared/store/user-store.ts';
import { reserveEmails } from '#shared/store/mail-quota-store.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;

export async function addMember(
  access: DomainAccess,
  caller: Caller,
  input: { email: string; name: string; language: Language; role: string },
  { directory, mailer }: { directory: Pick<Directory, 'createAccount' | 'deleteAccount' | 'enableUser'>; mailer: Mailer },
) {
  const { domain } = access;
  const role = rolesOf(domain, rolePreset()).find((r) => r.id === input.role);
  if (!role) throw new Conflict(`There is no role ${input.role} in this domain.`, 'unknown-role');
  assertMayGrant(access.grants, role.permissions, `give the role ${role.name}`);
  const email = input.email.toLowerCase();
  const at = now();
  const existingId = await userIdByEmail(email);
  const existing = existingId ? await getUser(existingId) : undefined;
  if (existing && (await getMembership(domain.id, existing.userId))) throw new Conflict(`${email} is a member of this domain already.`, 'already-member');

  let profile: UserRecord;
  let setPassword: { token: string; item: ReturnType<typeof tokenItem> } | undefined;
  if (existing) {
    profile = existing;
  } else {
    await reserveEmails(domain.id, at.toISOString().slice(0, 10), 1, invitationEmailsPerDay());
    const userId = await directory.createAccount(email, { emailVerified: false });
    profile = { userId, email, name: input.name, language: input.language, owner: false, emailVerified: false, createdAt: at.toISOString(), version: 1 };
    const { token, hash } = newToken();
    const expiresAt = new Date(at.getTime() + domain.settings.invitationValidityDays * DAY_MS).toISOString();
    setPassword = {
      token,
      item: tokenItem({ hash, kind: 'set-password', domainId: domain.id, invitationId: null, userId, email, expiresAt, state: 'pending' }),
    };
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
  const user = existing ? undefined : newUserItems(profile);
  try {
    await saveMembershipChange(
      { domainId: domain.id, before: undefined, after: membership, isAdminRole: adminCheck(domain), rolesVersion: domain.rolesVersion, activeAdmins: domain.activeAdmins, events: [event] },
      {
        items: [
          ...(user?.items ?? [notOrphanItem(profile.userId)]),
          ...(setPassword ? [{ Put: { TableName: tableName(), Item: setPassword.item, ConditionExpression: 'attribute_not_exists(pk)' } }] : []),
        ],
        explain: (i) => (user && i < user.items.length ? user.explain(i) : new Conflict('The change could not be stored; try again.')),
      },
    );
  } catch (error) {
    if (!existing) await directory.deleteAccount(email).catch(() => undefined);
    throw error;
  }
  if (existing) await directory.enableUser(email);

  let delivery: 'sent' | 'failed' | 'not_needed' = 'not_needed';
  if (setPassword) {
    const content = setPasswordEmail({
      language: input.language,
      branding: domain.settings.branding,
      domainName: domain.name,
      inviterName: access.membership.name,
      link: acceptUrl(setPassword.token),
      expiresAt: setPassword.item.expiresAt,
    });
    try {
      await mailer.send({ to: email, ...content });
      delivery = 'sent';
    } catch (error) {
      if (!(error instanceof MailRefused)) throw error;
      delivery = 'failed';
    }
  }
  return { ...memberView(membership), setPasswordEmail: delivery };
}
