/**
 * Input and information hygiene (SPEC section 12), each tried as an attacker would: text
 * that hides or reorders characters, a first batch of the day past the email cap, answers a
 * proxy could keep, 401s without their scheme, and probing a route's schema without its
 * permission.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, createUser, newDomain, sentEmails, stack, tokenFor } from './helpers.ts';

let owner: string;
let domainId: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  domainId = (await newDomain(owner)).id;
});

const unique = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

describe('names, messages and emails', () => {
  // Each is sent raw, so that JSON escapes reach the handler as the characters themselves.
  const hostile: [string, string][] = [
    ['a NUL', '\\u0000'],
    ['a C0 control (bell)', '\\u0007'],
    ['a C1 control', '\\u0085'],
    ['DEL', '\\u007f'],
    ['a right-to-left override', '\\u202e'],
    ['a left-to-right isolate', '\\u2066'],
    ['a lone high surrogate', '\\ud800'],
    ['a lone low surrogate', '\\udfff'],
  ];

  it.each(hostile)('refuse %s in a name with 400 naming the field, and store nothing', async (_, escape) => {
    const res = await api('POST', `/domains/${domainId}/roles`, { token: owner, rawBody: `{"name":"Auditor${escape}lla","permissions":["members:view"]}` });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ path: 'body.name', message: expect.stringMatching(/control characters/) });
    const roles = await api('GET', `/domains/${domainId}/roles`, { token: owner });
    expect(roles.body.items.map((r: { name: string }) => r.name)).not.toContainEqual(expect.stringContaining('Auditor'));
  });

  it.each(hostile)('refuse %s in an invitation message and in an address', async (_, escape) => {
    const message = await api('POST', `/domains/${domainId}/invitations`, {
      token: owner,
      rawBody: `{"emails":["${unique('msg')}"],"role":"user","message":"Welcome${escape} aboard"}`,
    });
    expect(message.status).toBe(400);
    expect(message.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.message']);
    const address = await api('POST', `/domains/${domainId}/members`, {
      token: owner,
      rawBody: `{"email":"eve${escape}@example.test","name":"Eve","language":"en","role":"user"}`,
    });
    expect(address.status).toBe(400);
    expect(address.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.email']);
    const batch = await api('POST', `/domains/${domainId}/invitations`, { token: owner, rawBody: `{"emails":["ok-${randomUUID()}@example.test","eve${escape}@example.test"],"role":"user"}` });
    expect(batch.status).toBe(400);
    expect(batch.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.emails.1']);
  });

  it('refuse a bidi override in your own name, which every member list would show', async () => {
    const user = await createUser();
    const res = await api('PATCH', '/me', { token: user.token, rawBody: '{"name":"Mallory \\u202egnp.exe"}' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.name');
    expect((await api('GET', '/me', { token: user.token })).body.name).toBe(user.name);
  });

  it('keep line breaks in free text (a message), but not in a one-line name', async () => {
    const sent = await api('POST', `/domains/${domainId}/invitations`, { token: owner, body: { emails: [unique('lines')], role: 'user', message: 'Hello,\n\tsee you soon' } });
    expect(sent.status).toBe(200);
    const named = await api('POST', `/domains/${domainId}/locations`, { token: owner, body: { name: 'Line\nbreak' } });
    expect(named.status).toBe(400);
    expect(named.body.errors[0].path).toBe('body.name');
  });
});

describe('the daily email cap', () => {
  it("holds for a domain's first batch of the day: 250 CSV rows at a cap of 200 send nothing", async () => {
    const domain = await newDomain(owner);
    const rows = Array.from({ length: 250 }, (_, i) => `${unique(`cap${i}`)},user,en`);
    const res = await api('POST', `/domains/${domain.id}/invitations`, {
      token: owner,
      rawBody: `email,role,language\n${rows.join('\n')}\n`,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(429);
    expect(res.body.type).toMatch(/daily-email-limit$/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const listed = await api('GET', `/domains/${domain.id}/invitations`, { token: owner });
    expect(listed.body.items).toEqual([]);
    const mailed = await sentEmails();
    const addresses = new Set(rows.map((r) => r.split(',')[0]));
    expect(mailed.filter((m) => m.destination.to.some((to) => addresses.has(to)))).toEqual([]);
  });

  it('holds at a cap of 20: 50 addresses are refused whole and none is sent, 20 then go through and the 21st not', async () => {
    const domain = await newDomain(owner);
    const me = (await api('GET', '/me', { token: owner })).body;
    const [{ inviteByEmail }, { sesMailer }, { loadDomainAccess }] = await Promise.all([
      import('#shared/domain/send-invitations.ts'),
      import('#shared/mail/mailer.ts'),
      import('#shared/store/domain-store.ts'),
    ]);
    const { domain: record, membership } = await loadDomainAccess(domain.id, me.userId);
    if (!record || !membership) throw new Error('the owner is not a member of the new domain');
    const access = { domain: record, membership, grants: ['*' as const] };
    const caller = { userId: me.userId, email: me.email };
    const fifty = Array.from({ length: 50 }, (_, i) => unique(`twenty${i}`));
    // The cap is the stack's setting (INVITATION_EMAILS_PER_DAY), read on every call: 20 for this test only.
    const saved = process.env.INVITATION_EMAILS_PER_DAY;
    process.env.INVITATION_EMAILS_PER_DAY = '20';
    try {
      await expect(inviteByEmail(access, caller, { emails: fifty, role: 'user' }, { mailer: sesMailer })).rejects.toMatchObject({ status: 429, slug: 'daily-email-limit' });
      const mailed = await sentEmails();
      expect(mailed.filter((m) => m.destination.to.some((to) => fifty.includes(to)))).toEqual([]);
      const twenty = await inviteByEmail(access, caller, { emails: fifty.slice(0, 20), role: 'user' }, { mailer: sesMailer });
      expect(twenty.results.filter((r) => r.status === 'invited')).toHaveLength(20);
      await expect(inviteByEmail(access, caller, { emails: fifty.slice(20, 21), role: 'user' }, { mailer: sesMailer })).rejects.toMatchObject({ status: 429 });
    } finally {
      if (saved === undefined) delete process.env.INVITATION_EMAILS_PER_DAY;
      else process.env.INVITATION_EMAILS_PER_DAY = saved;
    }
  });
});

describe('answers', () => {
  it('all carry Cache-Control: no-store, successes and problems alike, the gateway’s own too', async () => {
    const user = await createUser();
    const answers = await Promise.all([
      api('GET', '/health'),
      api('GET', '/me', { token: owner }),
      api('GET', `/domains/${domainId}/access-review?format=csv`, { token: owner }),
      api('DELETE', `/domains/${domainId}/invitations/${randomUUID()}`, { token: owner }),
      api('GET', `/domains/${domainId}/members`, { token: user.token }),
      api('GET', '/me'),
      api('GET', '/no-such-route'),
      api('POST', '/domains', { token: owner, body: {} }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 404, 401, 404, 400]);
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('name the Bearer scheme on every 401: no token, a forged one, and a bad token on the public accept route', async () => {
    const forged = `${owner.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
    const answers = await Promise.all([
      api('GET', '/me'),
      api('GET', `/domains/${domainId}`, { token: forged }),
      api('POST', `/invitations/${'x'.repeat(43)}/accept`, { token: forged, body: { name: 'Eve', password: 'Correct-Horse-9-Battery' } }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
    }
  });
});

describe('authorization before validation', () => {
  it('a member without the permission gets 403 whatever the body: the schema is not revealed to them', async () => {
    const member = await createUser();
    await addMembership(domainId, member.userId, 'user', 'active');
    for (const body of [{ nonsense: true }, { name: '', permissions: 'all' }, { name: 'Auditors', permissions: ['members:view'] }]) {
      const res = await api('POST', `/domains/${domainId}/roles`, { token: member.token, body });
      expect(res.status).toBe(403);
      expect(res.body.type).toMatch(/permission-missing$/);
      expect(res.body.errors).toBeUndefined();
    }
    const badQuery = await api('GET', `/domains/${domainId}/history?limit=abc&from=never`, { token: (await createUser()).token });
    expect(badQuery.status).toBe(404);
    const tooBig = await api('POST', `/domains/${domainId}/roles`, { token: member.token, rawBody: JSON.stringify({ name: 'x'.repeat(20_000) }) });
    expect(tooBig.status).toBe(403);
  });

  it('an invalid path is still a 400 first: it names what to authorize against', async () => {
    const res = await api('GET', '/domains/not%20an%20id/members', { token: owner });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('path.domainId');
  });
});
