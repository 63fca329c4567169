/**
 * What the stack-backed sections call the API with: an HTTP helper, the seeded owner's ID
 * token, and a domain of the bench with what its routes need (members, roles, locations,
 * assets, invitations), all made through the API as a client would.
 */
import { randomUUID } from 'node:crypto';
import { idToken } from '#local/sign-in.ts';
import type { BenchStack } from './bench-stack.ts';

export interface ApiAnswer {
  status: number;
  body: any;
  /** Milliseconds from sending the request to having read the whole answer. */
  ms: number;
  /** performance.now() when the request was sent and when its answer was read. */
  startedAt: number;
  endedAt: number;
}

export interface Api {
  (method: string, path: string, options?: { token?: string; body?: unknown }): Promise<ApiAnswer>;
}

/** Calls the local API with fetch (keep-alive); answers the status, the parsed body and the time. */
export function apiClient(apiUrl: string): Api {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const started = performance.now();
    const response = await fetch(`${apiUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const endedAt = performance.now();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: /json/.test(type) && text ? JSON.parse(text) : text, ms: endedAt - started, startedAt: started, endedAt };
  };
}

/** Throws unless the answer is 2xx, naming what was asked. */
export function expectOk(answer: ApiAnswer, what: string): ApiAnswer {
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${what}: answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return answer;
}

export interface Fixture {
  api: Api;
  stack: BenchStack;
  ownerToken: string;
  ownerId: string;
  /** A domain the owner created for the bench (the owner is its administrator). */
  domainId: string;
  /** An active member (role `user`) of the bench domain, and an asset, a location of it. */
  memberId: string;
  assetId: string;
  locationId: string;
  newDomain(name?: string): Promise<string>;
  freshMember(domainId?: string): Promise<string>;
  freshRole(): Promise<string>;
  freshLocation(): Promise<string>;
  freshAsset(): Promise<string>;
  /** A new pending email invitation: its id and the token from its email. */
  freshInvitation(): Promise<{ id: string; token: string }>;
  /** A new account (an accepted email invitation, so its address is verified), signed in. */
  freshAccount(): Promise<{ userId: string; email: string; password: string; token: string }>;
  /** A password reset link of a new account, from the email it got. */
  freshResetToken(): Promise<string>;
  /** An email verification link of a new registration through a registration link, from the email it got. */
  freshVerificationToken(): Promise<string>;
  /** A member added by hand who has not set a password yet. */
  freshPasswordlessMember(): Promise<string>;
}

export const uniqueSuffix = (): string => randomUUID().slice(0, 10);

let fixture: Promise<Fixture> | undefined;

/** The bench fixture, made once per run on the shared stack. */
export function benchFixture(stack: BenchStack): Promise<Fixture> {
  fixture ??= makeFixture(stack);
  return fixture;
}

async function makeFixture(bench: BenchStack): Promise<Fixture> {
  const { info } = bench.stack;
  const api = apiClient(info.apiUrl);
  const ownerToken = await idToken(info, info.admin.email, info.admin.password);
  const me = expectOk(await api('GET', '/me', { token: ownerToken }), 'GET /me').body as { userId: string };

  const newDomain = async (name = `Bench ${uniqueSuffix()}`) =>
    expectOk(await api('POST', '/domains', { token: ownerToken, body: { name } }), 'POST /domains').body.id as string;
  const domainId = await newDomain('Bench');

  const freshMember = async (inDomain = domainId) => {
    const suffix = uniqueSuffix();
    const res = expectOk(
      await api('POST', `/domains/${inDomain}/members`, {
        token: ownerToken,
        body: { email: `bench-${suffix}@example.test`, name: `Bench Member ${suffix}`, language: 'en', role: 'user' },
      }),
      'POST /domains/{d}/members',
    );
    return (res.body.userId ?? res.body.id) as string;
  };
  const freshRole = async () =>
    expectOk(
      await api('POST', `/domains/${domainId}/roles`, { token: ownerToken, body: { name: `Bench ${uniqueSuffix()}`, permissions: ['assets:view'] } }),
      'POST /domains/{d}/roles',
    ).body.id as string;
  const freshLocation = async () =>
    expectOk(await api('POST', `/domains/${domainId}/locations`, { token: ownerToken, body: { name: `Shelf ${uniqueSuffix()}` } }), 'POST /domains/{d}/locations')
      .body.id as string;
  const freshAsset = async () =>
    expectOk(
      await api('POST', `/domains/${domainId}/assets`, { token: ownerToken, body: { name: 'Bench laptop', tag: `BN-${uniqueSuffix()}` } }),
      'POST /domains/{d}/assets',
    ).body.id as string;
  const freshInvitation = async () => {
    const email = `invitee-${uniqueSuffix()}@example.test`;
    const res = expectOk(
      await api('POST', `/domains/${domainId}/invitations`, { token: ownerToken, body: { emails: [email], role: 'user' } }),
      'POST /domains/{d}/invitations',
    );
    const id = res.body.results?.[0]?.invitationId as string | undefined;
    const token = await emailToken(info.ses.endpoint, email, /accept-invitation\?token=([A-Za-z0-9_-]+)/);
    if (!id || !token) throw new Error(`freshInvitation: no invitation id or email link (${JSON.stringify(res.body).slice(0, 200)})`);
    return { id, token };
  };

  const freshAccount = async () => {
    const email = `account-${uniqueSuffix()}@example.test`;
    const password = `Bench-${uniqueSuffix()}-Aa1!`;
    expectOk(await api('POST', `/domains/${domainId}/invitations`, { token: ownerToken, body: { emails: [email], role: 'user' } }), 'POST /domains/{d}/invitations');
    const invitation = await emailToken(info.ses.endpoint, email, /accept-invitation\?token=([A-Za-z0-9_-]+)/);
    if (!invitation) throw new Error('freshAccount: no invitation email');
    const accepted = expectOk(await api('POST', `/invitations/${invitation}/accept`, { body: { name: 'Bench Account', password } }), 'POST /invitations/{t}/accept');
    return { userId: accepted.body.userId as string, email, password, token: await idToken(info, email, password) };
  };
  const freshVerificationToken = async () => {
    const link = expectOk(await api('POST', `/domains/${domainId}/invite-links`, { token: ownerToken, body: { validDays: 7 } }), 'POST /invite-links').body as { url: string };
    const email = `registrant-${uniqueSuffix()}@example.test`;
    const linkToken = new URL(link.url).searchParams.get('token');
    expectOk(await api('POST', `/invitations/${linkToken}/accept`, { body: { email, name: 'Bench Registrant', password: 'Bench-Registrant-2026!', language: 'en' } }), 'link registration');
    const token = await emailToken(info.ses.endpoint, email, /verify-email\?token=([A-Za-z0-9_-]+)/);
    if (!token) throw new Error('freshVerificationToken: no verification email');
    return token;
  };

  const freshPasswordlessMember = async () => {
    const body = { email: `passwordless-${uniqueSuffix()}@example.test`, name: 'Bench Passwordless', language: 'en', role: 'user' };
    return (expectOk(await api('POST', `/domains/${domainId}/members`, { token: ownerToken, body }), 'POST /members').body as { userId: string }).userId;
  };

  const freshResetToken = async () => {
    const { email } = await freshAccount();
    expectOk(await api('POST', '/password-resets', { body: { email } }), 'POST /password-resets');
    const token = await emailToken(info.ses.endpoint, email, /reset-password\?token=([A-Za-z0-9_-]+)/);
    if (!token) throw new Error('freshResetToken: no reset email');
    return token;
  };

  const [memberId, assetId, locationId] = [await freshMember(), await freshAsset(), await freshLocation()];
  return {
    api,
    stack: bench,
    ownerToken,
    ownerId: me.userId,
    domainId,
    memberId,
    assetId,
    locationId,
    newDomain,
    freshMember,
    freshRole,
    freshLocation,
    freshAsset,
    freshInvitation,
    freshAccount,
    freshResetToken,
    freshVerificationToken,
    freshPasswordlessMember,
  };
}

/**
 * The link token (`pattern`'s first group) of the newest email the SES emulator holds for `to`,
 * once the newest one has such a link: email goes out through the outbox's mail worker after the
 * request answered, so this polls (every 50 ms, at most 15 s); '' if none came.
 */
export async function emailToken(sesEndpoint: string, to: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${sesEndpoint}/store`);
    const { emails } = (await response.json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
    const newest = emails.filter((e) => e.destination.to.map((a) => a.toLowerCase()).includes(to.toLowerCase())).at(-1);
    const token = pattern.exec(newest?.body.text ?? '')?.[1];
    if (token || Date.now() > deadline) return token ?? '';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
