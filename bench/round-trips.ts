/**
 * Bench section "DynamoDB round trips per route" (SPEC section 10): for every route of the
 * route table, the DynamoDB calls one warm request makes, counted by a middleware on the
 * document client the handlers share (bench/lib/ddb-recorder.ts), from a real request
 * through the local gateway with valid input. The authorization's share is marked: the
 * profile read (GetItem: session cut-off, owner check) on signed-in routes outside a
 * domain, the domain, membership and profile read (BatchGetItem) and the daily
 * lastActiveAt write (UpdateItem) on domain routes. Bar: authorization costs at most one read.
 */
import { tableActionsOf, isDomainScoped, type RouteDefinition } from '#shared/http/route.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { benchStack } from './lib/bench-stack.ts';
import { callSummary, READ_OPERATIONS, type RecordedCall } from './lib/ddb-recorder.ts';
import { sharedRecorder } from './lib/shared-recorder.ts';
import { benchFixture, expectOk, type Fixture, uniqueSuffix } from './lib/fixture.ts';
import { verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

/** Reads the authorization may make per request. */
export const AUTH_READS_BAR = 1;

export interface Sample {
  path: string;
  body?: unknown;
  /** Send no token (public routes a stranger calls). */
  anonymous?: boolean;
  /** Send this token (of the user `callerId`) instead of the owner's: signing out would end the owner's session for the rest of the run. */
  token?: string;
  callerId?: string;
}

let flip = 0;
const next = <T>(a: T, b: T): T => (flip++ % 2 === 0 ? a : b);
const inOneDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * A request each route answers with 2xx, made fresh for each call (a destructive route gets
 * its own role, member, asset...). A patch changes something each time, so it writes.
 * A route without a sample fails the section: add one here.
 */
export const SAMPLES: Record<string, (f: Fixture) => Promise<Sample>> = {
  getHealth: async () => ({ path: '/health' }),
  getOpenApi: async () => ({ path: '/openapi.json' }),
  getDocs: async () => ({ path: '/docs' }),
  getDocsScript: async () => ({ path: '/docs/redoc.js' }),
  getMe: async () => ({ path: '/me' }),
  patchMe: async () => ({ path: '/me', body: { language: next('fi', 'en') } }),
  listDomains: async () => ({ path: '/domains' }),
  signOut: async (f) => {
    const account = await f.freshAccount();
    return { path: '/me/sign-out', token: account.token, callerId: account.userId };
  },
  requestPasswordReset: async () => ({ path: '/password-resets', body: { email: `reset-${uniqueSuffix()}@example.test` }, anonymous: true }),
  completePasswordReset: async (f) => ({ path: `/password-resets/${await f.freshResetToken()}`, body: { password: `Bench-${uniqueSuffix()}-Aa1!` }, anonymous: true }),
  createDomain: async () => ({ path: '/domains', body: { name: `Bench made ${uniqueSuffix()}` } }),
  getDomain: async (f) => ({ path: `/domains/${f.domainId}` }),
  getSettings: async (f) => ({ path: `/domains/${f.domainId}/settings` }),
  patchSettings: async (f) => ({ path: `/domains/${f.domainId}/settings`, body: { staleAfterDays: next(89, 90) } }),
  listRoles: async (f) => ({ path: `/domains/${f.domainId}/roles` }),
  createRole: async (f) => ({ path: `/domains/${f.domainId}/roles`, body: { name: `Bench ${uniqueSuffix()}`, permissions: ['assets:view'] } }),
  patchRole: async (f) => ({ path: `/domains/${f.domainId}/roles/${await f.freshRole()}`, body: { description: `edited ${uniqueSuffix()}` } }),
  deleteRole: async (f) => ({ path: `/domains/${f.domainId}/roles/${await f.freshRole()}` }),
  listMembers: async (f) => ({ path: `/domains/${f.domainId}/members` }),
  getMember: async (f) => ({ path: `/domains/${f.domainId}/members/${f.memberId}` }),
  patchMember: async (f) => ({ path: `/domains/${f.domainId}/members/${f.memberId}`, body: { language: next('fi', 'en') } }),
  deleteMember: async (f) => ({ path: `/domains/${f.domainId}/members/${await f.freshMember()}` }),
  listHistory: async (f) => ({ path: `/domains/${f.domainId}/history` }),
  getAccessReview: async (f) => ({ path: `/domains/${f.domainId}/access-review` }),
  signOffAccessReview: async (f) => ({ path: `/domains/${f.domainId}/access-review/sign-off`, body: { note: 'bench' } }),
  listInvitations: async (f) => ({ path: `/domains/${f.domainId}/invitations` }),
  createInvitations: async (f) => ({ path: `/domains/${f.domainId}/invitations`, body: { emails: [`invitee-${uniqueSuffix()}@example.test`], role: 'user' } }),
  resendInvitation: async (f) => ({ path: `/domains/${f.domainId}/invitations/${(await f.freshInvitation()).id}/resend` }),
  revokeInvitation: async (f) => ({ path: `/domains/${f.domainId}/invitations/${(await f.freshInvitation()).id}` }),
  createInviteLink: async (f) => ({ path: `/domains/${f.domainId}/invite-links`, body: { validDays: 7 } }),
  previewInvitation: async (f) => ({ path: `/invitations/${(await f.freshInvitation()).token}`, anonymous: true }),
  acceptInvitation: async (f) => ({
    path: `/invitations/${(await f.freshInvitation()).token}/accept`,
    body: { name: 'Bench Joiner', password: 'Bench-Joiner-2026!' },
    anonymous: true,
  }),
  verifyEmail: async (f) => ({ path: `/email-verifications/${await f.freshVerificationToken()}`, anonymous: true }),
  sendSetPasswordEmail: async (f) => ({ path: `/domains/${f.domainId}/members/${await f.freshPasswordlessMember()}/set-password-email` }),
  addMember: async (f) => ({
    path: `/domains/${f.domainId}/members`,
    body: { email: `added-${uniqueSuffix()}@example.test`, name: 'Bench Added', language: 'en', role: 'user' },
  }),
  listLocations: async (f) => ({ path: `/domains/${f.domainId}/locations` }),
  createLocation: async (f) => ({ path: `/domains/${f.domainId}/locations`, body: { name: `Shelf ${uniqueSuffix()}` } }),
  patchLocation: async (f) => ({ path: `/domains/${f.domainId}/locations/${f.locationId}`, body: { description: `edited ${uniqueSuffix()}` } }),
  deleteLocation: async (f) => ({ path: `/domains/${f.domainId}/locations/${await f.freshLocation()}` }),
  listAssets: async (f) => ({ path: `/domains/${f.domainId}/assets` }),
  createAsset: async (f) => ({ path: `/domains/${f.domainId}/assets`, body: { name: 'Bench made', tag: `BM-${uniqueSuffix()}` } }),
  getAsset: async (f) => ({ path: `/domains/${f.domainId}/assets/${f.assetId}` }),
  patchAsset: async (f) => ({ path: `/domains/${f.domainId}/assets/${f.assetId}`, body: { name: `Bench laptop ${uniqueSuffix()}` } }),
  deleteAsset: async (f) => ({ path: `/domains/${f.domainId}/assets/${await f.freshAsset()}` }),
  checkoutAsset: async (f) => ({ path: `/domains/${f.domainId}/assets/${await f.freshAsset()}/checkout`, body: {} }),
  checkinAsset: async (f) => {
    const assetId = await f.freshAsset();
    expectOk(await f.api('POST', `/domains/${f.domainId}/assets/${assetId}/checkout`, { token: f.ownerToken, body: {} }), 'checkout before checkin');
    return { path: `/domains/${f.domainId}/assets/${assetId}/checkin` };
  },
  createReservation: async (f) => ({
    path: `/domains/${f.domainId}/assets/${await f.freshAsset()}/reservations`,
    body: { from: inOneDay(1), to: inOneDay(2) },
  }),
  listReservations: async (f) => ({ path: `/domains/${f.domainId}/assets/${f.assetId}/reservations` }),
  listMemberAssets: async (f) => ({ path: `/domains/${f.domainId}/members/${f.memberId}/assets` }),
};

type Keys = typeof import('#shared/store/keys.ts').keys;

/** Which of a request's calls are the authorization's (the pipeline runs it before the handler). */
export function authorizationCalls(route: RouteDefinition, calls: readonly RecordedCall[], callerId: string, domainId: string | undefined, keys: Keys): RecordedCall[] {
  const auth: RecordedCall[] = [];
  const ordered = [...calls].sort((a, b) => a.start - b.start);
  let at = 0;
  const sameKey = (a: unknown, b: { pk: string; sk: string }) => (a as { pk?: string })?.pk === b.pk && (a as { sk?: string })?.sk === b.sk;
  if (route.access !== 'public' && !isDomainScoped(route)) {
    const first = ordered[at];
    if (first?.operation === 'GetItem' && sameKey(first.input.Key, keys.user(callerId))) auth.push(ordered[at++]!);
  }
  if (route.access !== 'public' && isDomainScoped(route) && domainId) {
    const first = ordered[at];
    const wanted = [keys.domain(domainId), keys.membership(domainId, callerId), keys.user(callerId)];
    const asked = Object.values((first?.input.RequestItems ?? {}) as Record<string, { Keys: unknown[] }>).flatMap((r) => r.Keys);
    if (first?.operation === 'BatchGetItem' && asked.length === wanted.length && wanted.every((k, i) => sameKey(asked[i], k))) {
      auth.push(ordered[at++]!);
      const touch = ordered[at];
      if (touch?.operation === 'UpdateItem' && sameKey(touch.input.Key, wanted[1]!) && String(touch.input.UpdateExpression).includes('lastActiveAt')) {
        auth.push(ordered[at++]!);
      }
    }
  }
  return auth;
}

interface Row {
  route: RouteDefinition;
  label: string;
  status: number;
  ms: number;
  calls: RecordedCall[];
  auth: RecordedCall[];
  /** Operations seen that the route's IAM grants (tableActionsOf) do not cover. */
  ungranted: string[];
  error?: string;
}

export const roundTrips: BenchSection = {
  id: 'round-trips',
  async run(context: BenchContext): Promise<SectionResult> {
    const { log } = context;
    const bench = await benchStack(log);
    const fixture = await benchFixture(bench);
    const recorder = await sharedRecorder();
    const { keys } = await import('#shared/store/keys.ts');
    const started = performance.now();

    const measure = async (route: RouteDefinition, label: string, sample: Sample): Promise<Row> => {
      // The mail worker runs in this process on the same DynamoDB client: let it finish the jobs
      // the fixture queued, so that its calls are not counted as the route's.
      await bench.stack.mailSettled();
      const { result, calls } = await recorder.record(() =>
        fixture.api(route.method, sample.path, { token: sample.anonymous ? undefined : (sample.token ?? fixture.ownerToken), body: sample.body }),
      );
      const domainId = /^\/domains\/([^/]+)/.exec(sample.path)?.[1];
      const auth = authorizationCalls(route, calls, sample.callerId ?? fixture.ownerId, route.path.startsWith('/domains/{domainId}') ? domainId : undefined, keys);
      const granted = new Set<string>(tableActionsOf(route));
      const ungranted = [...new Set(calls.map((c) => c.operation))].filter((op) => !granted.has(op));
      const ok = result.status >= 200 && result.status < 300;
      return {
        route,
        label,
        status: result.status,
        ms: result.ms,
        calls,
        auth,
        ungranted,
        ...(ok ? {} : { error: `${result.status} ${JSON.stringify(result.body).slice(0, 160)}` }),
      };
    };

    const rows: Row[] = [];
    for (const route of ROUTES) {
      const sample = SAMPLES[route.id];
      if (!sample) {
        rows.push({ route, label: route.id, status: 0, ms: 0, calls: [], auth: [], ungranted: [], error: 'no sample request in bench/round-trips.ts' });
        continue;
      }
      // One request to warm the handler (and to make the caller active today), then the counted one.
      const warm = await sample(fixture);
      await fixture.api(route.method, warm.path, { token: warm.anonymous ? undefined : (warm.token ?? fixture.ownerToken), body: warm.body });
      rows.push(await measure(route, route.id, await sample(fixture)));
    }

    // The daily lastActiveAt write: a member last active yesterday, on its first request today.
    const getDomain = ROUTES.find((r) => r.id === 'getDomain')!;
    const firstOfDay = await firstRequestOfTheDay(fixture, async (path) => measure(getDomain, 'getDomain, first request of the day', { path }));
    rows.push(firstOfDay);

    const seconds = (performance.now() - started) / 1000;
    log(`round-trips: ${rows.length} requests counted in ${seconds.toFixed(1)} s`);
    return report(rows, seconds);
  },
};

/**
 * Moves the owner's membership of a new domain to "last active yesterday" (a direct write, as
 * time would), then makes the first request of the day on it.
 */
async function firstRequestOfTheDay(fixture: Fixture, measure: (path: string) => Promise<Row>): Promise<Row> {
  const [{ PutCommand }, { dynamodb }, { tableName }, { membershipItem }, { getMembership }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/domain-store.ts'),
    import('#shared/store/member-store.ts'),
  ]);
  const domainId = await fixture.newDomain();
  const membership = await getMembership(domainId, fixture.ownerId);
  if (!membership) throw new Error('round-trips: the owner is no member of the domain it created');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: membershipItem({ ...membership, lastActiveAt: yesterday }) }));
  return measure(`/domains/${domainId}`);
}

/** Table keys a read asks for (GetItem, BatchGetItem, TransactGetItems). */
function readKeys(call: RecordedCall): { pk: string; sk: string }[] {
  const input = call.input as Record<string, any>;
  if (call.operation === 'GetItem') return [input.Key];
  if (call.operation === 'BatchGetItem') return Object.values(input.RequestItems as Record<string, { Keys: { pk: string; sk: string }[] }>).flatMap((r) => r.Keys);
  if (call.operation === 'TransactGetItems') return (input.TransactItems as { Get: { Key: { pk: string; sk: string } } }[]).map((t) => t.Get.Key);
  return [];
}

/** Items the authorization read that the handler reads again, by sort key kind (`DOMAIN`, `MEMBER#…`, `PROFILE`). */
function reReads(auth: readonly RecordedCall[], handler: readonly RecordedCall[]): string {
  const authKeys = new Set(auth.flatMap(readKeys).map((k) => `${k.pk}|${k.sk}`));
  const again = handler.flatMap(readKeys).filter((k) => authKeys.has(`${k.pk}|${k.sk}`));
  if (again.length === 0) return '—';
  return again.map((k) => (k.sk.includes('#') ? `${k.sk.split('#')[0]}#…` : k.sk)).join(', ');
}

function report(rows: Row[], seconds: number): SectionResult {
  const bars: BarCheck[] = [];
  const lines: string[] = [];
  lines.push('## DynamoDB round trips per route', '');
  lines.push(
    'Every route of the route table (shared/routes/index.ts) gets a real request through the local gateway with valid input ' +
      '(sample requests in bench/round-trips.ts; destructive routes get a fresh role, member, asset... each time, patches change a value so that they write), ' +
      'made by the seeded owner (administrator of a bench domain). A middleware on the DynamoDB document client the handlers share ' +
      '(shared/clients/dynamodb.ts; the local gateway runs the handlers in the bench process) counts the calls; it does not change them. ' +
      'Each route is called once to warm it up (handler loaded, caller active today), then the second request is counted.',
    '',
    "The authorization's share is the pipeline's own calls before the handler's: on signed-in routes outside a domain the GetItem of the caller's profile (session cut-off, owner check); " +
      "on domain routes the BatchGetItem of the domain, the caller's membership and profile (session cut-off), and the UpdateItem of lastActiveAt on a member's first request of a day (UTC). " +
      `Bar: the authorization makes at most ${AUTH_READS_BAR} read per request. "IAM" checks that the operations seen are among the ones the route's function is granted (\`tableActionsOf\`, shared/http/route.ts).`,
    '',
    '| Route | Access | DynamoDB calls (one warm request) | Authorization | Handler | Items read | Handler re-reads | IAM | Auth reads | Bar ≤ 1 |',
    '|---|---|---|---|---|--:|---|:-:|--:|:-:|',
  );
  for (const row of rows) {
    const authReads = row.auth.filter((c) => READ_OPERATIONS.has(c.operation)).length;
    const handlerCalls = row.calls.filter((c) => !row.auth.includes(c));
    const pass = !row.error && authReads <= AUTH_READS_BAR;
    bars.push({ subject: `auth reads ${row.label}`, value: authReads, limit: AUTH_READS_BAR, pass, unit: 'reads' });
    const access = Array.isArray(row.route.access) ? (row.route.access as string[]).join(' + ') : String(row.route.access);
    const failed = row.calls.filter((c) => c.error).map((c) => `${c.operation} failed: ${c.error}`);
    lines.push(
      `| \`${row.route.method} ${row.route.path}\`${row.label !== row.route.id ? ` (${row.label.replace(/^[^,]+, /, '')})` : ''} | ${access} | ` +
        (row.error ? `**request failed: ${row.error.replace(/\|/g, '\\|')}**` : callSummary(row.calls) + (failed.length ? ` (${failed.join('; ')})` : '')) +
        ` | ${row.auth.length ? callSummary(row.auth) : '—'} | ${callSummary(handlerCalls)} | ${row.calls.reduce((n, c) => n + c.itemsRead, 0)} | ${reReads(row.auth, handlerCalls)} | ` +
        `${row.ungranted.length ? `**missing ${row.ungranted.join(', ')}**` : 'ok'} | ${authReads} | ${verdict(pass)} |`,
    );
  }
  const failed = bars.filter((b) => !b.pass);
  const ungranted = rows.filter((r) => r.ungranted.length > 0);
  const maxCalls = rows.reduce((a, b) => (b.calls.length > a.calls.length ? b : a));
  lines.push(
    '',
    `**Summary:** ${rows.length} requests; the authorization makes at most ${Math.max(...rows.map((r) => r.auth.filter((c) => READ_OPERATIONS.has(c.operation)).length))} read per request ` +
      `(bar ${AUTH_READS_BAR}); the most calls in one request: ${maxCalls.calls.length} (${maxCalls.label}). ` +
      (failed.length === 0 ? 'Every route passes.' : `FAILED: ${failed.map((b) => b.subject).join(', ')}.`) +
      (ungranted.length ? ` Operations outside the IAM grants: ${ungranted.map((r) => `${r.label} (${r.ungranted.join(', ')})`).join('; ')}.` : ' Every operation seen is within its function\'s IAM grants.'),
    '',
    '"Handler re-reads": items the handler reads again after the authorization read them in the same request (named by their sort key), a read that passing them on would save.',
    '',
    `Counted in ${seconds.toFixed(1)} s (fixtures and warm-up requests included).`,
    '',
  );
  return { markdown: lines.join('\n'), bars };
}

