/**
 * Sessions end when access ends (SPEC section 12, "Session"): after a sign-out, a
 * deactivation of the last membership, a removal or an account deletion, every ID token
 * issued before answers 401 on every route kind at once, although API Gateway still finds
 * it valid. `iat` has one-second resolution and a token of the cut-off's own second is
 * refused too, so a test signs in again only after the next second boundary (the one wait).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, type ApiResponse, awaitEmails, cognito, createUser, DAY_MS, newDomain, stack, tokenFor } from './helpers.ts';
import { setLastActive } from './seed.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

/** Waits until the clock has passed into the next whole second: a token issued then postdates a cut-off made before. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

function expectEndedSession(res: ApiResponse, where: string) {
  expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(401);
  expect(res.headers['content-type'], where).toContain('application/problem+json');
  expect(res.body.type, where).toContain('unauthorized');
}

/** A member of a new domain of the seeded owner, with an ID token fresh from sign-in. */
async function memberOfNewDomain(role = 'user') {
  const domain = await newDomain(owner);
  const user = await createUser();
  await addMembership(domain.id, user.userId, role, 'active');
  return { domain, user };
}

/** A pending email invitation of `email` to a new domain: the token from its email. */
async function invitationFor(email: string): Promise<string> {
  const domain = await newDomain(owner);
  const res = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [email], role: 'user' } });
  expect(res.status).toBe(200);
  const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec((await awaitEmails(email)).at(-1)?.body.text ?? '')?.[1];
  if (!token) throw new Error('no invitation email');
  return token;
}

/** The old token against every route kind: caller routes, an owner route, domain routes, and the accept path. */
async function expectRefusedEverywhere(token: string, domainId: string, acceptToken?: string) {
  expectEndedSession(await api('GET', '/me', { token }), 'GET /me');
  expectEndedSession(await api('PATCH', '/me', { token, body: { language: 'fi' } }), 'PATCH /me');
  expectEndedSession(await api('GET', '/domains', { token }), 'GET /domains');
  expectEndedSession(await api('POST', '/domains', { token, body: { name: 'Not with this token' } }), 'POST /domains');
  expectEndedSession(await api('GET', `/domains/${domainId}`, { token }), 'GET /domains/{d}');
  expectEndedSession(await api('GET', `/domains/${domainId}/assets`, { token }), 'GET /domains/{d}/assets');
  expectEndedSession(await api('POST', '/me/sign-out', { token }), 'POST /me/sign-out');
  if (acceptToken) expectEndedSession(await api('POST', `/invitations/${acceptToken}/accept`, { token, body: {} }), 'POST /invitations/{t}/accept');
}

describe('POST /me/sign-out', () => {
  it('ends every session at once: the old token answers 401 on every route kind, the accept path included, and a new sign-in works', async () => {
    const { domain, user } = await memberOfNewDomain();
    expect((await api('GET', '/me', { token: user.token })).status).toBe(200);
    expect((await api('GET', `/domains/${domain.id}`, { token: user.token })).status).toBe(200);
    const acceptToken = await invitationFor(user.email);

    const out = await api('POST', '/me/sign-out', { token: user.token });
    expect(out.status).toBe(204);
    expect(out.body).toBe('');

    await expectRefusedEverywhere(user.token, domain.id, acceptToken);
    const me = await api('GET', '/me', { token: user.token });
    expect(me.body.detail).toContain('session was ended');
    expect(me.body.detail).toContain('sign in again');

    await nextSecond();
    const fresh = await tokenFor(user.email, user.password);
    expect((await api('GET', '/me', { token: fresh })).status).toBe(200);
    expect((await api('GET', `/domains/${domain.id}`, { token: fresh })).status).toBe(200);
    // The invitation was not spent by the refused attempt: the new session accepts it.
    expect((await api('POST', `/invitations/${acceptToken}/accept`, { token: fresh, body: {} })).status).toBe(201);
  });

  it('revokes the refresh tokens too: no new ID token comes from one issued before the sign-out', async () => {
    const { InitiateAuthCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const user = await createUser();
    const { clientId } = stack().cognito;
    const signedIn = await cognito().send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } }),
    );
    const refreshToken = signedIn.AuthenticationResult?.RefreshToken as string;
    expect(refreshToken).toBeTruthy();
    const refresh = () => cognito().send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }));
    expect((await refresh()).AuthenticationResult?.IdToken).toBeTruthy();
    expect((await api('POST', '/me/sign-out', { token: user.token })).status).toBe(204);
    await expect(refresh()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it("ends only the caller's sessions: another user's token keeps working", async () => {
    const { domain, user } = await memberOfNewDomain();
    const other = await createUser();
    await addMembership(domain.id, other.userId, 'user', 'active');
    expect((await api('POST', '/me/sign-out', { token: user.token })).status).toBe(204);
    expect((await api('GET', `/domains/${domain.id}`, { token: other.token })).status).toBe(200);
    expect((await api('GET', '/me', { token: other.token })).status).toBe(200);
  });

  it('refuses a token issued in the very second of a cut-off (iat resolution is one second), not one issued the second after', async () => {
    const [{ unverifiedPayload }, { cutOffSessions }] = await Promise.all([import('#local/jwt.ts'), import('#shared/store/user-store.ts')]);
    const user = await createUser();
    const iat = Number(unverifiedPayload(user.token)?.iat);
    // Set-up through the store, to place the cut-off exactly: one second before the token, then on it.
    await cutOffSessions(user.userId, iat - 1);
    expect((await api('GET', '/me', { token: user.token })).status).toBe(200);
    await cutOffSessions(user.userId, iat);
    expectEndedSession(await api('GET', '/me', { token: user.token }), 'a token of the cut-off second');
    expectEndedSession(await api('GET', '/domains', { token: user.token }), 'a token of the cut-off second');
  });
});

describe('access ends, sessions end', () => {
  it("deactivating a member's last membership makes their old token answer 401 on every route kind, also once reactivated", async () => {
    const { domain, user } = await memberOfNewDomain();
    expect((await api('GET', `/domains/${domain.id}/assets`, { token: user.token })).status).toBe(200);
    const off = await api('PATCH', `/domains/${domain.id}/members/${user.userId}`, { token: owner, body: { status: 'inactive' } });
    expect(off.status).toBe(200);
    await expectRefusedEverywhere(user.token, domain.id);

    expect((await api('PATCH', `/domains/${domain.id}/members/${user.userId}`, { token: owner, body: { status: 'active' } })).status).toBe(200);
    // Reactivation gives access back to a new sign-in, never to the token that was cut off.
    expectEndedSession(await api('GET', `/domains/${domain.id}`, { token: user.token }), 'old token after reactivation');
    await nextSecond();
    const fresh = await tokenFor(user.email, user.password);
    expect((await api('GET', `/domains/${domain.id}`, { token: fresh })).status).toBe(200);
  });

  it('deactivating one of two active memberships ends no session: the other domain still answers', async () => {
    const { domain, user } = await memberOfNewDomain();
    const second = await newDomain(owner);
    await addMembership(second.id, user.userId, 'user', 'active');
    expect((await api('PATCH', `/domains/${domain.id}/members/${user.userId}`, { token: owner, body: { status: 'inactive' } })).status).toBe(200);
    expect((await api('GET', `/domains/${second.id}`, { token: user.token })).status).toBe(200);
    expect((await api('GET', `/domains/${domain.id}`, { token: user.token })).body.type).toContain('membership-inactive');
  });

  it('a removed member cannot re-join through a multi-use link with the old token', async () => {
    const { domain, user } = await memberOfNewDomain();
    const link = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, maxUses: 10 } });
    expect(link.status).toBe(201);
    const linkToken = new URL(link.body.url as string).searchParams.get('token') as string;

    expect((await api('DELETE', `/domains/${domain.id}/members/${user.userId}`, { token: owner })).status).toBe(204);
    const rejoin = await api('POST', `/invitations/${linkToken}/accept`, { token: user.token, body: {} });
    expectEndedSession(rejoin, 're-join with the old token');
    expectEndedSession(await api('GET', `/domains/${domain.id}`, { token: user.token }), 'the domain with the old token');
    const members = await api('GET', `/domains/${domain.id}/members?limit=100`, { token: owner });
    expect(members.body.items.map((m: { userId: string }) => m.userId)).not.toContain(user.userId);
    const listed = await api('GET', `/domains/${domain.id}/invitations?kind=link`, { token: owner });
    expect(listed.body.items[0]).toMatchObject({ uses: 0 });
  });

  it('a member deactivated by the stale sweep loses their sessions', async () => {
    const { domain, user } = await memberOfNewDomain();
    await setLastActive(domain.id, user.userId, new Date(Date.now() - 200 * DAY_MS).toISOString());
    const [{ runSweeps }, { cognitoDirectory }, { sesMailer }] = await Promise.all([
      import('#shared/domain/sweeps.ts'),
      import('#shared/directory.ts'),
      import('#shared/mail/mailer.ts'),
    ]);
    const report = await runSweeps({
      at: new Date(),
      dryRun: false,
      deadline: Date.now() + 120_000,
      directory: cognitoDirectory,
      mailer: sesMailer,
      only: { domainIds: [domain.id], userIds: [] },
    });
    expect(report.domains[0]?.deactivated.map((p) => p.userId)).toEqual([user.userId]);
    await expectRefusedEverywhere(user.token, domain.id);
  });

  it('an account deleted by the orphan sweep answers 401 for its old token', async () => {
    const domain = await newDomain(owner);
    const user = await createUser();
    // A pending registration only: removing it disables nothing, so only the deletion ends the session.
    await addMembership(domain.id, user.userId, null, 'pending');
    expect((await api('DELETE', `/domains/${domain.id}/members/${user.userId}`, { token: owner })).status).toBe(204);
    expect((await api('GET', '/me', { token: user.token })).status).toBe(200);
    const [{ runSweeps }, { cognitoDirectory }, { sesMailer }] = await Promise.all([
      import('#shared/domain/sweeps.ts'),
      import('#shared/directory.ts'),
      import('#shared/mail/mailer.ts'),
    ]);
    const report = await runSweeps({
      at: new Date(Date.now() + 31 * DAY_MS),
      dryRun: false,
      deadline: Date.now() + 120_000,
      directory: cognitoDirectory,
      mailer: sesMailer,
      only: { domainIds: [], userIds: [user.userId] },
    });
    expect(report.usersDeleted.map((u) => u.userId)).toEqual([user.userId]);
    const me = await api('GET', '/me', { token: user.token });
    expectEndedSession(me, 'GET /me after deletion');
    expect(me.body.detail).toContain('no longer exists');
    expectEndedSession(await api('GET', '/domains', { token: user.token }), 'GET /domains after deletion');
    expectEndedSession(await api('GET', `/domains/${domain.id}`, { token: user.token }), 'GET /domains/{d} after deletion');
  });
});

