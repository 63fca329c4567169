/**
 * Invitations end to end through the local stack: SES emulator mail, Cognito accounts,
 * single use and max uses under races, the three 410s, resend, CSV, the daily limit,
 * SES failing and recovering, and no raw token anywhere in the table.
 */
import { items, unwrap } from '@gatehouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitEmails, client, collect, createUser, DAY_MS, expectProblem, newDomain, settledEmails, stack, tokenFor } from './helpers.ts';
import { allTableItems, setMailCount } from './seed.ts';

let owner: string;
/** Every raw token this file saw: none of them may be in the table. */
const seenTokens = new Set<string>();

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;
const strongPassword = 'Correct-Horse-9-Battery';
/** Someone with no account yet: the invitation and verification links are public routes. */
const anonymous = () => client();
const at = (token: string) => ({ params: { path: { token } } });

/** The token in the newest email sent to `to`, from its accept link (or its set-password link, for a member added by hand). */
async function tokenFromMail(to: string, page: 'accept-invitation' | 'set-password' = 'accept-invitation', count = 1): Promise<string> {
  // Invitation mail goes out through the outbox after the answer: wait for the count-th message.
  const mail = (await awaitEmails(to, count)).at(-1);
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_-]+)`).exec(mail?.body.text ?? '');
  if (!match?.[1]) throw new Error(`no invitation link in the mail to ${to}`);
  seenTokens.add(match[1]);
  return match[1];
}

/** The token in the newest verification email sent to `to`. */
async function verificationFromMail(to: string): Promise<string> {
  const mail = (await settledEmails(to)).at(-1);
  const match = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '');
  if (!match?.[1]) throw new Error(`no verification link in the mail to ${to}`);
  seenTokens.add(match[1]);
  return match[1];
}

/** Registers through a link (202) and completes it from the verification email. */
async function registerAndVerify(linkToken: string, body: { email: string; name: string; password: string }) {
  const registered = await anonymous().POST('/invitations/{token}/accept', { ...at(linkToken), body });
  expect(registered.response.status).toBe(202);
  return anonymous().POST('/email-verifications/{token}', at(await verificationFromMail(body.email)));
}

function tokenFromUrl(url: string): string {
  const token = new URL(url).searchParams.get('token') ?? '';
  seenTokens.add(token);
  return token;
}

/** Invites by email as the owner, through the client. */
async function invite(domainId: string, body: { emails: string[]; role: string; validDays?: number; message?: string }) {
  return client(owner).POST('/domains/{domainId}/invitations', { params: { path: { domainId } }, body });
}

describe('an email invitation, end to end', () => {
  it('is mailed, previewed and accepted into a new account that can sign in', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('journey');
    const sent = unwrap(await invite(domain.id, { emails: [email], role: 'manager', message: 'Welcome aboard!' }));
    expect(sent.results).toEqual([expect.objectContaining({ email, status: 'invited', delivery: 'queued' })]);

    const mail = (await awaitEmails(email)).at(-1);
    expect(mail?.subject).toContain(domain.name);
    expect(mail?.body.html).toContain('Welcome aboard!');
    expect(mail?.body.text).toMatch(/^https?:\/\/\S+\/accept-invitation\?token=/m);
    const token = await tokenFromMail(email);

    const preview = unwrap(await anonymous().GET('/invitations/{token}', at(token)));
    expect(preview).toMatchObject({ kind: 'email', domainName: domain.name, email, role: 'Manager' });

    const accepted = await anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { name: 'Nea Newcomer', password: strongPassword, language: 'fi' } });
    expect(accepted.response.status).toBe(201);
    expect(unwrap(accepted)).toMatchObject({ domainId: domain.id, status: 'active' });

    const me = unwrap(await client(await tokenFor(email, strongPassword)).GET('/me'));
    expect(me).toMatchObject({ email, name: 'Nea Newcomer', language: 'fi' });
    expect(me.memberships).toEqual([expect.objectContaining({ domainId: domain.id, role: 'manager', status: 'active' })]);
    const history = await collect(items(client(owner), '/domains/{domainId}/history', { params: { path: { domainId: domain.id } } }));
    expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(['invitation.invited', 'invitation.accepted']));
    expectProblem(await anonymous().GET('/invitations/{token}', at(token)), 410, 'invitation-used');
  });

  it('a weak password is a 400 that says what the policy wants, and the link still works', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('weak');
    unwrap(await invite(domain.id, { emails: [email], role: 'user' }));
    const token = await tokenFromMail(email);
    const weak = expectProblem(await anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { name: 'Weak', password: 'short' } }), 400, 'invalid-input');
    expect(weak.problem.detail).toMatch(/12 characters/);
    expect((await anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { name: 'Strong', password: strongPassword } })).response.status).toBe(201);
  });

  it('someone signed in with the invited address just gains the membership; another address is refused', async () => {
    const domain = await newDomain(owner);
    const existing = await createUser();
    const stranger = await createUser();
    unwrap(await invite(domain.id, { emails: [existing.email], role: 'user' }));
    const token = await tokenFromMail(existing.email);
    expectProblem(await client(stranger.token).POST('/invitations/{token}/accept', { ...at(token), body: {} }), 403, 'wrong-account');
    const joined = await client(existing.token).POST('/invitations/{token}/accept', { ...at(token), body: {} });
    expect(joined.response.status).toBe(201);
    expect(unwrap(joined)).toMatchObject({ userId: existing.userId, status: 'active' });
    const again = unwrap(await invite(domain.id, { emails: [existing.email], role: 'user' }));
    expect(again.results[0]).toMatchObject({ status: 'already_member' });
  });
});

describe('single use and max uses', () => {
  it('8 concurrent accepts of one token: exactly one 201, the rest 410 used', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('race');
    unwrap(await invite(domain.id, { emails: [email], role: 'user' }));
    const token = await tokenFromMail(email);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { name: `Racer ${i}`, password: strongPassword } })),
    );
    const statuses = results.map((r) => r.response.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 410 || s === 409)).toBe(true);
    const members = unwrap(await client(owner).GET('/domains/{domainId}/members', { params: { path: { domainId: domain.id }, query: { q: email } } }));
    expect(members.items).toHaveLength(1);
  });

  it('a link with maxUses 3 raced by 8 verified registrations admits exactly 3', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const link = await gh.POST('/domains/{domainId}/invite-links', { params: { path }, body: { validDays: 7, maxUses: 3 } });
    expect(link.response.status).toBe(201);
    const token = tokenFromUrl(unwrap(link).url);
    const emails = Array.from({ length: 8 }, (_, i) => uniqueEmail(`link${i}`));
    const registered = await Promise.all(
      emails.map((email, i) => anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { email, name: `Registrant ${i}`, password: strongPassword } })),
    );
    // Registering takes no use: every one waits for its address.
    expect(registered.map((r) => r.response.status)).toEqual(Array(8).fill(202));
    const verifications = await Promise.all(emails.map(verificationFromMail));
    const results = await Promise.all(verifications.map((v) => anonymous().POST('/email-verifications/{token}', at(v))));
    expect(results.filter((r) => r.response.status === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.response.status !== 201)) expectProblem(r, 410, 'invitation-used');
    const pending = unwrap(await gh.GET('/domains/{domainId}/members', { params: { path, query: { status: 'pending' } } }));
    expect(pending.items).toHaveLength(3);
    const listed = unwrap(await gh.GET('/domains/{domainId}/invitations', { params: { path, query: { kind: 'link' } } }));
    expect(listed.items[0]).toMatchObject({ uses: 3, maxUses: 3 });
  });
});

describe('shareable links', () => {
  it('registrants wait as pending with no access to domain data, until a role activates them', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const link = unwrap(await gh.POST('/domains/{domainId}/invite-links', { params: { path }, body: { validDays: 30, allowedEmailDomains: ['example.test'] } }));
    const token = tokenFromUrl(link.url);
    const outside = await anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { email: 'someone@elsewhere.test', name: 'Out', password: strongPassword } });
    expect(expectProblem(outside, 403, 'email-domain-not-allowed').problem.detail).toContain('example.test');
    const email = uniqueEmail('pending');
    const verified = await registerAndVerify(token, { email, name: 'Pia Pending', password: strongPassword });
    expect(verified.response.status).toBe(201);
    const registered = unwrap(verified);
    expect(registered).toMatchObject({ status: 'pending' });
    const pia = client(await tokenFor(email, strongPassword));
    unwrap(await pia.GET('/domains/{domainId}', { params: { path } }));
    expectProblem(await pia.GET('/domains/{domainId}/members', { params: { path } }), 403, 'membership-pending');
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: registered.userId } }, body: { role: 'user' } }));
    unwrap(await pia.GET('/domains/{domainId}/members', { params: { path } }));
  });

  it('never carries an admin role, and validDays stays within the domain maximum', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const params = { path: { domainId: domain.id } };
    expectProblem(await gh.POST('/domains/{domainId}/invite-links', { params, body: { validDays: 7, role: 'administrator' } }), 400);
    expectProblem(await gh.POST('/domains/{domainId}/invite-links', { params, body: { validDays: 91 } }), 400, 'invalid-input');
    const withRole = unwrap(await gh.POST('/domains/{domainId}/invite-links', { params, body: { validDays: 7, role: 'user' } }));
    const registered = await registerAndVerify(tokenFromUrl(withRole.url), { email: uniqueEmail('roled'), name: 'Rolf', password: strongPassword });
    expect(unwrap(registered)).toMatchObject({ status: 'active' });
  });
});

describe('gone links answer 410, each with its own type', () => {
  it('expired (clock moved), used, revoked', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const [a, b, c] = [uniqueEmail('exp'), uniqueEmail('used'), uniqueEmail('rev')];
    unwrap(await invite(domain.id, { emails: [a, b, c], role: 'user', validDays: 2 }));
    const [ta, tb, tc] = [await tokenFromMail(a), await tokenFromMail(b), await tokenFromMail(c)];

    const later = client(undefined, { clockOffsetMs: 3 * DAY_MS });
    expectProblem(await later.GET('/invitations/{token}', at(ta)), 410, 'invitation-expired');
    expectProblem(await later.POST('/invitations/{token}/accept', { ...at(ta), body: { name: 'Late', password: strongPassword } }), 410, 'invitation-expired');

    unwrap(await anonymous().POST('/invitations/{token}/accept', { ...at(tb), body: { name: 'First', password: strongPassword } }));
    expectProblem(await anonymous().GET('/invitations/{token}', at(tb)), 410, 'invitation-used');

    const list = unwrap(await gh.GET('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id }, query: { email: c } } }));
    const revoked = await gh.DELETE('/domains/{domainId}/invitations/{invitationId}', { params: { path: { domainId: domain.id, invitationId: list.items[0]?.id ?? '' } } });
    expect(revoked.response.status).toBe(204);
    expectProblem(await anonymous().GET('/invitations/{token}', at(tc)), 410, 'invitation-revoked');
    expectProblem(await anonymous().GET('/invitations/{token}', at('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')), 404, 'not-found');
  });

  it('an expired invitation stays listed as expired, and resend revives it with a new link; the old one dies', async () => {
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const email = uniqueEmail('resend');
    unwrap(await invite(domain.id, { emails: [email], role: 'user', validDays: 1 }));
    const old = await tokenFromMail(email);
    const later = { clockOffsetMs: 2 * DAY_MS };
    const gh = client(owner, later);
    const listed = unwrap(await gh.GET('/domains/{domainId}/invitations', { params: { path, query: { status: 'expired' } } }));
    expect(listed.items).toEqual([expect.objectContaining({ email, status: 'expired' })]);
    const resent = unwrap(await gh.POST('/domains/{domainId}/invitations/{invitationId}/resend', { params: { path: { ...path, invitationId: listed.items[0]?.id ?? '' } } }));
    expect(resent).toMatchObject({ status: 'pending', delivery: 'queued' });
    const fresh = await tokenFromMail(email, 'accept-invitation', 2);
    expect(fresh).not.toBe(old);
    expectProblem(await client(undefined, later).GET('/invitations/{token}', at(old)), 410, 'invitation-revoked');
    unwrap(await client(undefined, later).GET('/invitations/{token}', at(fresh)));
  });
});

describe('a CSV of invitees', () => {
  it('answers each row: invited, duplicate, bad address, unknown language, refreshed', async () => {
    const domain = await newDomain(owner);
    const [a, b] = [uniqueEmail('csv-a'), uniqueEmail('csv-b')];
    unwrap(await invite(domain.id, { emails: [b], role: 'user' }));
    const csv = ['email,role,language', `${a},user,fr`, `${a},manager,`, 'not-an-address,user,en', `"${uniqueEmail('csv-c')}",user,xx`, `${b},manager,fi`, ''].join('\r\n');
    const res = await client(owner).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(res.response.status).toBe(200);
    const { results, summary } = unwrap(res);
    expect(results.map((r) => [r.row, r.status])).toEqual([
      [2, 'invited'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'refreshed'],
    ]);
    expect(results[1]?.reason).toMatch(/duplicate/);
    expect(results[3]?.reason).toMatch(/unknown language/);
    expect((await awaitEmails(a)).at(-1)?.subject).toMatch(/[Ii]nvit/);
    expect(summary).toEqual({ invited: 1, refreshed: 1, already_member: 0, invalid: 3, deliveryFailed: 0, queued: 2 });
  });
});

describe('the daily limit', () => {
  it('answers 429 past 200 emails a day, counting atomically', async () => {
    const domain = await newDomain(owner);
    await setMailCount(domain.id, new Date().toISOString().slice(0, 10), 199);
    const two = expectProblem(await invite(domain.id, { emails: [uniqueEmail('l1'), uniqueEmail('l2')], role: 'user' }), 429, 'daily-email-limit');
    expect(two.problem.detail).toContain('1 left');
    unwrap(await invite(domain.id, { emails: [uniqueEmail('l3')], role: 'user' }));
    expectProblem(await invite(domain.id, { emails: [uniqueEmail('l4')], role: 'user' }), 429, 'daily-email-limit');
  });
});

// SES refusing invitation mail (delivery_failed, then resend) is proven against the mail
// worker in outbox-faults.test.ts, on a table of its own.

describe('adding a member by hand', () => {
  it('a new account is active at once and gets a single-use set-password email; an existing one gets a "you were added" email', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const email = uniqueEmail('manual');
    const added = await gh.POST('/domains/{domainId}/members', { params: { path }, body: { email, name: 'Manu Al', language: 'fr', role: 'user' } });
    expect(added.response.status).toBe(201);
    const member = unwrap(added);
    expect(member).toMatchObject({ email, status: 'active', role: 'user', emailVerified: false, setPasswordEmail: 'queued' });
    const token = await tokenFromMail(email, 'set-password');
    // The page names who added the person, in the language the administrator gave.
    expect(unwrap(await anonymous().GET('/invitations/{token}', at(token)))).toMatchObject({ kind: 'set-password', email, invitedBy: expect.stringMatching(/\S/), language: 'fr' });
    expect((await anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { password: strongPassword } })).response.status).toBe(201);
    expectProblem(await anonymous().POST('/invitations/{token}/accept', { ...at(token), body: { password: strongPassword } }), 410, 'invitation-used');
    const me = unwrap(await client(await tokenFor(email, strongPassword)).GET('/me'));
    expect(me.memberships[0]).toMatchObject({ domainId: domain.id, role: 'user', status: 'active' });
    expect(unwrap(await gh.GET('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: member.userId } } })).emailVerified).toBe(true);

    const existing = await createUser();
    const before = (await settledEmails(existing.email)).length;
    const again = unwrap(await gh.POST('/domains/{domainId}/members', { params: { path }, body: { email: existing.email, name: 'Ignored', language: 'en', role: 'manager' } }));
    expect(again).toMatchObject({ status: 'active', setPasswordEmail: 'not_needed', addedEmail: 'queued', name: existing.name });
    const mails = await settledEmails(existing.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.subject).toContain(domain.name);
    expect(mails.at(-1)?.body.text).toContain('Manager');
    expect(mails.at(-1)?.body.text).toMatch(/\/sign-in$/m);
    expectProblem(await gh.POST('/domains/{domainId}/members', { params: { path }, body: { email: existing.email, name: 'x', language: 'en', role: 'user' } }), 409, 'already-member');
  });
});

afterAll(async () => {
  // Every raw token seen above: none may be stored, only their SHA-256.
  const stored = JSON.stringify(await allTableItems());
  const leaked = [...seenTokens].filter((t) => t && stored.includes(t));
  expect(seenTokens.size).toBeGreaterThan(5);
  expect(leaked).toEqual([]);
});
