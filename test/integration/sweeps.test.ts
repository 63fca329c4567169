/**
 * The daily sweeps against the local stack, run by the same code as the scheduled Lambda,
 * each scoped to the domains and users this file seeds (other test files run alongside).
 * Time is moved by giving the sweep its "now"; nothing sleeps. The sweep over 10,000 members
 * is sweep-cost.test.ts.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, cognito, createUser, DAY_MS, newDomain, sentEmails, stack, type TestUser, tokenFor } from './helpers.ts';
import { allTableItems, rewriteMembership, setLastActive } from './seed.ts';
import { ago, sweep } from './sweep-run.ts';

let owner: string;
let ownerId: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  ownerId = (await api('GET', '/me', { token: owner })).body.userId;
});


async function enabled(email: string) {
  return (await cognito().send(new AdminGetUserCommand({ UserPoolId: stack().cognito.userPoolId, Username: email }))).Enabled;
}

/** A domain of the seeded owner with members: `idleDays` since each was last active. */
async function domainWith(members: { role: string | null; idleDays: number; status?: 'active' | 'pending'; language?: 'en' | 'fi' | 'fr' }[]) {
  const domain = await newDomain(owner);
  const users: TestUser[] = [];
  for (const m of members) {
    const user = await createUser({ language: m.language ?? 'en' });
    await addMembership(domain.id, user.userId, m.role, m.status ?? 'active');
    if ((m.status ?? 'active') === 'active') await setLastActive(domain.id, user.userId, ago(m.idleDays));
    else await rewriteMembership(domain.id, user.userId, { createdAt: ago(m.idleDays) });
    users.push(user);
  }
  return { domain, users };
}

describe('sweep 1: stale members', () => {
  it('deactivates members idle past staleAfterDays, with history, a disabled account and one digest to the administrators', async () => {
    const { domain, users } = await domainWith([{ role: 'user', idleDays: 120 }, { role: 'manager', idleDays: 30 }]);
    const [stale, fresh] = users as [TestUser, TestUser];
    await api('PATCH', `/me`, { token: owner, body: { language: 'fi' } });
    const report = await sweep({ domainIds: [domain.id] });
    await api('PATCH', `/me`, { token: owner, body: { language: 'en' } });

    expect(report.domains[0]?.deactivated.map((p) => p.userId)).toEqual([stale.userId]);
    expect((await api('GET', `/domains/${domain.id}/members/${stale.userId}`, { token: owner })).body.status).toBe('inactive');
    expect((await api('GET', `/domains/${domain.id}/members/${fresh.userId}`, { token: owner })).body.status).toBe('active');
    const events = await api('GET', `/domains/${domain.id}/history?actor=system:sweep`, { token: owner });
    expect(events.body.items).toEqual([expect.objectContaining({ action: 'member.deactivated', targetId: stale.userId, after: expect.objectContaining({ status: 'inactive', reason: 'stale' }) })]);
    expect(await enabled(stale.email)).toBe(false);

    const digest = (await sentEmails(stack().admin.email)).filter((m) => m.body.text?.includes(stale.email));
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toContain(domain.name);
    expect(report.domains[0]?.digestSentTo).toEqual([stack().admin.email]);
  });

  it('never sweeps the last administrator, only reports it; staleAfterDays 0 sweeps nobody', async () => {
    const { domain, users } = await domainWith([{ role: 'administrator', idleDays: 400 }]);
    const admin = users[0] as TestUser;
    // The owner leaves: the stale one is now the only administrator.
    expect((await api('DELETE', `/domains/${domain.id}/members/${ownerId}`, { token: owner })).status).toBe(204);
    const report = await sweep({ domainIds: [domain.id] });
    expect(report.domains[0]?.keptLastAdmin.map((p) => p.userId)).toEqual([admin.userId]);
    expect(report.domains[0]?.deactivated).toEqual([]);

    const { domain: off } = await domainWith([{ role: 'user', idleDays: 1000 }]);
    await api('PATCH', `/domains/${off.id}/settings`, { token: owner, body: { staleAfterDays: 0 } });
    expect((await sweep({ domainIds: [off.id] })).domains[0]?.deactivated).toEqual([]);
  });

  it('a second run changes nothing; a run cut off half way is finished by the next', async () => {
    const { domain } = await domainWith(Array.from({ length: 5 }, () => ({ role: 'user', idleDays: 200 })));
    const first = await sweep({ domainIds: [domain.id], maxChanges: 2 });
    expect(first.complete).toBe(false);
    expect(first.domains[0]?.deactivated).toHaveLength(2);
    const inactive = async () => (await api('GET', `/domains/${domain.id}/members?status=inactive`, { token: owner })).body.items.length;
    expect(await inactive()).toBe(2);
    const history = async () => (await api('GET', `/domains/${domain.id}/history?actor=system:sweep&limit=100`, { token: owner })).body.items.length;
    expect(await history()).toBe(2);

    const second = await sweep({ domainIds: [domain.id] });
    expect(second.complete).toBe(true);
    expect(second.domains[0]?.deactivated).toHaveLength(3);
    const third = await sweep({ domainIds: [domain.id] });
    expect(third.domains[0]?.deactivated).toEqual([]);
    expect(third.itemsWritten).toBe(0);
    expect(await inactive()).toBe(5);
    expect(await history()).toBe(5);
  });

  it('a dry run reports and changes nothing in the table', async () => {
    const { domain, users } = await domainWith([{ role: 'user', idleDays: 365 }, { role: null, status: 'pending', idleDays: 90 }]);
    const mine = async () => JSON.stringify((await allTableItems()).filter((i) => String(i.pk).includes(domain.id)).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
    const before = await mine();
    // This domain's mail only: other files' mail reaches the emulator meanwhile (the outbox sends after the answer).
    const marks = [domain.name, ...users.map((u) => u.email)];
    const mailOfDomain = async () => (await sentEmails()).filter((m) => marks.some((mark) => JSON.stringify(m).includes(mark))).length;
    const mailBefore = await mailOfDomain();
    const report = await sweep({ domainIds: [domain.id], dryRun: true });
    expect(report.domains[0]?.deactivated.map((p) => p.userId)).toEqual([users[0]?.userId]);
    expect(report.domains[0]?.registrationsRemoved.map((p) => p.userId)).toEqual([users[1]?.userId]);
    expect(report.itemsWritten).toBe(0);
    expect(await mine()).toBe(before);
    expect(await mailOfDomain()).toBe(mailBefore);
  });
});

describe('sweep 2: pending registrations', () => {
  it('removes those older than pendingRegistrationDays, with history', async () => {
    const { domain, users } = await domainWith([{ role: null, status: 'pending', idleDays: 31 }, { role: null, status: 'pending', idleDays: 5 }]);
    const report = await sweep({ domainIds: [domain.id] });
    expect(report.domains[0]?.registrationsRemoved.map((p) => p.userId)).toEqual([users[0]?.userId]);
    expect((await api('GET', `/domains/${domain.id}/members/${users[0]?.userId}`, { token: owner })).status).toBe(404);
    expect((await api('GET', `/domains/${domain.id}/members/${users[1]?.userId}`, { token: owner })).status).toBe(200);
    const events = await api('GET', `/domains/${domain.id}/history?action=member.registration_expired`, { token: owner });
    expect(events.body.items).toEqual([expect.objectContaining({ actor: 'system:sweep', targetId: users[0]?.userId })]);
  });
});

describe('sweep 3: users left without any membership', () => {
  it('deletes them from the user pool and the table 30 days later, not before', async () => {
    const { domain, users } = await domainWith([{ role: 'user', idleDays: 1 }]);
    const leaver = users[0] as TestUser;
    expect((await api('DELETE', `/domains/${domain.id}/members/${leaver.userId}`, { token: owner })).status).toBe(204);
    const soon = await sweep({ domainIds: [], userIds: [leaver.userId], at: new Date(Date.now() + 29 * DAY_MS) });
    expect(soon.usersDeleted).toEqual([]);
    const later = await sweep({ domainIds: [], userIds: [leaver.userId], at: new Date(Date.now() + 31 * DAY_MS) });
    expect(later.usersDeleted.map((u) => u.userId)).toEqual([leaver.userId]);
    await expect(cognito().send(new AdminGetUserCommand({ UserPoolId: stack().cognito.userPoolId, Username: leaver.email }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
    const { getUser, userIdByEmail } = await import('#shared/store/user-store.ts');
    expect(await getUser(leaver.userId)).toBeUndefined();
    expect(await userIdByEmail(leaver.email)).toBeUndefined();
  });

  it('keeps a user who joined another domain meanwhile', async () => {
    const { domain, users } = await domainWith([{ role: 'user', idleDays: 1 }]);
    const mover = users[0] as TestUser;
    await api('DELETE', `/domains/${domain.id}/members/${mover.userId}`, { token: owner });
    const other = await newDomain(owner);
    await api('POST', `/domains/${other.id}/members`, { token: owner, body: { email: mover.email, name: mover.name, language: 'en', role: 'user' } });
    const report = await sweep({ domainIds: [], userIds: [mover.userId], at: new Date(Date.now() + 40 * DAY_MS) });
    expect(report.usersDeleted).toEqual([]);
    expect(await enabled(mover.email)).toBe(true);
  });
});

describe('sweep 4: access review reminders', () => {
  it('emails the administrators once per due date, in their language', async () => {
    const domain = await newDomain(owner);
    const admin = await createUser({ language: 'fr' });
    await addMembership(domain.id, admin.userId, 'administrator', 'active');
    await api('PATCH', `/domains/${domain.id}/settings`, { token: owner, body: { accessReviewEveryDays: 1 } });
    expect((await sweep({ domainIds: [domain.id] })).domains[0]?.reminderSentTo).toEqual([]);
    const due = new Date(Date.now() + 2 * DAY_MS);
    const first = await sweep({ domainIds: [domain.id], at: due });
    expect(first.domains[0]?.reminderSentTo.sort()).toEqual([admin.email, stack().admin.email].sort());
    const french = (await sentEmails(admin.email)).at(-1);
    expect(french?.body.text).toMatch(/revue|accès/i);
    expect(french?.body.text).toContain(`/domains/${domain.id}/access-review`);
    const again = await sweep({ domainIds: [domain.id], at: new Date(due.getTime() + DAY_MS / 2) });
    expect(again.domains[0]?.reminderSentTo).toEqual([]);
    expect(await sentEmails(admin.email)).toHaveLength(1);
  });
});
