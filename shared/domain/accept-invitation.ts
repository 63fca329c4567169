/**
 * Accepting a link: an email invitation, a registration through a shared link, or setting
 * the password of an account an administrator added (previewing is shared/domain/open-link.ts). The token is
 * claimed first with a conditional write (single use, max uses), then the account is made,
 * then one transaction stores the profile, the membership, the token's end and the event.
 *
 * A registration through a link proves its address first: it only holds the chosen password
 * in a disabled account and mails a verification link (shared/domain/verify-email.ts
 * completes it). An invitation email or a set-password link proves the address by itself.
 */
import { now } from '#shared/clock.ts';
import { appUrl, invitationEmailsPerDay, tableName } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { createOrReplaceAccount } from '#shared/domain/accounts.ts';
import { acceptUrl } from '#shared/domain/invitations.ts';
import { join } from '#shared/domain/join.ts';
import { openLink as open, type Opened, unknownLink } from '#shared/domain/open-link.ts';
import { BadRequest, Conflict, Forbidden } from '#shared/http/errors.ts';
import { Accepted } from '#shared/http/pipeline.ts';
import type { Language } from '#shared/http/schemas.ts';
import { type Mailer, MailRefused, type OutgoingEmail } from '#shared/mail/mailer.ts';
import { signInToJoinEmail, verifyEmailEmail } from '#shared/mail/templates.ts';
import { passwordShortfalls } from '#shared/password-policy.ts';
import { historyEvent, putHistory } from '#shared/store/history.ts';
import {
  acceptanceItems,
  claimLinkUse,
  claimToken,
  type InvitationRecord,
  releaseLinkUse,
  releaseToken,
  TokenGone,
} from '#shared/store/invitation-store.ts';
import * as keys from '#shared/store/key-formats.ts';
import { reserveEmails } from '#shared/store/mail-quota-store.ts';
import { getMembership, markEmailVerifiedEverywhere } from '#shared/store/member-store.ts';
import type { UserRecord } from '#shared/store/records.ts';
import { dropRegistration, getRegistration, putRegistration } from '#shared/store/registration-store.ts';
import { getUser, userIdByEmail } from '#shared/store/user-store.ts';
import { isNamed, transact } from '#shared/store/dynamo.ts';
import { newToken } from '#shared/tokens.ts';

/** How long a registration's verification link works. */
const VERIFICATION_MS = 24 * 60 * 60 * 1000;

/** Who opened the link, when they sent a valid ID token along: its claims and the profile the session check read. */
export interface SignedIn {
  userId: string;
  email: string;
  profile: UserRecord;
}

export interface AcceptInput {
  email?: string;
  name?: string;
  password?: string;
  language?: Language;
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

/** What accepting needs of the Directory. */
export type AccountDirectory = Pick<Directory, 'createAccount' | 'setPassword' | 'deleteAccount' | 'markEmailVerified'>;

/** The same answer to every registration through a link, whether or not the address has an account. */
export type VerificationSent = Accepted<{ status: 'verification_sent'; email: string }>;

/**
 * Accepts an email invitation, registers through a link (202: a verification email goes
 * out first), or sets a first password. A caller signed in with the invited address, or
 * signed in at all for a link, just gains the membership: their account proves the address.
 */
export async function acceptInvitation(
  tokenValue: string,
  input: AcceptInput,
  signedIn: SignedIn | undefined,
  { directory, mailer }: { directory: AccountDirectory; mailer: Mailer },
): Promise<{ userId: string; domainId: string; status: 'active' | 'pending' } | VerificationSent> {
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
    if (invitation.kind === 'link') return registerThroughLink(tokenValue, opened, invitation, email, { password, name, language: input.language }, { directory, mailer });
    // An email invitation may say plainly that the account exists: its token was mailed to
    // this address, so whoever holds it proves the address and learns nothing new from it.
    if (await userIdByEmail(email)) throw new Conflict(`An account exists for ${email} already: sign in, then open the link again.`, 'account-exists');
  }

  const at = now().toISOString();
  if (invitation.kind === 'link') await claimLinkUse(invitation, at);
  else await claimToken(token.hash, at);
  const giveBack = () => (invitation.kind === 'link' ? releaseLinkUse(invitation) : releaseToken(token.hash));

  let created: UserRecord | undefined;
  let joined: { profile: UserRecord; status: 'active' | 'pending' };
  try {
    let profile: UserRecord;
    if (signedIn) {
      profile = signedIn.profile;
    } else {
      // Only an email invitation gets here without a sign-in: its token proves the address.
      const emailVerified = true;
      const userId = await createOrReplaceAccount(directory, email, { password: password as string, emailVerified });
      created = { userId, email, name: name as string, language: input.language ?? opened.domain.settings.defaultLanguage, owner: false, emailVerified, createdAt: at, version: 1 };
      profile = created;
    }
    joined = { profile, status: await join(opened, invitation, profile, at, created) };
  } catch (error) {
    if (created) await directory.deleteAccount(email).catch(() => undefined);
    await giveBack().catch(() => undefined);
    throw error;
  }
  // Stored: nothing below may undo the account or the claims.
  const { profile, status } = joined;
  if (invitation.kind === 'email') {
    // The invitation decided about the address: a registration waiting on it dies.
    await dropRegistration(email);
    if (!profile.emailVerified) {
      await directory.markEmailVerified(email);
      await markEmailVerifiedEverywhere(profile.userId);
    }
  }
  return { userId: profile.userId, domainId: opened.domain.id, status };
}

/** Sends a message; a refusal is logged by the mailer and changes nothing in the answer. */
async function sendQuietly(mailer: Mailer, email: OutgoingEmail): Promise<void> {
  try {
    await mailer.send(email);
  } catch (error) {
    if (!(error instanceof MailRefused)) throw error;
  }
}

/**
 * Registers through a link without a sign-in: nothing is granted until the address is proven.
 * A new address gets a disabled account holding the chosen password and a verification
 * email; an address with an account gets a "sign in to join" email and nothing is made.
 * Both answer the same 202, so the answer never tells whether an account exists.
 */
async function registerThroughLink(
  linkToken: string,
  opened: Opened,
  invitation: InvitationRecord,
  email: string,
  input: { password: string; name: string; language: Language | undefined },
  { directory, mailer }: { directory: AccountDirectory; mailer: Mailer },
): Promise<VerificationSent> {
  const { domain } = opened;
  const language = input.language ?? domain.settings.defaultLanguage;
  const at = now();
  const answer = new Accepted({ status: 'verification_sent' as const, email });
  // Each registration mails someone: the domain's daily cap holds for these too.
  await reserveEmails(domain.id, at.toISOString().slice(0, 10), 1, invitationEmailsPerDay());
  // Written in the account's own language, not the one the registrant typed.
  const signInToJoin = async (userId: string) => {
    const account = await getUser(userId);
    const content = signInToJoinEmail({ language: account?.language ?? language, branding: domain.settings.branding, domainName: domain.name, link: acceptUrl(linkToken) });
    await sendQuietly(mailer, { to: email, ...content });
  };
  const existingId = await userIdByEmail(email);
  if (existingId) {
    await signInToJoin(existingId);
    return answer;
  }
  const previous = await getRegistration(email);
  let userId: string;
  try {
    userId = await createOrReplaceAccount(directory, email, { password: input.password, emailVerified: false, enabled: false });
  } catch (error) {
    const raced = (error instanceof Conflict && error.slug === 'account-exists') || isNamed(error, 'UserNotFoundException');
    if (!raced) throw error;
    // An account with a claim appeared meanwhile: the same answer as above.
    const appeared = await userIdByEmail(email);
    if (appeared) {
      await signInToJoin(appeared);
      return answer;
    }
    // Another registration of the address replaced the account under this one.
    throw new Conflict(`Another registration for ${email} was made at the same moment; send yours again.`, 'registration-changed');
  }
  const { token, hash } = newToken();
  const expiresAt = new Date(at.getTime() + VERIFICATION_MS).toISOString();
  await putRegistration(
    { email, userId, tokenHash: hash, domainId: domain.id, invitationId: invitation.id, name: input.name, language, createdAt: at.toISOString(), expiresAt },
    { hash, kind: 'verify-email', domainId: domain.id, invitationId: null, userId, email, expiresAt, state: 'pending' },
    previous,
  );
  await sendQuietly(mailer, {
    to: email,
    // The language travels in the link: the page that completes the registration opens in a new tab, maybe on another device.
    ...verifyEmailEmail({ language, branding: domain.settings.branding, domainName: domain.name, link: `${appUrl()}/verify-email?token=${token}&lang=${language}`, expiresAt }),
  });
  return answer;
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
      {
        Update: {
          TableName: table,
          Key: keys.user(token.userId),
          UpdateExpression: 'SET emailVerified = :true REMOVE setPasswordTokenHash',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':true': true },
        },
      },
      ...(membership
        ? [{ Update: { TableName: table, Key: keys.membership(domain.id, token.userId), UpdateExpression: 'SET emailVerified = :true', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':true': true } } }]
        : []),
      putHistory(domain.id, historyEvent({ at, actor: token.userId, action: 'member.password_set', targetType: 'member', targetId: token.userId, before: null, after: { emailVerified: true } })),
    ],
    () => accepted.explain(),
  );
  // The link proved the address: every other membership of the account says so too.
  await markEmailVerifiedEverywhere(token.userId);
  return { userId: token.userId, domainId: domain.id, status: membership?.status === 'pending' ? ('pending' as const) : ('active' as const) };
}
