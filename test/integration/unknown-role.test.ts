/**
 * One answer per mistake: a role id the domain does not have is refused the same way on
 * every route that takes one (400 `unknown-role`, the field named, the domain's roles
 * pointed to), and nothing happens. A role deleted after an invitation named it is a
 * different mistake, with its own answer (409 `invitation-role-deleted`).
 */
import * as z from 'zod/mini';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#shared/routes/index.ts';
import { addMembership, api, type ApiResponse, awaitEmails, createUser, newDomain, sentEmails, stack, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;
const csvBody = (rows: string[]) => ({ rawBody: ['email,role,language', ...rows].join('\r\n'), headers: { 'Content-Type': 'text/csv' } });

/** The one answer: 400 unknown-role, naming the field(s) and where the domain's roles are listed. */
function expectUnknownRole(res: ApiResponse, domainId: string, paths: string[], route: string) {
  expect(res.status, route).toBe(400);
  expect(res.headers['content-type'], route).toContain('application/problem+json');
  expect(res.body, route).toMatchObject({ type: 'https://gatehouse.dev/problems/unknown-role', title: 'Unknown role', status: 400 });
  expect(res.body.detail, route).toContain(`GET /domains/${domainId}/roles`);
  expect(res.body.errors, route).toEqual(paths.map((path) => ({ path, message: 'is not a role of this domain' })));
}

/** Every route that takes a role id in its JSON body, from the route table. */
function routesTakingARole(): string[] {
  return ROUTES.filter((route) => {
    const body = route.request.body?.();
    if (!body) return false;
    const json = z.toJSONSchema(body, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    return json.properties !== undefined && 'role' in json.properties;
  })
    .map((route) => route.id)
    .sort();
}

describe('an unknown role', () => {
  it('is refused with the same 400 unknown-role on every route that takes a role, and changes nothing', async () => {
    const domain = await newDomain(owner);
    const member = await createUser();
    await addMembership(domain.id, member.userId, 'user', 'active');
    const [invitee, added, csvInvitee] = [uniqueEmail('unknown-role-invitee'), uniqueEmail('unknown-role-added'), uniqueEmail('unknown-role-csv')];
    const role = 'emperor';

    const answers: Record<string, ApiResponse> = {
      patchMember: await api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { role } }),
      addMember: await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email: added, name: 'Added Ada', language: 'en', role } }),
      createInvitations: await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [invitee], role } }),
      createInviteLink: await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, role } }),
    };
    for (const [route, res] of Object.entries(answers)) expectUnknownRole(res, domain.id, ['body.role'], route);
    const csv = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...csvBody([`${csvInvitee},${role},en`]) });
    expectUnknownRole(csv, domain.id, ['csv.row 2.role'], 'createInvitations (text/csv)');

    // The route table holds no other route that takes a role: a new one must join this test.
    expect(routesTakingARole()).toEqual(Object.keys(answers).sort());

    // Nothing happened: the member keeps its role, no one was invited or added, no link exists, no mail went out.
    expect((await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).body.role).toBe('user');
    expect((await api('GET', `/domains/${domain.id}/invitations`, { token: owner })).body.items).toEqual([]);
    expect((await api('GET', `/domains/${domain.id}/members`, { token: owner })).body.items.map((m: { email: string }) => m.email)).not.toContain(added);
    for (const to of [invitee, added, csvInvitee]) expect(await sentEmails(to)).toEqual([]);
  });

  it('in a CSV refuses the whole upload, with one error per row that names one, and sends nothing', async () => {
    const domain = await newDomain(owner);
    const [good, bad, typo, empty] = [uniqueEmail('csv-good'), uniqueEmail('csv-bad'), uniqueEmail('csv-typo'), uniqueEmail('csv-empty')];
    const res = await api('POST', `/domains/${domain.id}/invitations`, {
      token: owner,
      ...csvBody([`${good},user,en`, `${bad},emperor,fi`, 'not-an-address,user,en', `${typo},manger,`, `${empty},,en`]),
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://gatehouse.dev/problems/unknown-role');
    expect(res.body.errors).toEqual([
      { path: 'csv.row 3.role', message: 'is not a role of this domain' },
      { path: 'csv.row 5.role', message: 'is not a role of this domain' },
      { path: 'csv.row 6.role', message: 'is empty: name a role of this domain' },
    ]);
    expect(res.body.detail).toMatch(/'emperor', 'manger', \(empty\)/);
    expect(res.body.detail).toContain('Nothing was sent');
    // Not even the good row: the inviter corrects the file and sends it again.
    expect(await sentEmails(good)).toEqual([]);
    expect((await api('GET', `/domains/${domain.id}/invitations`, { token: owner })).body.items).toEqual([]);

    const corrected = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...csvBody([`${good},user,en`, `${bad},user,fi`]) });
    expect(corrected.status).toBe(200);
    expect(corrected.body.summary).toMatchObject({ invited: 2, invalid: 0 });
  });

  it('is refused the same way whatever the name: role ids that look like Object.prototype members', async () => {
    const domain = await newDomain(owner);
    for (const role of ['__proto__', 'constructor', 'toString']) {
      const res = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...csvBody([`${uniqueEmail('proto')},${role},en`]) });
      expectUnknownRole(res, domain.id, ['csv.row 2.role'], role);
    }
  });
});

describe("an invitation whose role was deleted after it was sent", () => {
  it('cannot be resent: 409 invitation-role-deleted, a distinct problem from an unknown role in a request', async () => {
    const domain = await newDomain(owner);
    const role = await api('POST', `/domains/${domain.id}/roles`, { token: owner, body: { name: 'Short lived', permissions: ['members:view'] } });
    expect(role.status).toBe(201);
    const email = uniqueEmail('role-deleted');
    const invited = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: role.body.id } });
    expect(invited.body.results[0]).toMatchObject({ status: 'invited' });
    // Pending invitations do not hold a role: deleting it is allowed.
    expect((await api('DELETE', `/domains/${domain.id}/roles/${role.body.id}`, { token: owner })).status).toBe(204);

    const resent = await api('POST', `/domains/${domain.id}/invitations/${invited.body.results[0].invitationId}/resend`, { token: owner });
    expect(resent.status).toBe(409);
    expect(resent.body.type).toBe('https://gatehouse.dev/problems/invitation-role-deleted');
    expect(resent.body.detail).toContain('revoke the invitation and invite again');
    expect(await awaitEmails(email)).toHaveLength(1);
  });
});
