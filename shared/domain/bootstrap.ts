/**
 * A new customer stack's first domain: deploying creates it, with the customer file's
 * administrator as its owner and first administrator, and emails that person a
 * single-use "set your password" link (nobody gets a temporary password). Running it
 * again changes nothing once it has recorded its domain.
 */
import { now } from '#shared/clock.ts';
import type { Directory } from '#shared/directory.ts';
import { createDomain } from '#shared/domain/domains.ts';
import { setPasswordUrl } from '#shared/domain/invitations.ts';
import type { Mailer } from '#shared/mail/mailer.ts';
import { setPasswordEmail } from '#shared/mail/templates.ts';
import { bootstrappedDomain, getDomains, recordBootstrap } from '#shared/store/domain-store.ts';
import { putToken } from '#shared/store/invitation-store.ts';
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
  await mailer.send({
    to: email,
    ...setPasswordEmail({
      language: user?.language ?? 'en',
      branding: domain?.settings.branding ?? { productName: input.domainName, logoUrl: null, primaryColor: '#1f6feb' },
      domainName: input.domainName,
      inviterName: domain?.settings.branding.productName ?? input.domainName,
      link: setPasswordUrl(token),
      expiresAt,
    }),
  });
  return { created: true, domainId };
}
