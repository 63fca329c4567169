/**
 * Invitations end to end through the local stack: SES emulator mail, Cognito accounts,
 * single use and max uses under races, the three 410s, resend, CSV, the daily limit,
 * SES failing and recovering, and no raw token anywhere in the table.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, createUser, DAY_MS, newDomain, sentEmails, stack, tokenFor } from './helpers.ts';
import { allTableItems, setMailCount } from './seed.ts';

let owner: string;
/** Every raw token this file saw: none of them may be in the table. */
const seenTokens = new Set<string>();

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;
const strongPassword = 'Correct-Horse-9-Battery';

/** The token in the newest email sent to `to`, from its accept link. */
async function tokenFromMail(to: string): Promise<string> {
  const mail = (await sentEmails(to)).at(-1);
  const match = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '');
  if (!match?.[1]) throw new Error(`no invitation link in the mail to ${to}`);
  seenTokens.add(match[1]);
  return match[1];
}

/** The token in the newest verification email sent to `to`. */
async function verificationFromMail(to: string): Promise<string> {
  const mail = (await sentEmails(to)).at(-1);
  const match = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '');
  if (!match?.[1]) throw new Error(`no verification link in the mail to ${to}`);
  seenTokens.add(match[1]);
  return match[1];
}

/** Registers through a link (202) and completes it from the verification email. */
async function registerAndVerify(linkToken: string, body: { email: string; name: string; password: string }) {
  const registered = await api('POST', `/invitations/${linkToken}/accept`, { body });
  expect(registered.status).toBe(202);
  return api('POST', `/email-verifications/${await verificationFromMail(body.email)}`);
}

function tokenFromUrl(url: string): string {
  const token = new URL(url).searchParams.get('token') ?? '';
  seenTokens.add(token);
  return token;
}

describe('an email invitation, end to end', () => {
  it('is mailed, previewed and accepted into a new account that can sign in', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('journey');
    const sent = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: 'manager', message: 'Welcome aboard!' } });
    expect(sent.status).toBe(200);
    expect(sent.body.results).toEqual([expect.objectContaining({ email, status: 'invited', delivery: 'sent' })]);

    const mail = (await sentEmails(email)).at(-1);
    expect(mail?.subject).toContain(domain.name);
    expect(mail?.body.html).toContain('Welcome aboard!');
    expect(mail?.body.text).toMatch(/^https?:\/\/\S+\/accept-invitation\?token=/m);
    const token = await tokenFromMail(email);

    const preview = await api('GET', `/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ kind: 'email', domainName: domain.name, email, role: 'Manager' });

    const accepted = await api('POST', `/invitations/${token}/accept`, { body: { name: 'Nea Newcomer', password: strongPassword, language: 'fi' } });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ domainId: domain.id, status: 'active' });

    const me = await api('GET', '/me', { token: await tokenFor(email, strongPassword) });
    expect(me.body).toMatchObject({ email, name: 'Nea Newcomer', language: 'fi' });
    expect(me.body.memberships).toEqual([expect.objectContaining({ domainId: domain.id, role: 'manager', status: 'active' })]);
    const history = await api('GET', `/domains/${domain.id}/history?limit=100`, { token: owner });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['invitation.invited', 'invitation.accepted']));
    expect((await api('GET', `/invitations/${token}`)).status).toBe(410);
  });

  it('a weak password is a 400 that says what the policy wants, and the link still works', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('weak');
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: 'user' } });
    const token = await tokenFromMail(email);
    const weak = await api('POST', `/invitations/${token}/accept`, { body: { name: 'Weak', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.detail).toMatch(/12 characters/);
    expect((await api('POST', `/invitations/${token}/accept`, { body: { name: 'Strong', password: strongPassword } })).status).toBe(201);
  });

  it('someone signed in with the invited address just gains the membership; another address is refused', async () => {
    const domain = await newDomain(owner);
    const existing = await createUser();
    const stranger = await createUser();
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [existing.email], role: 'user' } });
    const token = await tokenFromMail(existing.email);
    expect((await api('POST', `/invitations/${token}/accept`, { token: stranger.token, body: {} })).status).toBe(403);
    const joined = await api('POST', `/invitations/${token}/accept`, { token: existing.token, body: {} });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ userId: existing.userId, status: 'active' });
    const again = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [existing.email], role: 'user' } });
    expect(again.body.results[0]).toMatchObject({ status: 'already_member' });
  });
});

describe('single use and max uses', () => {
  it('8 concurrent accepts of one token: exactly one 201, the rest 410 used', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('race');
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: 'user' } });
    const token = await tokenFromMail(email);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api('POST', `/invitations/${token}/accept`, { body: { name: `Racer ${i}`, password: strongPassword } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 410 || s === 409)).toBe(true);
    const members = await api('GET', `/domains/${domain.id}/members?q=${encodeURIComponent(email)}`, { token: owner });
    expect(members.body.items).toHaveLength(1);
  });

  it('a link with maxUses 3 raced by 8 verified registrations admits exactly 3', async () => {
    const domain = await newDomain(owner);
    const link = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, maxUses: 3 } });
    expect(link.status).toBe(201);
    const token = tokenFromUrl(link.body.url);
    const emails = Array.from({ length: 8 }, (_, i) => uniqueEmail(`link${i}`));
    const registered = await Promise.all(emails.map((email, i) => api('POST', `/invitations/${token}/accept`, { body: { email, name: `Registrant ${i}`, password: strongPassword } })));
    // Registering takes no use: every one waits for its address.
    expect(registered.map((r) => r.status)).toEqual(Array(8).fill(202));
    const verifications = await Promise.all(emails.map(verificationFromMail));
    const results = await Promise.all(verifications.map((v) => api('POST', `/email-verifications/${v}`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.type).toContain('invitation-used');
    const pending = await api('GET', `/domains/${domain.id}/members?status=pending`, { token: owner });
    expect(pending.body.items).toHaveLength(3);
    const listed = await api('GET', `/domains/${domain.id}/invitations?kind=link`, { token: owner });
    expect(listed.body.items[0]).toMatchObject({ uses: 3, maxUses: 3 });
  });
});

describe('shareable links', () => {
  it('registrants wait as pending with no access to domain data, until a role activates them', async () => {
    const domain = await newDomain(owner);
    const link = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 30, allowedEmailDomains: ['example.test'] } });
    const token = tokenFromUrl(link.body.url);
    const outside = await api('POST', `/invitations/${token}/accept`, { body: { email: 'someone@elsewhere.test', name: 'Out', password: strongPassword } });
    expect(outside.status).toBe(403);
    expect(outside.body.detail).toContain('example.test');
    const email = uniqueEmail('pending');
    const registered = await registerAndVerify(token, { email, name: 'Pia Pending', password: strongPassword });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ status: 'pending' });
    const pia = await tokenFor(email, strongPassword);
    expect((await api('GET', `/domains/${domain.id}`, { token: pia })).status).toBe(200);
    expect((await api('GET', `/domains/${domain.id}/members`, { token: pia })).status).toBe(403);
    await api('PATCH', `/domains/${domain.id}/members/${registered.body.userId}`, { token: owner, body: { role: 'user' } });
    expect((await api('GET', `/domains/${domain.id}/members`, { token: pia })).status).toBe(200);
  });

  it('never carries an admin role, and validDays stays within the domain maximum', async () => {
    const domain = await newDomain(owner);
    expect((await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, role: 'administrator' } })).status).toBe(400);
    expect((await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 91 } })).status).toBe(400);
    const withRole = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, role: 'user' } });
    const registered = await registerAndVerify(tokenFromUrl(withRole.body.url), { email: uniqueEmail('roled'), name: 'Rolf', password: strongPassword });
    expect(registered.body).toMatchObject({ status: 'active' });
  });
});

describe('gone links answer 410, each with its own type', () => {
  it('expired (clock moved), used, revoked', async () => {
    const domain = await newDomain(owner);
    const [a, b, c] = [uniqueEmail('exp'), uniqueEmail('used'), uniqueEmail('rev')];
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [a, b, c], role: 'user', validDays: 2 } });
    const [ta, tb, tc] = [await tokenFromMail(a), await tokenFromMail(b), await tokenFromMail(c)];

    const expired = await api('GET', `/invitations/${ta}`, { clockOffsetMs: 3 * DAY_MS });
    expect(expired.status).toBe(410);
    expect(expired.body.type).toMatch(/invitation-expired$/);
    expect((await api('POST', `/invitations/${ta}/accept`, { body: { name: 'Late', password: strongPassword }, clockOffsetMs: 3 * DAY_MS })).body.type).toMatch(/invitation-expired$/);

    await api('POST', `/invitations/${tb}/accept`, { body: { name: 'First', password: strongPassword } });
    expect((await api('GET', `/invitations/${tb}`)).body.type).toMatch(/invitation-used$/);

    const list = await api('GET', `/domains/${domain.id}/invitations?email=${encodeURIComponent(c)}`, { token: owner });
    expect((await api('DELETE', `/domains/${domain.id}/invitations/${list.body.items[0].id}`, { token: owner })).status).toBe(204);
    expect((await api('GET', `/invitations/${tc}`)).body.type).toMatch(/invitation-revoked$/);
    expect((await api('GET', '/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('an expired invitation stays listed as expired, and resend revives it with a new link; the old one dies', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('resend');
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: 'user', validDays: 1 } });
    const old = await tokenFromMail(email);
    const later = { clockOffsetMs: 2 * DAY_MS };
    const listed = await api('GET', `/domains/${domain.id}/invitations?status=expired`, { token: owner, ...later });
    expect(listed.body.items).toEqual([expect.objectContaining({ email, status: 'expired' })]);
    const resent = await api('POST', `/domains/${domain.id}/invitations/${listed.body.items[0].id}/resend`, { token: owner, ...later });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', delivery: 'sent' });
    const fresh = await tokenFromMail(email);
    expect(fresh).not.toBe(old);
    expect((await api('GET', `/invitations/${old}`, later)).body.type).toMatch(/invitation-revoked$/);
    expect((await api('GET', `/invitations/${fresh}`, later)).status).toBe(200);
  });
});

describe('a CSV of invitees', () => {
  it('answers each row: invited, duplicate, bad address, unknown language, refreshed', async () => {
    const domain = await newDomain(owner);
    const [a, b] = [uniqueEmail('csv-a'), uniqueEmail('csv-b')];
    await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [b], role: 'user' } });
    const csv = ['email,role,language', `${a},user,fr`, `${a},manager,`, 'not-an-address,user,en', `"${uniqueEmail('csv-c')}",user,xx`, `${b},manager,fi`, ''].join('\r\n');
    const res = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, rawBody: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'invited'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'refreshed'],
    ]);
    expect(res.body.results[1].reason).toMatch(/duplicate/);
    expect(res.body.results[3].reason).toMatch(/unknown language/);
    expect((await sentEmails(a)).at(-1)?.subject).toMatch(/[Ii]nvit/);
    expect(res.body.summary).toEqual({ invited: 1, refreshed: 1, already_member: 0, invalid: 3, deliveryFailed: 0 });
  });
});

describe('the daily limit', () => {
  it('answers 429 past 200 emails a day, counting atomically', async () => {
    const domain = await newDomain(owner);
    await setMailCount(domain.id, new Date().toISOString().slice(0, 10), 199);
    const two = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [uniqueEmail('l1'), uniqueEmail('l2')], role: 'user' } });
    expect(two.status).toBe(429);
    expect(two.body.detail).toContain('1 left');
    expect((await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [uniqueEmail('l3')], role: 'user' } })).status).toBe(200);
    expect((await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [uniqueEmail('l4')], role: 'user' } })).status).toBe(429);
  });
});

describe('SES refusing mail', () => {
  it('keeps the invitation with delivery failed, and resend delivers once SES is back', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('ses-down');
    const [{ ses }, { inviteByEmail }, { sesMailer }, { loadDomainAccess }] = await Promise.all([
      import('#shared/clients/ses.ts'),
      import('#shared/domain/send-invitations.ts'),
      import('#shared/mail/mailer.ts'),
      import('#shared/store/domain-store.ts'),
    ]);
    const me = (await api('GET', '/me', { token: owner })).body;
    const { domain: record, membership } = await loadDomainAccess(domain.id, me.userId);
    if (!record || !membership) throw new Error('owner is not a member of the new domain');
    const refusal = Object.assign(new Error('Sending paused for this account'), { name: 'SendingPausedException', $metadata: { httpStatusCode: 400 } });
    const { SESv2ServiceException } = await import('@aws-sdk/client-sesv2');
    Object.setPrototypeOf(refusal, SESv2ServiceException.prototype);
    vi.spyOn(ses, 'send').mockRejectedValue(refusal as never);
    const result = await inviteByEmail({ domain: record, membership, grants: ['*'] }, { userId: me.userId, email: me.email }, { emails: [email], role: 'user' }, { mailer: sesMailer });
    vi.restoreAllMocks();
    expect(result.results[0]).toMatchObject({ status: 'invited', delivery: 'failed' });
    expect(await sentEmails(email)).toHaveLength(0);

    const listed = await api('GET', `/domains/${domain.id}/invitations?email=${encodeURIComponent(email)}`, { token: owner });
    expect(listed.body.items[0]).toMatchObject({ delivery: 'failed', status: 'pending' });
    const resent = await api('POST', `/domains/${domain.id}/invitations/${listed.body.items[0].id}/resend`, { token: owner });
    expect(resent.body.delivery).toBe('sent');
    await tokenFromMail(email);
  });
});

describe('adding a member by hand', () => {
  it('a new account is active at once and gets a single-use set-password email; an existing one gets a "you were added" email', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('manual');
    const added = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email, name: 'Manu Al', language: 'fr', role: 'user' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email, status: 'active', role: 'user', emailVerified: false, setPasswordEmail: 'sent' });
    const token = await tokenFromMail(email);
    expect((await api('GET', `/invitations/${token}`)).body).toMatchObject({ kind: 'set-password', email });
    expect((await api('POST', `/invitations/${token}/accept`, { body: { password: strongPassword } })).status).toBe(201);
    expect((await api('POST', `/invitations/${token}/accept`, { body: { password: strongPassword } })).status).toBe(410);
    const me = await api('GET', '/me', { token: await tokenFor(email, strongPassword) });
    expect(me.body.memberships[0]).toMatchObject({ domainId: domain.id, role: 'user', status: 'active' });
    expect((await api('GET', `/domains/${domain.id}/members/${added.body.userId}`, { token: owner })).body.emailVerified).toBe(true);

    const existing = await createUser();
    const before = (await sentEmails(existing.email)).length;
    const again = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email: existing.email, name: 'Ignored', language: 'en', role: 'manager' } });
    expect(again.body).toMatchObject({ status: 'active', setPasswordEmail: 'not_needed', addedEmail: 'sent', name: existing.name });
    const mails = await sentEmails(existing.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.subject).toContain(domain.name);
    expect(mails.at(-1)?.body.text).toContain('Manager');
    expect(mails.at(-1)?.body.text).toMatch(/\/sign-in$/m);
    expect((await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email: existing.email, name: 'x', language: 'en', role: 'user' } })).status).toBe(409);
  });
});

afterAll(async () => {
  // Every raw token seen above: none may be stored, only their SHA-256.
  const items = JSON.stringify(await allTableItems());
  const leaked = [...seenTokens].filter((t) => t && items.includes(t));
  expect(seenTokens.size).toBeGreaterThan(5);
  expect(leaked).toEqual([]);
});
