/**
 * Opening a link: previewing it, and accepting an email invitation, registering through a
 * shared link, or setting the password of an account an administrator added. The token is
 * claimed first with a conditional write (single use, max uses), then the account is made,
 * then one transaction stores the profile, the membership, the token's end and the event.
 */
import { now } from '#shared/clock.ts';
import { rolePreset, tableName } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { adminCheck } from '#shared/domain/members.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { passwordShortfalls } from '#shared/password-policy.ts';
import { getDomains } from '#shared/store/domain-store.ts';
import { historyEvent, putHistory } from '#shared/store/history.ts';
import {
  acceptanceItems,
  claimLinkUse,
  claimToken,
  getInvitation,
  getToken,
  type InvitationRecord,
  releaseLinkUse,
  releaseToken,
  type TokenRecord,
  TokenGone,
  tokenProblem,
} from '#shared/store/invitation-store.ts';
import * as keys from '#shared/store/key-formats.ts';
import { getMembership, saveMembershipChange } from '#shared/store/member-store.ts';
import type { DomainRecord, MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { getUser, newUserItems, notOrphanItem, userIdByEmail } from '#shared/store/user-store.ts';
import { transact } from '#shared/store/dynamo.ts';
import { hashToken } from '#shared/tokens.ts';

/** Who opened the link, when they sent a valid ID token along. */
export interface SignedIn {
  userId: string;
  email: string;
}

export interface AcceptInput {
  email?: string;
  name?: string;
  password?: string;
  language?: Language;
}

const unknownLink = () => new NotFound('This link is not one of ours: check that it was copied whole, or ask for a new invitation.');

interface Opened {
  token: TokenRecord;
  domain: DomainRecord;
  invitation: InvitationRecord | undefined;
}

/** Reads a token and what it points at; 404 for an unknown token, 410 for a used, revoked or expired one. */
async function open(tokenValue: string): Promise<Opened> {
  const token = await getToken(hashToken(tokenValue));
  if (!token) throw unknownLink();
  const problem = tokenProblem(token, now().toISOString());
  if (problem) throw problem;
  const [[domain], invitation] = await Promise.all([
    getDomains([token.domainId]),
    token.invitationId ? getInvitation(token.domainId, token.invitationId) : Promise.resolve(undefined),
  ]);
  if (!domain) throw unknownLink();
  if (token.kind !== 'set-password' && invitation?.tokenHash !== token.hash) throw new TokenGone('revoked');
  if (invitation && invitation.kind === 'link' && invitation.maxUses !== null && invitation.uses >= invitation.maxUses) throw new TokenGone('used');
  return { token, domain, invitation };
}

/** What the link is for, so the web client can show it before the person acts. */
export async function previewInvitation(tokenValue: string) {
  const { token, domain, invitation } = await open(tokenValue);
  const roleName = invitation?.role ? (rolesOf(domain, rolePreset()).find((r) => r.id === invitation.role)?.name ?? invitation.role) : null;
  return {
    kind: token.kind,
    domainName: domain.name,
    invitedBy: invitation?.invitedByName ?? '',
    ...(token.email ? { email: token.email } : {}),
    ...(token.kind !== 'set-password' ? { role: roleName } : {}),
    expiresAt: token.expiresAt,
  };
}

function requirePassword(password: string | undefined): string {
  if (password === undefined) throw new BadRequest('Choose a password for your account.', [{ path: 'body.password', message: 'is required' }]);
  const missing = passwordShortfalls(password);
  if (missing.length > 0) {
    const message = `needs ${missing.join(', ')}`;
    throw new BadRequest(`The password is too weak: it ${message}.`, [{ path: 'body.password', message }]);
  }
  return password;
}

function requireName(name: string | undefined): string {
  if (name === undefined) throw new BadRequest('Tell us your name.', [{ path: 'body.name', message: 'is required' }]);
  return name;
}

/**
 * Accepts an email invitation, registers through a link, or sets a first password.
 * A caller signed in with the invited address just gains the membership.
 */
/** What accepting needs of the Directory. */
export type AccountDirectory = Pick<Directory, 'createAccount' | 'setPassword' | 'deleteAccount'>;

export async function acceptInvitation(tokenValue: string, input: AcceptInput, signedIn: SignedIn | undefined, directory: AccountDirectory) {
  const opened = await open(tokenValue);
  if (opened.token.kind === 'set-password') return setFirstPassword(opened, input, directory);
  const { token, invitation } = opened;
  if (!invitation) throw new TokenGone('revoked');

  const email = (token.kind === 'email' ? invitation.email : (signedIn?.email ?? input.email))?.toLowerCase();
  if (!email) throw new BadRequest('Give the email address to register with.', [{ path: 'body.email', message: 'is required for a registration link' }]);
  if (signedIn && signedIn.email.toLowerCase() !== email) {
    throw new Forbidden(`You are signed in as ${signedIn.email}, but this invitation is for ${email}: sign out, or sign in with that address.`, 'wrong-account');
  }
  if (invitation.kind === 'link' && invitation.allowedEmailDomains) {
    const domainPart = email.split('@')[1] ?? '';
    if (!invitation.allowedEmailDomains.includes(domainPart)) {
      throw new Forbidden(`This link admits addresses at ${invitation.allowedEmailDomains.join(', ')} only.`, 'email-domain-not-allowed');
    }
  }
  // Everything that can be checked before the claim is checked, so a claim is rarely given back.
  let password: string | undefined;
  let name: string | undefined;
  if (!signedIn) {
    password = requirePassword(input.password);
    name = requireName(input.name);
    if (await userIdByEmail(email)) throw new Conflict(`An account exists for ${email} already: sign in, then open the link again.`, 'account-exists');
  }

  const at = now().toISOString();
  if (invitation.kind === 'link') await claimLinkUse(invitation, at);
  else await claimToken(token.hash, at);
  const giveBack = () => (invitation.kind === 'link' ? releaseLinkUse(invitation) : releaseToken(token.hash));

  let created: UserRecord | undefined;
  try {
    let profile: UserRecord;
    if (signedIn) {
      const existing = await getUser(signedIn.userId);
      if (!existing) throw new Conflict('Your account has no profile here yet; open the link signed out to register.', 'no-profile');
      profile = existing;
    } else {
      const emailVerified = invitation.kind === 'email';
      const userId = await directory.createAccount(email, { password: password as string, emailVerified });
      created = { userId, email, name: name as string, language: input.language ?? opened.domain.settings.defaultLanguage, owner: false, emailVerified, createdAt: at, version: 1 };
      profile = created;
    }
    const status = await join(opened, invitation, profile, at, created);
    return { userId: profile.userId, domainId: opened.domain.id, status };
  } catch (error) {
    if (created) await directory.deleteAccount(email).catch(() => undefined);
    await giveBack().catch(() => undefined);
    throw error;
  }
}

/** Stores the membership (with the new profile, when there is one), the token's end and the event, atomically. */
async function join(opened: Opened, invitation: InvitationRecord, profile: UserRecord, at: string, created: UserRecord | undefined): Promise<'active' | 'pending'> {
  const { domain, token } = opened;
  // A new account cannot be a member yet; an existing one is told plainly (the transaction's
  // condition would refuse it anyway, with the same answer, after the claim).
  if (!created && (await getMembership(domain.id, profile.userId))) throw new Conflict('You are a member of this domain already.', 'already-member');
  const role = invitation.role && rolesOf(domain, rolePreset()).some((r) => r.id === invitation.role) ? invitation.role : null;
  const status = role ? 'active' : 'pending';
  const membership: MembershipRecord = {
    domainId: domain.id,
    userId: profile.userId,
    email: profile.email,
    emailVerified: profile.emailVerified,
    name: profile.name,
    language: profile.language,
    role,
    status,
    createdAt: at,
    invitedBy: invitation.invitedBy,
    lastActiveAt: null,
    version: 1,
  };
  const event = historyEvent({
    at,
    actor: profile.userId,
    action: invitation.kind === 'email' ? 'invitation.accepted' : 'invitation.registered',
    targetType: 'member',
    targetId: profile.userId,
    before: null,
    after: { invitationId: invitation.id, email: profile.email, role, status },
  });
  const accepted = acceptanceItems(token);
  const user = created ? newUserItems(created) : { items: [notOrphanItem(profile.userId)], explain: () => new Conflict('The account changed meanwhile; try again.') };
  await saveMembershipChange(
    { domainId: domain.id, before: undefined, after: membership, isAdminRole: adminCheck(domain), rolesVersion: domain.rolesVersion, activeAdmins: domain.activeAdmins, events: [event] },
    { items: [...accepted.items, ...user.items], explain: (i) => (i < accepted.items.length ? accepted.explain() : user.explain(i - accepted.items.length)) },
  );
  return status;
}

/** A set-password link: the account an administrator added gets its first password. */
async function setFirstPassword(opened: Opened, input: AcceptInput, directory: AccountDirectory) {
  const { token, domain } = opened;
  const password = requirePassword(input.password);
  if (!token.userId || !token.email) throw unknownLink();
  const at = now().toISOString();
  await claimToken(token.hash, at);
  try {
    await directory.setPassword(token.email, password);
  } catch (error) {
    await releaseToken(token.hash).catch(() => undefined);
    throw error;
  }
  const membership = await getMembership(domain.id, token.userId);
  const accepted = acceptanceItems(token);
  const table = tableName();
  await transact(
    [
      ...accepted.items,
      { Update: { TableName: table, Key: keys.user(token.userId), UpdateExpression: 'SET emailVerified = :true', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':true': true } } },
      ...(membership
        ? [{ Update: { TableName: table, Key: keys.membership(domain.id, token.userId), UpdateExpression: 'SET emailVerified = :true', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':true': true } } }]
        : []),
      putHistory(domain.id, historyEvent({ at, actor: token.userId, action: 'member.password_set', targetType: 'member', targetId: token.userId, before: null, after: { emailVerified: true } })),
    ],
    () => accepted.explain(),
  );
  return { userId: token.userId, domainId: domain.id, status: membership?.status === 'pending' ? ('pending' as const) : ('active' as const) };
}
