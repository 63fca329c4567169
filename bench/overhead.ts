/**
 * Bench section "Warm overhead" (SPEC section 10): per representative route, the warm time
 * of the handler, invoked in process with the event the gateway builds, beside the time of
 * the same DynamoDB calls made directly with the SDK against the same DynamoDB Local.
 * Bar: at most 1.10x. The handler is what is deployed; the local gateway is not.
 *
 * The direct calls are the handler's own: the recorder (bench/lib/ddb-recorder.ts) captures
 * the inputs of every call the invocation made, and they are sent again with the same document
 * client, calls that overlapped in the invocation together. A route that writes is put back
 * first (untimed) to the state the handler found, so that the replay does the same writes
 * (its conditions hold again) instead of failing them.
 *
 * Beside the bar, not barred: the same request through the local gateway (its own hop: HTTP,
 * routing, the token check) and its parts — a public route without DynamoDB (HTTP client and
 * server, the gateway, the middy pipeline), the ID token verification alone, and a CPU profile
 * of this process over the gateway requests.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { RouteHandler } from '#shared/http/pipeline.ts';
import { ROUTES } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { benchStack } from './lib/bench-stack.ts';
import { callSummary, concurrentGroups, type DdbRecorder, type ItemKey, keyString, type RecordedCall, replay, writtenKeys } from './lib/ddb-recorder.ts';
import { benchFixture, expectOk, type Fixture } from './lib/fixture.ts';
import { HttpTimeline } from './lib/http-timeline.ts';
import { type CpuProfileSummary, profileCpu } from './lib/profile.ts';
import { sharedRecorder } from './lib/shared-recorder.ts';
import { median, ms, percentile, ratio, verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

export const OVERHEAD_BAR = 1.1;
/** Timed rounds (handler, direct replay, gateway request) per route, after WARMUP untimed ones. */
const SAMPLES = Number(process.env.BENCH_OVERHEAD_SAMPLES ?? 250);
const WARMUP = 30;

interface Subject {
  routeId: string;
  /** The request of sample i, through the gateway or to the handler directly: a path and maybe a body. */
  request(f: Fixture, i: number, side: 'gateway' | 'handler'): { path: string; body?: unknown };
}

const SUBJECTS: Subject[] = [
  { routeId: 'getMe', request: () => ({ path: '/me' }) },
  { routeId: 'getDomain', request: (f) => ({ path: `/domains/${f.domainId}` }) },
  { routeId: 'listMembers', request: (f) => ({ path: `/domains/${f.domainId}/members` }) },
  // A value that differs from the one the last request set, so that every request writes.
  {
    routeId: 'patchSettings',
    request: (f, i, side) => ({ path: `/domains/${f.domainId}/settings`, body: { staleAfterDays: (side === 'gateway' ? 70 : 75) + (i % 2) } }),
  },
  { routeId: 'getAsset', request: (f) => ({ path: `/domains/${f.domainId}/assets/${f.assetId}` }) },
];

interface Measured {
  route: RouteDefinition;
  gatewayMs: number[];
  /** The handler invoked in process with the gateway's event: no HTTP, no gateway, no token check (the bar's subject). */
  handlerMs: number[];
  directMs: number[];
  /**
   * Per timed gateway request: fetch until the gateway server has the request (httpIn), then
   * until the first DynamoDB call (beforeCalls), in DynamoDB calls, from the first call's start
   * to the finished answer less the calls (handlerAround), then until fetch has read it (httpOut).
   */
  phases: { httpIn: number[]; beforeCalls: number[]; calls: number[]; handlerAround: number[]; httpOut: number[] };
  /** The handler's DynamoDB calls (the ones replayed), and the gateway request's (the same, unless the route changed). */
  calls: string;
  gatewayCalls: string;
  replayErrors: string[];
}

export const overhead: BenchSection = {
  id: 'overhead',
  async run(context: BenchContext): Promise<SectionResult> {
    const { log } = context;
    const bench = await benchStack(log);
    const fixture = await benchFixture(bench);
    const recorder = await sharedRecorder();
    const { dynamodb } = await import('#shared/clients/dynamodb.ts');
    const started = performance.now();
    // A few members, so that the members page is a page.
    for (let i = 0; i < 5; i++) await fixture.freshMember();

    const measured: Measured[] = [];
    const timeline = new HttpTimeline(Number(new URL(bench.stack.info.apiUrl).port));
    for (const subject of SUBJECTS) {
      const route = ROUTES.find((r) => r.id === subject.routeId);
      if (!route) throw new Error(`overhead: no route ${subject.routeId}`);
      measured.push(await measureRoute(route, subject, fixture, recorder, dynamodb, timeline));
      const last = measured.at(-1)!;
      log(`overhead: ${route.id} gateway ${ms(median(last.gatewayMs))}, direct ${ms(median(last.directMs))}`);
    }

    // The parts: a public route without DynamoDB, and the token check alone.
    const health: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const answer = expectOk(await fixture.api('GET', '/health'), 'GET /health');
      if (i >= WARMUP) health.push(answer.ms);
    }
    timeline.close();
    const jwtMs = await tokenCheckTime(bench.stack.environment, fixture.ownerToken);

    // Where the time of a gateway request goes: a CPU profile of this process (the HTTP client,
    // the gateway, the handler and the SDK all run here; DynamoDB Local is another process).
    const profiled = SUBJECTS.find((s) => s.routeId === 'getDomain')!;
    const profile = await profileCpu(async () => {
      for (let i = 0; i < SAMPLES; i++) {
        const { path } = profiled.request(fixture, i, 'gateway');
        expectOk(await fixture.api('GET', path, { token: fixture.ownerToken }), `GET ${path}`);
      }
    });

    const seconds = (performance.now() - started) / 1000;
    return report(measured, { health, jwtMs, profile, profiledRoute: 'GET /domains/{domainId}', seconds });
  },
};

async function measureRoute(
  route: RouteDefinition,
  subject: Subject,
  fixture: Fixture,
  recorder: DdbRecorder,
  client: DynamoDBDocumentClient,
  timeline: HttpTimeline,
): Promise<Measured> {
  const result: Measured = {
    route,
    gatewayMs: [],
    handlerMs: [],
    directMs: [],
    phases: { httpIn: [], beforeCalls: [], calls: [], handlerAround: [], httpOut: [] },
    calls: '',
    gatewayCalls: '',
    replayErrors: [],
  };
  const handler = await loadHandler(route);
  // The owner's own token's claims, as the gateway hands them over (its `iat` is checked against the session cut-off).
  const { stringClaims } = await import('#local/authorizer.ts');
  const claims = stringClaims(JSON.parse(Buffer.from(fixture.ownerToken.split('.')[1] ?? '', 'base64url').toString('utf8')));
  let previousWrites: ItemKey[] = [];
  let previous: RecordedCall[][] | undefined;
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const timed = i >= WARMUP;
    // Before a request that writes: the items the last round wrote, as they are now (this
    // round's handler writes the same items, plus new ones that did not exist).
    const before = previousWrites.length > 0 ? await snapshot(client, previousWrites) : undefined;

    // Read-only routes alternate which side goes first: odd rounds replay the previous
    // round's handler calls before this round's handler runs.
    const replayFirst = !before && previous !== undefined && i % 2 === 1;
    if (replayFirst) {
      const t = performance.now();
      const errors = await replay(client, previous!);
      if (timed) result.directMs.push(performance.now() - t);
      result.replayErrors.push(...errors);
    }

    // 1. The handler, invoked in process with the event the gateway builds (no HTTP, no token check: the bar's subject).
    const direct = subject.request(fixture, i, 'handler');
    const invoked = await recorder.record(() => invoke(handler, route, direct.path, direct.body, claims, fixture.ownerToken));
    if (invoked.result.statusCode >= 300) throw new Error(`overhead: ${route.id} invoked directly answered ${invoked.result.statusCode} ${invoked.result.body.slice(0, 200)}`);
    if (timed) result.handlerMs.push(invoked.result.ms);
    result.calls = callSummary(invoked.calls);
    const groups = concurrentGroups(invoked.calls);
    const handlerWrites = invoked.calls.flatMap(writtenKeys);

    // 2. The same calls, directly (a write route's items put back first, untimed, as the handler
    // found them). The first round of a write route has no snapshot to put back: it only warms up.
    if (!replayFirst && (handlerWrites.length === 0 || before)) {
      if (handlerWrites.length > 0 && before) await restore(client, handlerWrites, before);
      const t = performance.now();
      const errors = await replay(client, groups);
      if (timed) result.directMs.push(performance.now() - t);
      result.replayErrors.push(...errors);
    } else if (!replayFirst && timed) {
      throw new Error(`overhead: ${route.id} wrote on a timed sample without a snapshot`);
    }

    // 3. Through the local gateway (fetch, HTTP, token check, the same handler): its own hop, reported beside the bar.
    const { path, body } = subject.request(fixture, i, 'gateway');
    const { result: answer, calls } = await recorder.record(() => fixture.api(route.method, path, { token: fixture.ownerToken, body }));
    expectOk(answer, `${route.method} ${path}`);
    result.gatewayCalls = callSummary(calls);
    const server = timeline.last();
    if (timed && server) {
      result.gatewayMs.push(answer.ms);
      const spans = concurrentGroups(calls).map((g) => ({ start: Math.min(...g.map((c) => c.start)), end: Math.max(...g.map((c) => c.end)) }));
      const inCalls = spans.reduce((sum, span) => sum + span.end - span.start, 0);
      const firstCall = spans[0]?.start ?? server.finished;
      result.phases.httpIn.push(server.received - answer.startedAt);
      result.phases.beforeCalls.push(firstCall - server.received);
      result.phases.calls.push(inCalls);
      result.phases.handlerAround.push(server.finished - firstCall - inCalls);
      result.phases.httpOut.push(answer.endedAt - server.finished);
    } else if (timed) {
      throw new Error(`overhead: the gateway's HTTP server was not seen for ${route.method} ${path}`);
    }

    previous = groups;
    previousWrites = [...handlerWrites, ...calls.flatMap(writtenKeys)];
  }
  return result;
}

/** The route's handler module, the same instance the gateway loaded (ES modules load once). */
async function loadHandler(route: RouteDefinition): Promise<RouteHandler> {
  const { PROJECT_ROOT } = await import('#local/stack-file.ts');
  const module = (await import(pathToFileURL(join(PROJECT_ROOT, route.handler)).href)) as { handler: RouteHandler };
  return module.handler;
}

/** Calls a handler with the REST proxy event the local gateway builds for the request (headers, path parameters, the authorizer's claims), timed. */
async function invoke(
  handler: RouteHandler,
  route: RouteDefinition,
  path: string,
  body: unknown,
  claims: Record<string, string>,
  token: string,
): Promise<{ statusCode: number; body: string; ms: number }> {
  const names = route.path.split('/');
  const values = path.split('/');
  const pathParameters: Record<string, string> = {};
  names.forEach((name, i) => {
    const param = /^\{(.+)\}$/.exec(name)?.[1];
    if (param) pathParameters[param] = decodeURIComponent(values[i] ?? '');
  });
  const requestId = randomUUID();
  // The headers fetch sends to the gateway and the ones the gateway adds, as local/gateway.ts
  // lays them out (every header also in multiValueHeaders), with the token the request carries.
  const headers: Record<string, string> = {
    host: '127.0.0.1',
    connection: 'keep-alive',
    accept: '*/*',
    'accept-language': '*',
    'sec-fetch-mode': 'cors',
    'user-agent': 'node',
    'accept-encoding': 'gzip, deflate',
    authorization: `Bearer ${token}`,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    'X-Forwarded-For': '127.0.0.1',
    'X-Forwarded-Proto': 'http',
  };
  const event = {
    resource: route.path,
    path,
    httpMethod: route.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
    stageVariables: null,
    body: body === undefined ? null : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      protocol: 'HTTP/1.1',
      httpMethod: route.method,
      path,
      stage: 'local',
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: route.id,
      resourcePath: route.path,
      identity: { sourceIp: '127.0.0.1', userAgent: 'node' },
      authorizer: { claims },
    },
  } as unknown as APIGatewayProxyEvent;
  const context = {
    awsRequestId: requestId,
    functionName: route.id,
    getRemainingTimeInMillis: () => 29_000,
  } as unknown as Context;
  const t = performance.now();
  const result = await handler(event, context);
  return { statusCode: result.statusCode, body: result.body, ms: performance.now() - t };
}

/** The items at these keys now (undefined: absent), read consistently, untimed. */
async function snapshot(client: DynamoDBDocumentClient, keys: readonly ItemKey[]): Promise<Map<string, Record<string, unknown> | undefined>> {
  const [{ BatchGetCommand }, { tableName }] = await Promise.all([import('@aws-sdk/lib-dynamodb'), import('#shared/config.ts')]);
  const unique = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  const found = new Map<string, Record<string, unknown> | undefined>(unique.map((k) => [keyString(k), undefined]));
  for (let i = 0; i < unique.length; i += 100) {
    const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: unique.slice(i, i + 100), ConsistentRead: true } } }));
    for (const item of out.Responses?.[tableName()] ?? []) found.set(keyString(item as unknown as ItemKey), item);
  }
  return found;
}

/**
 * Puts the written items back as the snapshot had them: those that existed get their old
 * value, those the request created (new history events and the like) are deleted. Untimed.
 */
async function restore(client: DynamoDBDocumentClient, written: readonly ItemKey[], before: Map<string, Record<string, unknown> | undefined>): Promise<void> {
  const [{ PutCommand, DeleteCommand }, { tableName }] = await Promise.all([import('@aws-sdk/lib-dynamodb'), import('#shared/config.ts')]);
  for (const key of new Map(written.map((k) => [keyString(k), k])).values()) {
    const old = before.get(keyString(key));
    if (old) await client.send(new PutCommand({ TableName: tableName(), Item: old }));
    else await client.send(new DeleteCommand({ TableName: tableName(), Key: { pk: key.pk, sk: key.sk } }));
  }
}

/** Median time of the ID token check alone, in process: the gateway's own authorizer code, built the same way. */
async function tokenCheckTime(environment: Record<string, string>, token: string): Promise<number> {
  const { createCognitoAuthorizer } = await import('#local/authorizer.ts');
  const authorizer = await createCognitoAuthorizer({
    issuer: environment.USER_POOL_ISSUER!,
    clientId: environment.USER_POOL_CLIENT_ID!,
    jwksUri: `${environment.COGNITO_ENDPOINT}/${environment.USER_POOL_ID}/.well-known/jwks.json`,
  });
  const times: number[] = [];
  for (let i = 0; i < 1100; i++) {
    const t = performance.now();
    await authorizer.claimsOf(`Bearer ${token}`);
    if (i >= 100) times.push(performance.now() - t);
  }
  return median(times);
}

function report(
  measured: Measured[],
  parts: { health: number[]; jwtMs: number; profile: CpuProfileSummary; profiledRoute: string; seconds: number },
): SectionResult {
  const bars: BarCheck[] = [];
  const lines: string[] = [];
  lines.push('## Warm overhead', '');
  lines.push(
    'Per route, the time of the warm handler, invoked in process with the event the gateway builds (path parameters, body, the authorizer\'s claims; the middy pipeline, validation, authorization, its DynamoDB calls, the answer built), ' +
      "beside the time of the same DynamoDB calls made directly with the SDK: the calls the invocation made are recorded (inputs captured by a middleware on the handlers' document client) " +
      'and sent again with that client against the same DynamoDB Local, calls that overlapped in the invocation together, the others one after another. ' +
      'For a route that writes, the items the handler wrote are first put back (untimed) as the handler found them, so the replay makes the same writes and its conditions hold. ' +
      'Beside it, not barred: the same request through the local gateway (fetch from the bench process, HTTP, the ID token check, the same handler, the answer read in full) and the gateway\'s own hop (gateway - handler), which is local only: on AWS, API Gateway and the Lambda service stand there. ' +
      `${SAMPLES} timed rounds per route (handler, direct replay, gateway request), after ${WARMUP} untimed ones; one request at a time; read-only routes alternate whether the replay goes before or after the handler. ` +
      `Figures are medians; the ratio is handler / direct. Bar: ${OVERHEAD_BAR}x.`,
    '',
    `| Route | DynamoDB calls | Handler | p90 | Direct SDK | p90 | Ratio | Bar ${OVERHEAD_BAR}x | Added by the handler | Through the local gateway | Gateway's own hop | Gateway / direct |`,
    '|---|---|--:|--:|--:|--:|--:|:-:|--:|--:|--:|--:|',
  );
  for (const m of measured) {
    const g = median(m.gatewayMs);
    const d = median(m.directMs);
    const h = median(m.handlerMs);
    const value = h / d;
    const pass = value <= OVERHEAD_BAR && m.replayErrors.length === 0;
    bars.push({ subject: `overhead ${m.route.id}`, value, limit: OVERHEAD_BAR, pass });
    const calls = m.calls === m.gatewayCalls ? m.calls : `${m.calls} (through the gateway: ${m.gatewayCalls})`;
    lines.push(
      `| \`${m.route.method} ${m.route.path}\` | ${calls} | ${ms(h)} | ${ms(percentile(m.handlerMs, 90))} | ${ms(d)} | ${ms(percentile(m.directMs, 90))} | ` +
        `${ratio(value)} | ${verdict(pass)} | ${ms(h - d)} | ${ms(g)} | ${ms(g - h)} | ${ratio(g / d)} |`,
    );
  }
  const errors = measured.flatMap((m) => m.replayErrors.map((e) => `${m.route.id}: ${e}`));
  const healthMs = median(parts.health);
  lines.push(
    '',
    errors.length ? `**Replays failed** (${errors.length}): ${[...new Set(errors)].slice(0, 5).join('; ')}. A failed replay makes the route FAIL.` : 'Every replayed call succeeded.',
    '',
    '### Where the gateway request\'s time goes',
    '',
    "Each timed gateway request's timeline, from the recorder's timestamps and Node's HTTP server diagnostics channels (observation only; one clock): " +
      'HTTP in (fetch sends until the gateway\'s server has the request), gateway and handler before the first DynamoDB call (body, token check, event, middy, validation, authorization code, SDK up to the call), ' +
      'the DynamoDB calls (as the SDK saw them from the handler), the handler around them (code between and after the calls, the answer built and written), HTTP out (until fetch has read the answer). ' +
      'Medians of each part, so they need not add up to the total exactly.',
    '',
    '| Route | Gateway | HTTP in | Gateway + handler before the first call | DynamoDB calls in the request | Handler around the calls | HTTP out | Same calls, direct |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...measured.map((m) => {
      const p = m.phases;
      return (
        `| \`${m.route.method} ${m.route.path}\` | ${ms(median(m.gatewayMs))} | ${ms(median(p.httpIn))} | ${ms(median(p.beforeCalls))} | ${ms(median(p.calls))} | ` +
        `${ms(median(p.handlerAround))} | ${ms(median(p.httpOut))} | ${ms(median(m.directMs))} |`
      );
    }),
    '',
    `- A public route without DynamoDB and without a token (\`GET /health\`: fetch, HTTP, the gateway's routing and event, the middy pipeline, the answer): median ${ms(healthMs)} (p90 ${ms(percentile(parts.health, 90))}).`,
    `- The ID token check alone (the gateway's authorizer, local/authorizer.ts, in process: RS256 signature and claims): median ${(parts.jwtMs * 1000).toFixed(0)} µs a request.`,
    '',
    `CPU profile of the bench process over ${SAMPLES} sequential \`${parts.profiledRoute}\` requests (${(parts.profile.wallMs / 1000).toFixed(1)} s wall, ${ms(parts.profile.wallMs / SAMPLES)} a request), ` +
      'self time by package or project folder; a native function counts where its JavaScript caller lives. ' +
      'The HTTP client, the gateway, the handler and the SDK all run in this process; DynamoDB Local is another (Java) process, and "idle" is this one waiting for it.',
    '',
    '| Where | Share | Per request |',
    '|---|--:|--:|',
    ...parts.profile.groups.slice(0, 12).map((g) => `| ${g.name} | ${(g.share * 100).toFixed(1)}% | ${ms(g.ms / SAMPLES)} |`),
    '',
  );
  const failed = bars.filter((b) => !b.pass);
  const worst = bars.reduce((a, b) => (b.value > a.value ? b : a));
  lines.push(
    `**Summary:** worst ratio ${ratio(worst.value)} (${worst.subject.replace('overhead ', '')}, bar ${OVERHEAD_BAR}x); ` +
      (failed.length === 0 ? 'every route passes.' : `${failed.length} route(s) FAILED: ${failed.map((b) => b.subject.replace('overhead ', '')).join(', ')}.`) +
      ` Measured in ${parts.seconds.toFixed(1)} s.`,
    '',
  );
  return { markdown: lines.join('\n'), bars };
}
