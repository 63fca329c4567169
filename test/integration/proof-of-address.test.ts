/**
 * Proof of address, run as the attacks an attacker would try over HTTP: registering someone
 * else's address through a link, waiting for an administrator to attach it, racing the
 * verification, probing whether an account exists. Also the lifecycle gaps: a set-password
 * link sent again, and an invitation whose token TTL deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, awaitEmails, createUser, DAY_MS, newDomain, settledEmails, stack, tokenFor, ttlSweep } from './helpers.ts';
import { allTableItems, setMailCount } from './seed.ts';

let owner: string;
/**
 * Most tests share one domain (each with its own link and addresses): every domain the
 * stack's admin creates is one more membership of that admin.
 */
let shared: { id: string; name: string };
/** Every raw token this file saw: none of them may be in the table. */
const seenTokens = new Set<string>();

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  shared = await newDomain(owner);
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;
const attackerPassword = 'Attacker-Chosen-9-Pass';
const ownerPassword = 'Rightful-Owner-7-Pass!';

function fromMail(pattern: RegExp) {
  return async (to: string): Promise<string> => {
    // Mail arrives after the answer (the outbox): wait until the worker has nothing left for the
    // address, then until (at most 15 s) the newest message is of this kind.
    let match: RegExpExecArray | null = null;
    for (const deadline = Date.now() + 15_000; !match && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      await settledEmails(to);
      match = pattern.exec((await awaitEmails(to)).at(-1)?.body.text ?? '');
    }
    if (!match?.[1]) throw new Error(`no ${pattern.source} link in the newest mail to ${to}`);
    seenTokens.add(match[1]);
    return match[1];
  };
}
const verificationFromMail = fromMail(/verify-email\?token=([A-Za-z0-9_-]+)/);
const acceptFromMail = fromMail(/accept-invitation\?token=([A-Za-z0-9_-]+)/);
/** A member added by hand: the set-password email links to its own page. */
const setPasswordFromMail = fromMail(/\/set-password\?token=([A-Za-z0-9_-]+)/);

/** The token of a new registration link of the domain; `linkIds` remembers its id. */
async function newLink(domainId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api('POST', `/domains/${domainId}/invite-links`, { token: owner, body: { validDays: 7, ...body } });
  expect(res.status).toBe(201);
  const token = new URL(res.body.url).searchParams.get('token') ?? '';
  seenTokens.add(token);
  linkIds.set(token, res.body.id);
  return token;
}
const linkIds = new Map<string, string>();

const register = (linkToken: string, email: string, password = attackerPassword, extra: Record<string, unknown> = {}) =>
  api('POST', `/invitations/${linkToken}/accept`, { body: { email, name: 'Reg Istrant', password, ...extra } });

/** The `email_verified` claim of a fresh ID token: what Cognito holds for the account. */
async function cognitoSaysVerified(email: string, password: string): Promise<unknown> {
  const payload = (await tokenFor(email, password)).split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).email_verified;
}

async function signInFails(email: string, password: string) {
  await expect(tokenFor(email, password)).rejects.toThrow();
}

async function linkUses(domainId: string, linkToken: string): Promise<number> {
  const res = await api('GET', `/domains/${domainId}/invitations?kind=link&limit=100`, { token: owner });
  return res.body.items.find((i: { id: string }) => i.id === linkIds.get(linkToken)).uses as number;
}

async function memberEmails(domainId: string): Promise<string[]> {
  const res = await api('GET', `/domains/${domainId}/members?limit=100`, { token: owner });
  return res.body.items.map((m: { email: string }) => m.email);
}

describe('a link registration proves its address before it holds anything', () => {
  it('registering someone else’s address answers 202 and grants nothing: no sign-in, no membership, no use of the link', async () => {
    const domain = shared;
    const link = await newLink(domain.id, { allowedEmailDomains: ['example.test'] });
    const victim = uniqueEmail('victim');
    const res = await register(link, victim);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'verification_sent', email: victim });

    await signInFails(victim, attackerPassword);
    expect(await memberEmails(domain.id)).not.toContain(victim);
    expect(await linkUses(domain.id, link)).toBe(0);
    const mail = (await settledEmails(victim)).at(-1);
    expect(mail?.subject).toContain(domain.name);
    expect(mail?.body.text).toMatch(/^https?:\/\/\S+\/verify-email\?token=/m);
    await verificationFromMail(victim);
  });

  it('validates everything before answering: a weak password, a missing name and an address outside allowedEmailDomains are refused and nothing is mailed', async () => {
    const domain = shared;
    const link = await newLink(domain.id, { allowedEmailDomains: ['example.test'] });
    const email = uniqueEmail('checked');
    expect((await register(link, email, 'weak')).status).toBe(400);
    expect((await api('POST', `/invitations/${link}/accept`, { body: { email, password: ownerPassword } })).status).toBe(400);
    expect((await register(link, 'someone@elsewhere.test')).status).toBe(403);
    expect(await settledEmails(email)).toHaveLength(0);
  });

  it('the verification link completes it: 201, a member with a verified address who signs in, and the link counts one use', async () => {
    const domain = shared;
    const link = await newLink(domain.id, { role: 'user' });
    const email = uniqueEmail('verified');
    expect((await register(link, email, ownerPassword, { language: 'fr' })).status).toBe(202);
    expect((await settledEmails(email)).at(-1)?.subject).toMatch(/Confirmez/);
    const verified = await api('POST', `/email-verifications/${await verificationFromMail(email)}`);
    expect(verified.status).toBe(201);
    expect(verified.body).toMatchObject({ domainId: domain.id, status: 'active' });
    const me = await api('GET', '/me', { token: await tokenFor(email, ownerPassword) });
    expect(me.body).toMatchObject({ email, language: 'fr' });
    expect(await cognitoSaysVerified(email, ownerPassword)).toBe(true);
    const member = await api('GET', `/domains/${domain.id}/members/${verified.body.userId}`, { token: owner });
    expect(member.body).toMatchObject({ emailVerified: true, role: 'user', status: 'active' });
    expect(await linkUses(domain.id, link)).toBe(1);
    const history = await api('GET', `/domains/${domain.id}/history?limit=100`, { token: owner });
    expect(history.body.items.map((e: { action: string }) => e.action)).toContain('invitation.registered');
  });

  it('two concurrent verifications of one token: exactly one 201, the other 410 used', async () => {
    const domain = shared;
    const email = uniqueEmail('twice');
    expect((await register(await newLink(domain.id), email, ownerPassword)).status).toBe(202);
    const token = await verificationFromMail(email);
    const results = await Promise.all([1, 2, 3, 4].map(() => api('POST', `/email-verifications/${token}`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.status).toBe(410);
    expect((await memberEmails(domain.id)).filter((e) => e === email)).toHaveLength(1);
    expect((await api('POST', `/email-verifications/${token}`)).body.type).toMatch(/invitation-used$/);
  });

  it('a registration that never verifies takes no use: with maxUses 1, a verified one still gets in and the late one answers 410 used', async () => {
    const domain = shared;
    const link = await newLink(domain.id, { maxUses: 1 });
    const [idle, eager] = [uniqueEmail('idle'), uniqueEmail('eager')];
    expect((await register(link, idle, ownerPassword)).status).toBe(202);
    expect((await register(link, eager, ownerPassword)).status).toBe(202);
    const idleToken = await verificationFromMail(idle);
    expect((await api('POST', `/email-verifications/${await verificationFromMail(eager)}`)).status).toBe(201);
    const late = await api('POST', `/email-verifications/${idleToken}`);
    expect(late.status).toBe(410);
    expect(late.body.type).toMatch(/invitation-used$/);
    await signInFails(idle, ownerPassword);
    expect(await linkUses(domain.id, link)).toBe(1);
  });

  it('a verification link expires after 24 hours (410 expired), and the unknown or wrong kind of token is 404', async () => {
    const domain = shared;
    const link = await newLink(domain.id);
    const email = uniqueEmail('slow');
    expect((await register(link, email, ownerPassword)).status).toBe(202);
    const token = await verificationFromMail(email);
    const late = await api('POST', `/email-verifications/${token}`, { clockOffsetMs: DAY_MS + 60_000 });
    expect(late.status).toBe(410);
    expect(late.body.type).toMatch(/invitation-expired$/);
    expect((await api('POST', '/email-verifications/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    // A verification token opens nothing on the invitation routes, and a link token verifies nothing.
    expect((await api('GET', `/invitations/${token}`)).status).toBe(404);
    expect((await api('POST', `/invitations/${token}/accept`, { body: { password: ownerPassword } })).status).toBe(404);
    expect((await api('POST', `/email-verifications/${link}`)).status).toBe(404);
    expect((await api('POST', `/email-verifications/${token}`)).status).toBe(201);
  });
});

describe('an unverified registration is always replaceable, and its password never signs in', () => {
  it('an administrator adding the address (even as administrator) replaces the attacker’s registration: the attacker never signs in, the owner does', async () => {
    const domain = shared;
    const victim = uniqueEmail('admin-victim');
    expect((await register(await newLink(domain.id), victim)).status).toBe(202);
    const attackerVerification = await verificationFromMail(victim);

    const added = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email: victim, name: 'New Admin', language: 'en', role: 'administrator' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ emailVerified: false, setPasswordEmail: 'queued' });
    await signInFails(victim, attackerPassword);
    // The registration died with the add: its link cannot enable anything.
    expect((await api('POST', `/email-verifications/${attackerVerification}`)).status).toBe(410);
    await signInFails(victim, attackerPassword);

    const setPassword = await setPasswordFromMail(victim);
    expect((await api('POST', `/invitations/${setPassword}/accept`, { body: { password: ownerPassword } })).status).toBe(201);
    await signInFails(victim, attackerPassword);
    const me = await api('GET', '/me', { token: await tokenFor(victim, ownerPassword) });
    expect(me.body.memberships).toEqual([expect.objectContaining({ domainId: domain.id, role: 'administrator', status: 'active' })]);
  });

  it('an email invitation accepted by the address owner replaces the attacker’s registration', async () => {
    const domain = shared;
    const victim = uniqueEmail('invite-victim');
    expect((await register(await newLink(domain.id), victim)).status).toBe(202);
    const attackerVerification = await verificationFromMail(victim);
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [victim], role: 'manager' } });
    const invitation = await acceptFromMail(victim);
    // Sending the invitation killed the waiting registration already.
    expect((await api('POST', `/email-verifications/${attackerVerification}`)).body.type).toMatch(/invitation-revoked$/);
    const accepted = await api('POST', `/invitations/${invitation}/accept`, { body: { name: 'Rightful Owner', password: ownerPassword } });
    expect(accepted.status).toBe(201);
    await signInFails(victim, attackerPassword);
    expect((await api('POST', `/email-verifications/${attackerVerification}`)).status).toBe(410);
    await signInFails(victim, attackerPassword);
    expect((await api('GET', '/me', { token: await tokenFor(victim, ownerPassword) })).body).toMatchObject({ email: victim, name: 'Rightful Owner' });
    expect(await cognitoSaysVerified(victim, ownerPassword)).toBe(true);
    const member = await api('GET', `/domains/${domain.id}/members/${accepted.body.userId}`, { token: owner });
    expect(member.body.emailVerified).toBe(true);
  });

  it('a newer registration for the same address replaces the earlier one: its link is revoked and its password never works', async () => {
    const domain = shared;
    const link = await newLink(domain.id);
    const email = uniqueEmail('twice-registered');
    expect((await register(link, email, attackerPassword)).status).toBe(202);
    const first = await verificationFromMail(email);
    expect((await register(link, email, ownerPassword)).status).toBe(202);
    const second = await verificationFromMail(email);
    const dead = await api('POST', `/email-verifications/${first}`);
    expect(dead.status).toBe(410);
    expect(dead.body.type).toMatch(/invitation-revoked$/);
    expect((await api('POST', `/email-verifications/${second}`)).status).toBe(201);
    await signInFails(email, attackerPassword);
    expect((await tokenFor(email, ownerPassword)).length).toBeGreaterThan(0);
  });
});

describe('answers never reveal whether an account exists', () => {
  it('registering an address that has an account answers the same 202, creates nothing, and mails the owner "sign in to join"', async () => {
    const domain = shared;
    const link = await newLink(domain.id);
    const existing = await createUser({ language: 'fi' });
    const fresh = uniqueEmail('fresh');
    const forExisting = await register(link, existing.email, attackerPassword, { language: 'fr' });
    const forFresh = await register(link, fresh);
    expect(forExisting.status).toBe(forFresh.status);
    expect(Object.keys(forExisting.body).sort()).toEqual(Object.keys(forFresh.body).sort());
    expect(forExisting.body).toEqual({ status: 'verification_sent', email: existing.email });

    const mail = (await settledEmails(existing.email)).at(-1);
    // In the account's language (Finnish), not the one the registrant typed.
    expect(mail?.subject).toMatch(/Kirjaudu sisään/);
    expect(mail?.body.text).toContain(`accept-invitation?token=${link}`);
    expect(mail?.body.text).not.toMatch(/verify-email/);
    // Nothing changed for the account: its own password works, the attacker's does not, no membership.
    await signInFails(existing.email, attackerPassword);
    const me = await api('GET', '/me', { token: await tokenFor(existing.email, existing.password) });
    expect(me.body.memberships).toEqual([]);
    expect(await linkUses(domain.id, link)).toBe(0);
  });

  it('a signed-in caller using a link joins at once (201), counting one use', async () => {
    const domain = shared;
    const link = await newLink(domain.id, { maxUses: 1 });
    const user = await createUser();
    const joined = await api('POST', `/invitations/${link}/accept`, { token: user.token, body: {} });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ userId: user.userId, domainId: domain.id, status: 'pending' });
    expect(await linkUses(domain.id, link)).toBe(1);
    const other = await createUser();
    expect((await api('POST', `/invitations/${link}/accept`, { token: other.token, body: {} })).status).toBe(410);
  });
});

describe('an invitation or set-password link proves the address everywhere', () => {
  it('setting the password through one domain’s link marks the member verified in both domains', async () => {
    const [a, b] = [shared, await newDomain(owner)];
    const email = uniqueEmail('two-domains');
    const inA = await api('POST', `/domains/${a.id}/members`, { token: owner, body: { email, name: 'Two Homes', language: 'en', role: 'user' } });
    const linkFromA = await setPasswordFromMail(email);
    const inB = await api('POST', `/domains/${b.id}/members`, { token: owner, body: { email, name: 'Two Homes', language: 'en', role: 'user' } });
    expect(inB.body).toMatchObject({ userId: inA.body.userId, emailVerified: false, setPasswordEmail: 'queued' });
    const linkFromB = await setPasswordFromMail(email);
    // B's add sent a fresh link: A's died at once.
    expect((await api('GET', `/invitations/${linkFromA}`)).body.type).toMatch(/invitation-revoked$/);
    expect((await api('POST', `/invitations/${linkFromB}/accept`, { body: { password: ownerPassword } })).status).toBe(201);
    for (const d of [a, b]) {
      const member = await api('GET', `/domains/${d.id}/members/${inA.body.userId}`, { token: owner });
      expect(member.body.emailVerified).toBe(true);
    }
    expect(await cognitoSaysVerified(email, ownerPassword)).toBe(true);
  });
});

describe('adding an existing account sends it an email', () => {
  it('a verified account gets a localized "you were added to <Domain> as <Role>" email; it and registration emails stay within the daily cap', async () => {
    const domain = shared;
    const user = await createUser({ language: 'fi' });
    const added = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email: user.email, name: 'x', language: 'en', role: 'manager' } });
    expect(added.body).toMatchObject({ addedEmail: 'queued', setPasswordEmail: 'not_needed' });
    const mail = (await settledEmails(user.email)).at(-1);
    expect(mail?.subject).toContain(domain.name);
    expect(mail?.subject).toMatch(/lisättiin/);
    expect(mail?.body.text).toContain('Manager');

    const capped = await newDomain(owner);
    const cappedLink = await newLink(capped.id);
    await setMailCount(capped.id, new Date().toISOString().slice(0, 10), 200);
    // Registration emails count too, the same for an address with or without an account.
    const stranger = uniqueEmail('capped');
    expect((await register(cappedLink, stranger)).status).toBe(429);
    expect((await register(cappedLink, user.email)).status).toBe(429);
    expect(await settledEmails(stranger)).toHaveLength(0);
    const before = (await settledEmails(user.email)).length;
    const refused = await api('POST', `/domains/${capped.id}/members`, { token: owner, body: { email: user.email, name: 'x', language: 'en', role: 'manager' } });
    expect(refused.status).toBe(429);
    expect(await settledEmails(user.email)).toHaveLength(before);
  });
});

describe('a set-password email can be sent again', () => {
  it('POST …/set-password-email issues a new link (202) and the old one dies at once; a member with a password gets 409', async () => {
    const domain = shared;
    const email = uniqueEmail('resend-password');
    const added = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email, name: 'Slow Starter', language: 'en', role: 'user' } });
    const old = await setPasswordFromMail(email);
    const resent = await api('POST', `/domains/${domain.id}/members/${added.body.userId}/set-password-email`, { token: owner });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ delivery: 'queued' });
    const fresh = await setPasswordFromMail(email);
    expect(fresh).not.toBe(old);
    const dead = await api('POST', `/invitations/${old}/accept`, { body: { password: ownerPassword } });
    expect(dead.status).toBe(410);
    expect(dead.body.type).toMatch(/invitation-revoked$/);
    expect((await api('POST', `/invitations/${fresh}/accept`, { body: { password: ownerPassword } })).status).toBe(201);

    const again = await api('POST', `/domains/${domain.id}/members/${added.body.userId}/set-password-email`, { token: owner });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/password-already-set$/);
    const stranger = await createUser();
    expect((await api('POST', `/domains/${domain.id}/members/${stranger.userId}/set-password-email`, { token: owner })).status).toBe(404);
  });
});

describe('an invitation whose token TTL deleted', () => {
  it('still answers 410 invitation-expired on preview and accept, not 404', async () => {
    // Its own domain: the sweep moves time for every item of the domain.
    const domain = await newDomain(owner);
    const email = uniqueEmail('swept');
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: 'user', validDays: 1 } });
    const token = await acceptFromMail(email);
    expect(await ttlSweep(domain.id, 2 * DAY_MS)).toBeGreaterThanOrEqual(1);
    const preview = await api('GET', `/invitations/${token}`, { clockOffsetMs: 2 * DAY_MS });
    expect(preview.status).toBe(410);
    expect(preview.body.type).toMatch(/invitation-expired$/);
    const accept = await api('POST', `/invitations/${token}/accept`, { body: { name: 'Too Late', password: ownerPassword }, clockOffsetMs: 2 * DAY_MS });
    expect(accept.status).toBe(410);
    expect(accept.body.type).toMatch(/invitation-expired$/);
  });
});

afterAll(async () => {
  // Every raw token seen above: none may be stored, only their SHA-256.
  const items = JSON.stringify(await allTableItems());
  const leaked = [...seenTokens].filter((t) => t && items.includes(t));
  expect(seenTokens.size).toBeGreaterThan(5);
  expect(leaked).toEqual([]);
});

describe('races on one address', () => {
  it('concurrent registrations of one address with different passwords: at most one verifies, and only its password signs in', async () => {
    const link = await newLink(shared.id);
    const email = uniqueEmail('race-register');
    const passwords = [1, 2, 3, 4].map((i) => `Racer-${i}-Password-x9!`);
    const answers = await Promise.all(passwords.map((password) => register(link, email, password)));
    // Each answer is a 202 or a 409 asking to send again; never a 5xx.
    for (const a of answers) expect([202, 409]).toContain(a.status);
    // Four racers can each find another's change and all be told to send again (409
    // registration-changed); sending again then goes through, as that answer promises.
    if (!answers.some((a) => a.status === 202)) answers.push(await register(link, email, passwords[0] as string));
    expect(answers.some((a) => a.status === 202)).toBe(true);
    const tokens = (await settledEmails(email)).flatMap((m) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(m.body.text ?? '')?.[1] ?? []);
    tokens.forEach((t) => seenTokens.add(t));
    const verified = await Promise.all(tokens.map((t) => api('POST', `/email-verifications/${t}`)));
    const winners = verified.filter((v) => v.status === 201);
    expect(winners.length).toBeLessThanOrEqual(1);
    for (const v of verified.filter((x) => x.status !== 201)) expect(v.status).toBe(410);
    const signIns = await Promise.all(passwords.map((p) => tokenFor(email, p).then(() => true, () => false)));
    expect(signIns.filter(Boolean).length).toBe(winners.length);
  });

  it('concurrent set-password resends leave exactly one live link', async () => {
    const email = uniqueEmail('race-resend');
    const added = await api('POST', `/domains/${shared.id}/members`, { token: owner, body: { email, name: 'Race Resend', language: 'en', role: 'user' } });
    const results = await Promise.all([1, 2, 3, 4].map(() => api('POST', `/domains/${shared.id}/members/${added.body.userId}/set-password-email`, { token: owner })));
    expect(results.filter((r) => r.status === 202).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status !== 202)) expect(r.status).toBe(409);
    const links = (await settledEmails(email)).flatMap((m) => /\/set-password\?token=([A-Za-z0-9_-]+)/.exec(m.body.text ?? '')?.[1] ?? []);
    links.forEach((t) => seenTokens.add(t));
    const previews = await Promise.all(links.map((t) => api('GET', `/invitations/${t}`)));
    expect(previews.filter((p) => p.status === 200)).toHaveLength(1);
  });
});
