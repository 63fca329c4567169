/**
 * What integration tests use to reach the local stack that test/setup/local-stack.ts started:
 * HTTP calls to the real API, tokens from cognito-local, and seeding of users and
 * memberships. Seeding writes through the store layer (test set-up, not the behaviour under
 * test); everything a test checks goes through the API over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createGatehouseClient, type FetchResult, type GatehouseClient, type GatehouseProblem, type ProblemOf, problemOf, unwrap } from '@gatehouse/client';
import { expect, inject } from 'vitest';
import type { BusEvent } from '#local/event-bus.ts';
import { idToken } from '#local/sign-in.ts';
import { applyHandlerEnvironment, LOCAL_CREDENTIALS, type StackInfo } from '#local/stack-info.ts';
import type { Language } from '#shared/http/schemas.ts';
import type { MembershipRecord } from '#shared/store/records.ts';

/** The running local stack (`.local/stack.json` shape). */
export function stack(): StackInfo {
  return inject('stack');
}

/** The role preset the stack's handlers run with. */
export function rolePreset(): string {
  return inject('rolePreset');
}

/** The environment the stack's handlers run with (TABLE_NAME, the endpoints, APP_URL, SES_FROM_ADDRESS, ...). */
export function handlerEnvironment(): Record<string, string> {
  return inject('handlerEnvironment');
}

/** `events.jsonl` of the stack's local EventBridge bus. */
export function eventsFile(): string {
  return inject('eventsFile');
}

// Store modules read TABLE_NAME and the endpoints when they load: give this worker the
// handlers' environment before anything imports them (imported lazily below for that reason).
applyHandlerEnvironment(handlerEnvironment());

export interface ApiResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON for JSON and problem+json answers, else the text ('' when empty); `any`, as tests read whatever the route answers. */
  body: any;
}

export interface ApiOptions {
  /** An ID token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with Content-Type application/json unless `headers` says otherwise. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Runs the handler with its clock (shared/clock.ts now()) moved by this many milliseconds; tokens still expire in real time. */
  clockOffsetMs?: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Calls the local API over HTTP. */
export async function api(method: string, path: string, options: ApiOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.clockOffsetMs !== undefined) headers['X-Gatehouse-Clock-Offset'] = String(Math.round(options.clockOffsetMs));
  let body: string | undefined;
  if (options.body !== undefined || options.rawBody !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    headers[name] = value;
  }
  const response = await fetch(`${stack().apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: /json/i.test(type) && text !== '' ? JSON.parse(text) : text,
  };
}

/**
 * The typed client (@gatehouse/client) on the local API, used as a front end would: `token`
 * goes through its token provider hook. Prefer it to api(), which stays for what the types
 * forbid (malformed bodies, wrong headers).
 */
export function client(token?: string, options: { clockOffsetMs?: number } = {}): GatehouseClient {
  return createGatehouseClient({
    baseUrl: stack().apiUrl,
    token: () => token,
    headers: options.clockOffsetMs === undefined ? undefined : { 'X-Gatehouse-Clock-Offset': String(Math.round(options.clockOffsetMs)) },
  });
}

/** Asserts a call failed with this status and, when given, this problem slug; returns the problem to look into. */
export function expectProblem<R extends FetchResult>(result: R, status: number, slug?: ProblemOf<R>['slug']): GatehouseProblem<ProblemOf<R>> {
  const problem = problemOf(result);
  if (!problem) throw new Error(`expected a ${status}${slug ? ` ${slug}` : ''} problem, got ${result.response.status}: ${JSON.stringify(result.data)}`);
  expect(problem.problem, problem.message).toMatchObject({ status, ...(slug === undefined ? {} : { slug }) });
  expect(result.response.status).toBe(status);
  return problem;
}

/** Everything an async iterable yields (the client's `items`/`pages`), as an array; Node 20 has no Array.fromAsync. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of iterable) all.push(value);
  return all;
}

/** An ID token for a user of the stack's pool (USER_PASSWORD_AUTH). */
export function tokenFor(email: string, password: string): Promise<string> {
  return idToken(stack(), email, password);
}

let cognitoClient: CognitoIdentityProviderClient | undefined;

/** A Cognito client for the stack's pool (through the local Cognito front, as the handlers use it). */
export function cognito(): CognitoIdentityProviderClient {
  cognitoClient ??= new CognitoIdentityProviderClient({ region: stack().region, endpoint: stack().cognito.endpoint, credentials: LOCAL_CREDENTIALS });
  return cognitoClient;
}

export interface TestUser {
  userId: string;
  email: string;
  name: string;
  password: string;
  /** An ID token, fresh at creation. */
  token: string;
}

/**
 * A signed-up user: a confirmed Cognito user with a permanent password and a profile in the
 * table, with a unique email address unless one is given. No memberships.
 */
export async function createUser(options: { email?: string; name?: string; language?: Language; owner?: boolean } = {}): Promise<TestUser> {
  const [{ generatePassword, provisionCognitoUser }, { createUser: storeUser }] = await Promise.all([
    import('#local/seed.ts'),
    import('#shared/store/user-store.ts'),
  ]);
  const tag = randomUUID().slice(0, 12);
  const email = (options.email ?? `user-${tag}@example.test`).toLowerCase();
  const name = options.name ?? `Test User ${tag}`;
  const password = generatePassword();
  const userId = await provisionCognitoUser(cognito(), stack().cognito.userPoolId, email, password, { resetPassword: true });
  await storeUser({
    userId,
    email,
    name,
    language: options.language ?? 'en',
    owner: options.owner ?? false,
    emailVerified: true,
    createdAt: new Date().toISOString(),
    version: 1,
  });
  return { userId, email, name, password, token: await tokenFor(email, password) };
}

/**
 * Makes a user a member of a domain with a role (null while pending) and a status, through
 * the store's membership change, so the domain's counters (admins, members per role) stay
 * right. The user must have a profile (createUser).
 */
export async function addMembership(domainId: string, userId: string, role: string | null, status: MembershipRecord['status']): Promise<void> {
  const [{ getUser }, { getDomains }, { saveMembershipChange }, { historyEvent }, { grantsOf }] = await Promise.all([
    import('#shared/store/user-store.ts'),
    import('#shared/store/domain-store.ts'),
    import('#shared/store/member-store.ts'),
    import('#shared/store/history.ts'),
    import('#shared/domain/roles.ts'),
  ]);
  const [user, [domain]] = await Promise.all([getUser(userId), getDomains([domainId])]);
  if (!user) throw new Error(`addMembership: user ${userId} has no profile; create it with createUser()`);
  if (!domain) throw new Error(`addMembership: no domain ${domainId}`);
  const at = new Date().toISOString();
  const membership: MembershipRecord = {
    domainId,
    userId,
    email: user.email,
    emailVerified: user.emailVerified,
    name: user.name,
    language: user.language,
    role,
    status,
    createdAt: at,
    invitedBy: null,
    lastActiveAt: status === 'active' ? at : null,
    version: 1,
  };
  const preset = rolePreset() as Parameters<typeof grantsOf>[1];
  await saveMembershipChange({
    domainId,
    before: undefined,
    after: membership,
    isAdminRole: (roleId) => grantsOf(domain, preset, roleId).includes('*'),
    rolesVersion: domain.rolesVersion,
    activeAdmins: domain.activeAdmins,
    // The event an administrator's adding would record, so the bus carries only catalogued
    // events (test/setup/event-catalogue-check.ts); no action of the stack makes a member
    // pending or inactive outright, so those seeds record none.
    events:
      status === 'active' && role !== null
        ? [historyEvent({ at, actor: 'test-seed', action: 'member.added', targetType: 'member', targetId: userId, before: null, after: { email: user.email, role, status, newAccount: false } })]
        : [],
  });
}

/** A new domain created through the API by an owner; its creator is its administrator. */
export async function newDomain(ownerToken: string, name = `Domain ${randomUUID().slice(0, 8)}`): Promise<{ id: string; name: string }> {
  // unwrap throws the API's problem (status, slug, detail) when the domain is refused.
  return unwrap(await client(ownerToken).POST('/domains', { body: { name } }));
}

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Epoch seconds. */
  at: number;
}

/** Mail the SES emulator holds (newest last), optionally only that sent to `to`. */
export async function sentEmails(to?: string): Promise<SentEmail[]> {
  const response = await fetch(`${stack().ses.endpoint}/store`);
  const { emails } = (await response.json()) as { emails: SentEmail[] };
  return to ? emails.filter((e) => e.destination.to.map((a) => a.toLowerCase()).includes(to.toLowerCase())) : emails;
}

/**
 * Mail to `to` once at least `count` messages are there: invitation email goes out through
 * the outbox and the mail worker, after the request answered. Polls the emulator every 100 ms
 * for at most `timeoutMs` (default 15 s), then fails saying how many arrived.
 */
export async function awaitEmails(to: string, count = 1, timeoutMs = 15_000): Promise<SentEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await sentEmails(to);
    if (emails.length >= count) return emails;
    if (Date.now() > deadline) throw new Error(`expected ${count} email(s) to ${to} within ${timeoutMs} ms, ${emails.length} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Mail to `to` once the stack's mail worker has handled every job written so far (sent,
 * failed or superseded: the local gateway's `/__local/mail-settled` waits for a poll of the
 * mail stream that began after the call): what a negative check ("nothing was mailed") or a
 * count must wait for, since email goes out through the outbox after the request answered.
 */
export async function settledEmails(to: string): Promise<SentEmail[]> {
  const settled = await api('GET', '/__local/mail-settled');
  if (settled.status !== 200) throw new Error(`/__local/mail-settled answered ${settled.status}: ${JSON.stringify(settled.body)}`);
  return sentEmails(to);
}

export type { BusEvent } from '#local/event-bus.ts';

/** What the stack's local EventBridge bus received so far (events.jsonl, oldest first), optionally only those of a domain. */
export async function busEvents(domainId?: string): Promise<BusEvent[]> {
  let text: string;
  try {
    text = await readFile(eventsFile(), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const events = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as BusEvent);
  return domainId === undefined ? events : events.filter((event) => (event.detail as { domainId?: string }).domainId === domainId);
}

async function testRoute(method: string, path: string): Promise<any> {
  const res = await api(method, path);
  if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Runs the local stack's TTL sweep now, as if the clock were `offsetMs` ahead, over one
 * domain's items (other tests share the stack): expired items are deleted, and their REMOVE
 * records reach the stream handler as TTL deletes. Resolves with how many it deleted.
 */
export async function ttlSweep(domainId: string, offsetMs: number): Promise<number> {
  const body = await testRoute('POST', `/__local/ttl-sweep?domainId=${encodeURIComponent(domainId)}&offsetMs=${Math.round(offsetMs)}`);
  return (body as { deleted: number }).deleted;
}

/** Makes the local bus refuse (500) every PutEvents call holding an event of this domain, or take them again. */
export async function refuseBusEvents(domainId: string, refuse: boolean): Promise<void> {
  await testRoute(refuse ? 'POST' : 'DELETE', `/__local/eventbridge-refusals?domainId=${encodeURIComponent(domainId)}`);
}

/** What the stack's stream poller has handed to the stream handler so far. */
export async function streamStats(): Promise<{ batches: number; records: number; failures: number; skipped: number }> {
  return testRoute('GET', '/__local/stream');
}
