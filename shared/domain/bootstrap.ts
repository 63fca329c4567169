/**
 * A new customer stack's first domain: deploying creates it, with the customer file's
 * administrator as its owner and first administrator, and emails that person a
 * single-use "set your password" link (nobody gets a temporary password). Running it
 * again changes nothing once it has recorded its domain.
 *
 * A later deploy with another `adminEmail` invites that address as a further administrator
 * of the first domain (`inviteFurtherAdministrator`): the earlier administrator keeps
 * access, since taking an administrator's access away is a decision for the domain's
 * administrators, not a side effect of editing a file.
 */
import { now } from '#shared/clock.ts';
import { rolePreset } from '#shared/config.ts';
import type { Directory } from '#shared/directory.ts';
import { sendSetPasswordEmail } from '#shared/domain/add-member.ts';
import { createDomain } from '#shared/domain/domains.ts';
import { emailInvitationId, setPasswordUrl } from '#shared/domain/invitations.ts';
import { grantsOf } from '#shared/domain/roles.ts';
import { type InvitationOutcome, inviteByEmail } from '#shared/domain/send-invitations.ts';
import type { DomainAccess } from '#shared/http/access.ts';
import { logger } from '#shared/http/logger.ts';
import { type Mailer, MailRefused } from '#shared/mail/mailer.ts';
import { setPasswordEmail } from '#shared/mail/templates.ts';
import { bootstrappedDomain, getDomains, recordBootstrap } from '#shared/store/domain-store.ts';
import type { DomainRecord } from '#shared/store/records.ts';
import { getInvitation, putToken } from '#shared/store/invitation-store.ts';
import { adminRoleId } from '#shared/permissions.ts';
import { createUser, getUser, makeOwner, userIdByEmail } from '#shared/store/user-store.ts';
import { newToken } from '#shared/tokens.ts';

const DAY_MS = 86_400_000;

export interface BootstrapInput {
  adminEmail: string;
  domainName: string;
}

export async function bootstrapFirstDomain(input: BootstrapInput, { directory, mailer }: { directory: Pick<Directory, 'createAccount'>; mailer: Mailer }) {
  const done = await bootstrappedDomain();
  if (done) return { created: false, domainId: done };

  const email = input.adminEmail.toLowerCase();
  const at = now();
  let userId = await userIdByEmail(email);
  const isNew = userId === undefined;
  if (!userId) {
    userId = await directory.createAccount(email, { emailVerified: false });
    await createUser({ userId, email, name: email.split('@')[0] ?? email, language: 'en', owner: true, emailVerified: false, createdAt: at.toISOString(), version: 1 });
  } else {
    await makeOwner(userId);
  }
  const { id: domainId } = await createDomain({ userId, email }, input.domainName);
  await recordBootstrap(domainId, at.toISOString());
  if (!isNew) return { created: true, domainId };

  const [domain] = await getDomains([domainId]);
  const expiresAt = new Date(at.getTime() + (domain?.settings.invitationValidityDays ?? 7) * DAY_MS).toISOString();
  const { token, hash } = newToken();
  await putToken({ hash, kind: 'set-password', domainId, invitationId: null, userId, email, expiresAt, state: 'pending' });
  const user = await getUser(userId);
  // A refused email (an SES sandbox that has not verified the address) must not fail the
  // deploy: the domain and the link exist; the failure is logged and answered, and the
  // operator sends a new link (README: POST .../members/{userId}/set-password-email).
  const delivery = await mailer
    .send({
    to: email,
    ...setPasswordEmail({
      language: user?.language ?? 'en',
      branding: domain?.settings.branding ?? { productName: input.domainName, logoUrl: null, primaryColor: '#1f6feb' },
      domainName: input.domainName,
      inviterName: domain?.settings.branding.productName ?? input.domainName,
      link: setPasswordUrl(token),
      expiresAt,
    }),
  })
    .then(() => 'sent' as const)
    .catch((error: unknown) => {
      if (!(error instanceof MailRefused)) throw error;
      logger().warn('The first administrator\'s set-password email was refused; the deploy goes on', { domainId, userId, reason: error.reason });
      return 'failed' as const;
    });
  return { created: true, domainId, userId, delivery };
}

/** The actor of what a deploy does in a domain (history events, `invitedBy`). */
export const DEPLOY_ACTOR = 'system:deploy';

export interface FurtherAdministrator {
  domainId: string;
  /** `invited`/`refreshed`: an invitation went out; `already_member`, `already_invited`: nothing was sent. */
  outcome: InvitationOutcome | 'already_invited' | 'first_administrator';
  delivery?: 'queued' | 'sent' | 'failed';
}

/**
 * The customer file's `adminEmail` changed after the first deploy: the new address is invited
 * as an administrator of the first domain, in the deploy's name. Idempotent: a member of the
 * domain (in any status), or an address with a pending administrator invitation, is left as it
 * is and gets no second email. Without a first domain yet, it is the first bootstrap.
 */
export async function inviteFurtherAdministrator(
  input: BootstrapInput,
  deps: { directory: Pick<Directory, 'createAccount'>; mailer: Mailer },
): Promise<FurtherAdministrator> {
  const domainId = await bootstrappedDomain();
  if (!domainId) return { domainId: (await bootstrapFirstDomain(input, deps)).domainId, outcome: 'first_administrator' };
  const [domain] = await getDomains([domainId]);
  if (!domain) throw new Error(`The first domain ${domainId} is recorded but does not exist.`);
  const email = input.adminEmail.toLowerCase();
  const adminRole = adminRoleId(rolePreset());
  const pending = await getInvitation(domainId, emailInvitationId(email));
  // A refused email does not count: the next deploy (or a resend in the app) tries again.
  if (pending && pending.role === adminRole && !['failed', 'delivery_failed', 'bounced', 'complained'].includes(pending.delivery ?? '') && pending.expiresAt > now().toISOString()) return { domainId, outcome: 'already_invited' };

  const access = deployAccess(domain);
  const { results } = await inviteByEmail(access, { userId: DEPLOY_ACTOR, email: '' }, { emails: [email], role: adminRole }, { mailer: deps.mailer });
  const [result] = results;
  if (!result || result.status === 'invalid') throw new Error(`adminEmail ${input.adminEmail} could not be invited: ${result?.reason ?? 'no result'}`);
  return { domainId, outcome: result.status, ...(result.delivery ? { delivery: result.delivery } : {}) };
}

/** The deploy acts with an administrator's grants; emails name the product as the inviter. */
function deployAccess(domain: DomainRecord): DomainAccess {
  const at = now().toISOString();
  const adminRole = adminRoleId(rolePreset());
  return {
    domain,
    grants: grantsOf(domain, rolePreset(), adminRole),
    membership: {
      domainId: domain.id,
      userId: DEPLOY_ACTOR,
      email: '',
      emailVerified: false,
      name: domain.settings.branding.productName,
      language: domain.settings.defaultLanguage,
      role: adminRole,
      status: 'active',
      createdAt: at,
      invitedBy: null,
      lastActiveAt: at,
      version: 1,
    },
  };
}

/**
 * The operator's resend, for a first administrator whose set-password email SES refused (a
 * new account's SES sandbox): the set-password-email route's own logic, in the deploy's name
 * (nobody else can sign in yet), queued for the mail worker. Invoked by hand on the bootstrap
 * function (README).
 */
export async function resendFirstAdministratorLink() {
  const domainId = await bootstrappedDomain();
  if (!domainId) throw new Error('The stack has no first domain yet: deploy it first.');
  const [domain] = await getDomains([domainId]);
  if (!domain) throw new Error(`The first domain ${domainId} is recorded but does not exist.`);
  return { domainId, userId: domain.createdBy, ...(await sendSetPasswordEmail(deployAccess(domain), { userId: DEPLOY_ACTOR, email: '' }, domain.createdBy)) };
}
