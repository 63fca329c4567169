/**
 * The local stack itself: the gateway's Cognito authorizer (every kind of bad token gets 401),
 * its routing and its API Gateway events, the gaps the local Cognito front closes, and the
 * `npm start` CLI (taken port, missing Java, Ctrl-C, restart).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TokenRefused } from '#local/authorizer.ts';
import { createGatewayListener } from '#local/gateway.ts';
import { freePorts } from '#local/ports.ts';
import { idToken as signIn } from '#local/sign-in.ts';
import { PROJECT_ROOT } from '#local/stack-file.ts';
import { LOCAL_CREDENTIALS, type StackInfo } from '#local/stack-info.ts';
import { now } from '#shared/clock.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { api, cognito, createUser, DAY_MS, handlerEnvironment, stack, tokenFor } from './helpers.ts';

const require = createRequire(import.meta.url);
const COGNITO_LOCAL_KEY = (require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** A JWT signed RS256 with cognito-local's key (or another), under its key id. */
function sign(payload: Record<string, unknown>, key: string = COGNITO_LOCAL_KEY, kid = 'CognitoLocal'): string {
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key, 'base64url')}`;
}

function expectUnauthorized(res: { status: number; headers: Record<string, string>; body: { type?: string; status?: number } }) {
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ type: 'https://gatehouse.dev/problems/unauthorized', title: 'Unauthorized', status: 401, detail: expect.any(String) });
}

describe('the gateway checks ID tokens like the Cognito authorizer', () => {
  let idToken: string;
  let accessToken: string;
  let claims: Record<string, unknown>;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const info = stack();
    const out = await cognito().send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: info.cognito.clientId, AuthParameters: { USERNAME: info.admin.email, PASSWORD: info.admin.password } }),
    );
    idToken = out.AuthenticationResult?.IdToken ?? '';
    accessToken = out.AuthenticationResult?.AccessToken ?? '';
    claims = claimsOf(idToken);
  });

  it('a good ID token reads /me, with the seeded owner and the Demo domain', async () => {
    const res = await api('GET', '/me', { token: idToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: stack().admin.email, owner: true });
    expect(res.body.memberships).toContainEqual(expect.objectContaining({ domainId: stack().demoDomainId, domainName: 'Demo', status: 'active' }));
  });

  it("cognito-local's issuer is the Cognito endpoint of the stack, and the audience its app client", () => {
    expect(claims).toMatchObject({ iss: `${stack().cognito.endpoint}/${stack().cognito.userPoolId}`, aud: stack().cognito.clientId, token_use: 'id' });
  });

  it('a token this test signs with the right key and claims passes (so the refusals below are about the claim changed)', async () => {
    const res = await api('GET', '/me', { token: sign({ ...claims, iat: now(), exp: now() + 600 }) });
    expect(res.status).toBe(200);
  });

  it('no token: 401', async () => {
    expectUnauthorized(await api('GET', '/me'));
    expectUnauthorized(await api('GET', '/me', { headers: { Authorization: 'Bearer ' } }));
  });

  it('a malformed token: 401', async () => {
    expectUnauthorized(await api('GET', '/me', { token: 'not-a-jwt' }));
    expectUnauthorized(await api('GET', '/me', { token: 'a.b.c' }));
    expectUnauthorized(await api('GET', '/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }));
  });

  it('a tampered token (payload changed, signature kept): 401', async () => {
    const [header, , signature] = idToken.split('.');
    const forged = `${header}.${b64({ ...claims, sub: '00000000-0000-0000-0000-000000000000', email: 'mallory@example.test' })}.${signature}`;
    expectUnauthorized(await api('GET', '/me', { token: forged }));
  });

  it('a token signed with another key under the same key id: 401', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expectUnauthorized(await api('GET', '/me', { token: sign({ ...claims, exp: now() + 600 }, other) }));
  });

  it('an expired token: 401', async () => {
    const res = await api('GET', '/me', { token: sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }) });
    expectUnauthorized(res);
    expect(res.body.detail).toMatch(/expired/);
  });

  it('a token from another issuer: 401', async () => {
    for (const iss of [`${stack().cognito.endpoint}/local_SomeOtherPool`, `https://cognito-idp.us-east-1.amazonaws.com/${stack().cognito.userPoolId}`]) {
      const res = await api('GET', '/me', { token: sign({ ...claims, iss, exp: now() + 600 }) });
      expectUnauthorized(res);
      expect(res.body.detail).toMatch(/issued/);
    }
  });

  it('a token for another app client (audience): 401', async () => {
    const res = await api('GET', '/me', { token: sign({ ...claims, aud: 'some-other-client', exp: now() + 600 }) });
    expectUnauthorized(res);
    expect(res.body.detail).toMatch(/app client/);
  });

  it('an access token instead of the ID token: 401', async () => {
    expect(accessToken).not.toBe('');
    const res = await api('GET', '/me', { token: accessToken });
    expectUnauthorized(res);
  });

  it('an ID token without an expiry, or that says it is an access token: 401', async () => {
    const { exp: _exp, ...noExpiry } = claims;
    expectUnauthorized(await api('GET', '/me', { token: sign(noExpiry) }));
    expectUnauthorized(await api('GET', '/me', { token: sign({ ...claims, token_use: 'access', exp: now() + 600 }) }));
  });

  it('public routes need no token', async () => {
    const res = await api('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe("the tests' stack", () => {
  it('is described in the shape of stack.json; the event bus is in the handlers\' environment only', () => {
    expect(Object.keys(stack())).toEqual(['apiUrl', 'region', 'dynamodb', 'cognito', 'ses', 'admin', 'demoDomainId']);
    expect(handlerEnvironment()).toMatchObject({ EVENT_BUS_NAME: 'gatehouse-local', EVENTBRIDGE_ENDPOINT: expect.stringMatching(/^http:\/\/localhost:\d+$/) });
  });
});

describe('routing', () => {
  it('an unknown path: 404 problem+json', async () => {
    const res = await api('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'https://gatehouse.dev/problems/not-found', status: 404 });
  });

  it('a known path with a method it does not answer: 405 with Allow', async () => {
    const res = await api('DELETE', '/health');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await api('PUT', '/me')).headers.allow).toBe('GET, PATCH');
  });

  it('answers CORS preflights and lets any origin read answers (local only)', async () => {
    const res = await api('OPTIONS', '/me', { headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type' } });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toBe('GET, PATCH, OPTIONS');
    expect(res.headers['access-control-allow-headers']).toBe('authorization,content-type');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((await api('GET', '/health')).headers['access-control-allow-origin']).toBe('*');
  });

  it('cuts off bodies over 1 MiB with 413; the handler refuses bodies over 16 KiB itself', async () => {
    const token = await tokenFor(stack().admin.email, stack().admin.password);
    const huge = await api('PATCH', '/me', { token, rawBody: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    const big = await api('PATCH', '/me', { token, rawBody: JSON.stringify({ name: 'x'.repeat(20 * 1024) }) });
    expect(big.status).toBe(413);
  });
});

describe('API Gateway proxy events and results (a made-up route table, in this process)', () => {
  let server: Server;
  let base: string;
  let lastEvent: APIGatewayProxyEvent | undefined;
  const crashes: string[] = [];
  const route = (id: string, method: RouteDefinition['method'], path: string, access: RouteDefinition['access']): RouteDefinition => ({
    id,
    method,
    path,
    access,
    summary: id,
    handler: `test/${id}.ts`,
    request: {},
    response: { status: 200, body: undefined },
    table: [],
  });
  const routes = [
    route('echo', 'POST', '/things/{thingId}/parts/{partId}', 'signedIn'),
    route('literal', 'POST', '/things/special/parts/{partId}', 'signedIn'),
    route('boom', 'GET', '/boom', 'public'),
    route('garbage', 'GET', '/garbage', 'public'),
    route('binary', 'GET', '/binary', 'public'),
    route('clock', 'GET', '/clock', 'public'),
  ];

  beforeAll(async () => {
    const listener = createGatewayListener({
      routes,
      region: 'us-east-1',
      quiet: true,
      testClock: true,
      logError: (line, error) => crashes.push(`${line} ${(error as Error).message}`),
      authorizer: {
        claimsOf: async (header) => {
          if (header !== 'Bearer good') throw new TokenRefused('no');
          return { sub: 'u-1', email: 'someone@example.test', email_verified: 'true', exp: 'Sun Dec 17 07:28:12 UTC 2017' };
        },
      },
      loadHandler: async (r) => {
        if (r.id === 'boom') return async () => Promise.reject(new Error('kaboom'));
        if (r.id === 'garbage') return async () => ({ statusCode: 'two hundred' }) as never;
        if (r.id === 'clock') return async () => ({ statusCode: 200, body: now().toISOString() });
        if (r.id === 'binary') return async () => ({ statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true });
        return async (event) => {
          lastEvent = event;
          return { statusCode: 201, headers: { 'X-Route': r.id }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: 'made' };
        };
      },
    });
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('builds a REST proxy event: decoded path parameters, query, headers, string body, claims as strings', async () => {
    const res = await fetch(`${base}/things/a%20b%2Fc/parts/7?tag=x&tag=y&one=1`, {
      method: 'POST',
      headers: { Authorization: 'Bearer good', 'Content-Type': 'application/json', 'X-Custom': 'kept' },
      body: '{"hello":"wörld"}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-route')).toBe('echo');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await res.text()).toBe('made');
    const event = lastEvent as APIGatewayProxyEvent;
    expect(event).toMatchObject({
      resource: '/things/{thingId}/parts/{partId}',
      path: '/things/a%20b%2Fc/parts/7',
      httpMethod: 'POST',
      pathParameters: { thingId: 'a b/c', partId: '7' },
      queryStringParameters: { tag: 'y', one: '1' },
      multiValueQueryStringParameters: { tag: ['x', 'y'], one: ['1'] },
      body: '{"hello":"wörld"}',
      isBase64Encoded: false,
      stageVariables: null,
    });
    expect(event.headers).toMatchObject({ 'X-Custom': 'kept', 'Content-Type': 'application/json' });
    expect(event.multiValueHeaders['X-Custom']).toEqual(['kept']);
    expect(event.requestContext).toMatchObject({
      resourcePath: '/things/{thingId}/parts/{partId}',
      httpMethod: 'POST',
      stage: 'local',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      identity: expect.objectContaining({ sourceIp: '127.0.0.1' }),
      authorizer: { claims: { sub: 'u-1', email: 'someone@example.test', email_verified: 'true', exp: 'Sun Dec 17 07:28:12 UTC 2017' } },
    });
    expect(res.headers.get('x-amzn-requestid')).toBe(event.requestContext.requestId);
  });

  it('prefers a literal path segment over a parameter, as API Gateway does', async () => {
    const res = await fetch(`${base}/things/special/parts/1`, { method: 'POST', headers: { Authorization: 'Bearer good' } });
    expect(res.headers.get('x-route')).toBe('literal');
    expect(lastEvent?.queryStringParameters).toBeNull();
    expect(lastEvent?.body).toBeNull();
  });

  it('refuses the request before the handler when the token is refused', async () => {
    lastEvent = undefined;
    const res = await fetch(`${base}/things/a/parts/1`, { method: 'POST', headers: { Authorization: 'Bearer bad' } });
    expect(res.status).toBe(401);
    expect(lastEvent).toBeUndefined();
  });

  it('a handler that throws, or answers something that is no proxy result: 502 problem+json, the error only in the log', async () => {
    for (const path of ['/boom', '/garbage']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { status: number; detail: string };
      expect(body.status).toBe(502);
      expect(body.detail).not.toContain('kaboom');
      expect(crashes.pop()).toContain(res.headers.get('x-amzn-requestid'));
    }
  });

  it('decodes base64 results', async () => {
    const res = await fetch(`${base}/binary`);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('with testClock, a request moves the clock of its handler only', async () => {
    const real = Date.now();
    const moved = await (await fetch(`${base}/clock`, { headers: { 'X-Gatehouse-Clock-Offset': String(8 * DAY_MS) } })).text();
    expect(Date.parse(moved) - real).toBeGreaterThanOrEqual(8 * DAY_MS);
    expect(Date.parse(moved) - real).toBeLessThan(8 * DAY_MS + 60_000);
    const plain = await (await fetch(`${base}/clock`)).text();
    expect(Math.abs(Date.parse(plain) - Date.now())).toBeLessThan(60_000);
    expect((await fetch(`${base}/clock`, { headers: { 'X-Gatehouse-Clock-Offset': 'soon' } })).status).toBe(400);
  });

  it('a path that is not valid URL encoding: 400', async () => {
    const res = await fetch(`${base}/things/%E0%A4%A/parts/1`, { method: 'POST', headers: { Authorization: 'Bearer good' } });
    expect(res.status).toBe(400);
  });
});

describe('the local Cognito front closes the gaps of cognito-local', () => {
  it('a disabled user gets no token, and gets one again once enabled', async () => {
    const user = await createUser({});
    const pool = stack().cognito.userPoolId;
    await cognito().send(new AdminDisableUserCommand({ UserPoolId: pool, Username: user.email }));
    await expect(tokenFor(user.email, user.password)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    await cognito().send(new AdminEnableUserCommand({ UserPoolId: pool, Username: user.email }));
    expect(await tokenFor(user.email, user.password)).toMatch(/^ey/);
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const user = await createUser({});
    const refused = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
    await expect(tokenFor(user.email, `${user.password}x`)).rejects.toMatchObject(refused);
    await expect(tokenFor(`nobody-${user.email}`, user.password)).rejects.toMatchObject(refused);
  });

  it('AdminUserGlobalSignOut exists and revokes the refresh tokens issued so far', async () => {
    const user = await createUser({});
    const { clientId, userPoolId } = stack().cognito;
    const signIn = () =>
      cognito().send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } }));
    const refresh = (token: string) => cognito().send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: token } }));
    const before = (await signIn()).AuthenticationResult?.RefreshToken ?? '';
    expect((await refresh(before)).AuthenticationResult?.IdToken).toMatch(/^ey/);
    await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: user.email }));
    await expect(refresh(before)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const after = (await signIn()).AuthenticationResult?.RefreshToken ?? '';
    expect((await refresh(after)).AuthenticationResult?.IdToken).toMatch(/^ey/);
  });

  it("the pool's password policy is enforced when a password is set", async () => {
    const user = await createUser({});
    const set = (Password: string) => cognito().send(new AdminSetUserPasswordCommand({ UserPoolId: stack().cognito.userPoolId, Username: user.email, Password, Permanent: true }));
    for (const weak of ['Short1!a', 'alllowercase1!xx', 'ALLUPPERCASE1!XX', 'NoDigitsHere!!xx', 'NoSymbols123xxYY']) {
      await expect(set(weak), weak).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    }
    await set('Strong-enough-9X');
    expect(await tokenFor(user.email, 'Strong-enough-9X')).toMatch(/^ey/);
  });

  it('the email address signs in whatever its case, as with CaseSensitive false', async () => {
    const user = await createUser({});
    const token = await tokenFor(user.email.toUpperCase(), user.password);
    expect(claimsOf(token)).toMatchObject({ sub: user.userId, email: user.email });
  });

  it('the OpenID configuration names the issuer the tokens carry', async () => {
    const { endpoint, userPoolId } = stack().cognito;
    const configuration = (await (await fetch(`${endpoint}/${userPoolId}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(configuration.issuer).toBe(`${endpoint}/${userPoolId}`);
    const jwks = (await (await fetch(configuration.jwks_uri)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(['CognitoLocal']);
  });
});

const clis = new Set<ChildProcess>();

/** Runs `npm start` (as its script does) with the given environment and arguments. */
function startCli(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  clis.add(child);
  void exit.then(() => clis.delete(child));
  return { child, output: () => ({ stdout, stderr }), exit };
}

async function childrenOf(pid: number): Promise<number[]> {
  const ps = spawn('ps', ['-A', '-o', 'pid=,ppid=']);
  let text = '';
  ps.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => ps.once('close', resolve));
  return text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, ppid]) => ppid === pid)
    .map(([child]) => child as number);
}

/** Waits (up to 2 s) for processes to end: tsx's esbuild service leaves a moment after its parent. */
async function waitUntilGone(pids: number[]): Promise<void> {
  for (let i = 0; i < 40 && pids.some(alive); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-cli-'));
  });
  afterAll(async () => {
    // A test that failed half-way leaves its CLI running: stop it (it stops its children).
    await Promise.all(
      [...clis].map(
        (child) =>
          new Promise<void>((resolve) => {
            const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => (clearTimeout(forced), resolve()));
            child.kill('SIGINT');
          }),
      ),
    );
    await rm(dataDir, { recursive: true, force: true });
  });

  const portEnv = async () => {
    const [api, dynamodb, cognito, ses] = (await freePorts(4)) as [number, number, number, number];
    // LOCAL_ENV_FILE: not a developer's .env (local/settings.ts); this CLI's settings are all here.
    return { API_PORT: String(api), DYNAMODB_PORT: String(dynamodb), COGNITO_PORT: String(cognito), SES_PORT: String(ses), LOCAL_DATA_DIR: dataDir, LOCAL_ENV_FILE: join(dataDir, 'no-settings.env') };
  };

  /** Starts the CLI on free ports, again on others if another process took one of them meanwhile. */
  const startCliOnFreePorts = async (env: Record<string, string>, args: string[] = []) => {
    for (let attempt = 1; ; attempt++) {
      const ports = await portEnv();
      const cli = startCli({ ...ports, ...env }, args);
      const taken = await Promise.race([
        cli.exit.then(() => / is in use: /.test(cli.output().stderr)),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500)),
      ]);
      if (!taken || attempt === 3) return { ...cli, env: ports };
    }
  };

  it('a port in use: one line naming the variable to change, exit 1', async () => {
    const taken = new URL(stack().apiUrl).port;
    const cli = startCli({ ...(await portEnv()), API_PORT: taken });
    expect(await cli.exit).toBe(1);
    const { stdout, stderr } = cli.output();
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^Port ${taken} \\(API_PORT\\) is in use: stop what uses it or set API_PORT=\\d+\\n$`));
  });

  it('no Java: one line saying to install Java 17, exit 1, nothing left running', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'gatehouse-nojava-'));
    await symlink(process.execPath, join(bin, 'node'));
    const cli = await startCliOnFreePorts({ PATH: bin });
    // The other emulators start meanwhile: note every child seen, then check that none outlives the CLI.
    const seen = new Set<number>();
    const watch = setInterval(() => void childrenOf(cli.child.pid as number).then((pids) => pids.forEach((pid) => seen.add(pid))), 100);
    const code = await cli.exit;
    clearInterval(watch);
    expect(code).toBe(1);
    expect(cli.output().stderr).toMatch(/^DynamoDB Local needs Java 17 or newer .*openjdk-17-jre-headless.*\n$/);
    expect(seen.size).toBeGreaterThan(0);
    await waitUntilGone([...seen]);
    expect([...seen].filter(alive)).toEqual([]);
    await rm(bin, { recursive: true, force: true });
  });

  it('starts, writes stack.json in the shape of SPEC section 8, runs the stream and TTL, stops every child on Ctrl-C, and reuses its data on restart', async () => {
    /** Starts the CLI (TTL sweeps every second), runs `during`, stops it with Ctrl-C. */
    const run = async (during?: (info: StackInfo) => Promise<void>) => {
      const cli = await startCliOnFreePorts({ LOCAL_TTL_SWEEP_SECONDS: '1' }, ['--quiet']);
      const exited = cli.exit.then((code) => `exited ${code}: ${cli.output().stderr}`);
      const ready = new Promise<string>((resolve) => {
        const poll = setInterval(() => cli.output().stdout.includes('Ctrl-C stops everything') && (clearInterval(poll), resolve('ready')), 50);
        void exited.then(() => clearInterval(poll));
      });
      expect(await Promise.race([ready, exited])).toBe('ready');
      const info = JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8'));
      expect((await fetch(`${info.apiUrl}/health`)).status).toBe(200);
      // The test routes (TTL sweep, bus refusals) exist only for the tests' stacks (--test-clock).
      expect((await fetch(`${info.apiUrl}/__local/ttl-sweep?offsetMs=0`, { method: 'POST' })).status).toBe(404);
      expect(cli.output().stdout).toContain(`every event in ${join(dataDir, 'events.jsonl')}`);
      await during?.(info);
      const pid = cli.child.pid as number;
      const children = await childrenOf(pid);
      expect(children.length).toBeGreaterThanOrEqual(3);
      cli.child.kill('SIGINT');
      expect(await cli.exit).toBe(0);
      await waitUntilGone(children);
      expect(children.filter(alive)).toEqual([]);
      return { info, env: cli.env };
    };
    /** What the CLI's EventBridge bus received (events.jsonl). */
    const busEvents = async () =>
      (await readFile(join(dataDir, 'events.jsonl'), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { detailType: string; detail: { targetId: string } });
    /** The Demo domain's creation as the bus received it. */
    const demoCreated = async (demoDomainId: string) =>
      (await busEvents()).filter((event) => event.detailType === 'domain.created' && event.detail.targetId === demoDomainId);

    /**
     * TTL runs on the real clock under `npm start`: a pending invitation token whose TTL passed
     * a minute ago (written directly, as no route writes one) is deleted within a sweep or two,
     * and the stream function records and publishes invitation.expired.
     */
    const expiresByTtl = async (info: StackInfo) => {
      const [{ DynamoDBClient }, { DynamoDBDocumentClient, PutCommand }, { keys }] = await Promise.all([
        import('@aws-sdk/client-dynamodb'),
        import('@aws-sdk/lib-dynamodb'),
        import('#shared/store/keys.ts'),
      ]);
      const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: info.region, endpoint: info.dynamodb.endpoint, credentials: LOCAL_CREDENTIALS }));
      const hash = 'h'.repeat(43);
      const expiredAt = Date.now() - 60_000;
      await client.send(
        new PutCommand({
          TableName: info.dynamodb.tableName,
          Item: {
            ...keys.token(hash),
            type: 'token',
            hash,
            kind: 'email',
            domainId: info.demoDomainId,
            invitationId: 'ttl-check',
            userId: null,
            email: 'ttl-check@example.test',
            expiresAt: new Date(expiredAt).toISOString(),
            state: 'pending',
            ttl: Math.floor(expiredAt / 1000),
          },
        }),
      );
      client.destroy();
      await vi.waitFor(
        async () => expect((await busEvents()).filter((e) => e.detailType === 'invitation.expired' && e.detail.targetId === 'ttl-check')).toHaveLength(1),
        { timeout: 10_000, interval: 200 },
      );
    };

    /** The subjects of the mail the SES emulator lists, to one address. */
    const mailTo = async (info: StackInfo, to: string) =>
      ((await (await fetch(`${info.ses.endpoint}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] }).emails
        .filter((m) => m.destination.to.includes(to))
        .map((m) => m.subject);
    /** An invitation from the seeded administrator: its mail is what a restart must not lose. */
    const invite = async (info: StackInfo) => {
      const token = await signIn(info, info.admin.email, info.admin.password);
      const response = await fetch(`${info.apiUrl}/domains/${info.demoDomainId}/invitations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ emails: ['kept-mail@example.test'], role: 'user' }),
      });
      expect(response.status).toBe(200);
      // Mailed by the stack's mail worker (the outbox), a moment after the answer.
      await vi.waitFor(async () => expect(await mailTo(info, 'kept-mail@example.test')).toHaveLength(1), { timeout: 15_000, interval: 100 });
    };

    const first = await run(async (info) => {
      await expiresByTtl(info);
      await invite(info);
    });
    expect(Object.keys(first.info)).toEqual(['apiUrl', 'region', 'dynamodb', 'cognito', 'ses', 'admin', 'demoDomainId']);
    expect(first.info).toEqual({
      apiUrl: `http://localhost:${first.env.API_PORT}`,
      region: 'us-east-1',
      dynamodb: { endpoint: `http://localhost:${first.env.DYNAMODB_PORT}`, tableName: expect.any(String) },
      cognito: { endpoint: `http://localhost:${first.env.COGNITO_PORT}`, userPoolId: expect.any(String), clientId: expect.any(String) },
      ses: { endpoint: `http://localhost:${first.env.SES_PORT}` },
      admin: { email: 'admin@gatehouse.local', password: expect.stringMatching(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{12,}$/) },
      demoDomainId: expect.any(String),
    });
    // The seed's history went through the table's stream to the bus (handed over at the latest on Ctrl-C).
    expect(await demoCreated(first.info.demoDomainId)).toEqual([expect.objectContaining({ bus: 'gatehouse-local', source: 'gatehouse' })]);

    // The mail sent before the restart is still listed after it (local/ses-emulator.ts).
    let keptMail: string[] = [];
    const second = await run(async (info) => void (keptMail = await mailTo(info, 'kept-mail@example.test')));
    expect(keptMail).toHaveLength(1);
    expect(second.info.cognito.userPoolId).toBe(first.info.cognito.userPoolId);
    expect(second.info.cognito.clientId).toBe(first.info.cognito.clientId);
    expect(second.info.admin).toEqual(first.info.admin);
    expect(second.info.demoDomainId).toBe(first.info.demoDomainId);
    // A restart reads the stream from its end: nothing is published twice.
    expect(await demoCreated(first.info.demoDomainId)).toHaveLength(1);
  }, 120_000);
});
