/**
 * The Cognito endpoint of the local stack: a small proxy in front of cognito-local that
 * closes the emulator's gaps which Gatehouse depends on (see local/EMULATOR-GAPS.md):
 *
 * - a disabled user gets no tokens (cognito-local issues them anyway);
 * - a wrong password or an unknown user fails a sign-in with NotAuthorizedException
 *   "Incorrect username or password." (cognito-local: InvalidPasswordException, which tells
 *   whether the account exists);
 * - AdminUserGlobalSignOut and GlobalSignOut exist and revoke the user's refresh tokens
 *   (cognito-local answers "unsupported" with a 500, which the SDK retries);
 * - the user pool's password policy is enforced on AdminSetUserPassword and AdminCreateUser;
 * - user names (email addresses) match case-insensitively, as in a pool created with
 *   CaseSensitive false (cognito-local compares them exactly);
 * - the OpenID configuration names this endpoint (cognito-local hard-codes port 9229);
 * - requests reach cognito-local one at a time: it rewrites a pool's whole JSON file with an
 *   async write per change, and overlapping writes can leave a corrupt file for the next start.
 *
 * Everything else passes through unchanged, so the handlers' Cognito client talks to this
 * endpoint exactly as it would to Cognito.
 */
import { createVerify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { poolIdOfIssuer, unverifiedPayload } from '#local/jwt.ts';

const require = createRequire(import.meta.url);
const PUBLIC_KEY = (require('cognito-local/lib/keys/cognitoLocal.public.json') as { pem: string }).pem;

const AMZ_JSON = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export interface CognitoFrontOptions {
  /** Public port (COGNITO_PORT); tokens name it in their issuer. */
  port: number;
  /** Loopback port cognito-local listens on. */
  upstreamPort: number;
  /** cognito-local's working directory (it keeps `.cognito/db/<poolId>.json` there). */
  cognitoDir: string;
}

export interface CognitoFront {
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

class CognitoFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

interface PasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

/** Starts the proxy on 127.0.0.1:`port`. */
export async function startCognitoFront(options: CognitoFrontOptions): Promise<CognitoFront> {
  const policies = new Map<string, PasswordPolicy | undefined>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every earlier one has finished: one cognito-local request at a time. */
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const upstream = (method: string, path: string, headers: IncomingMessage['headers'], body: Buffer) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: options.upstreamPort, method, path, headers: { ...headers, host: `127.0.0.1:${options.upstreamPort}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** Calls a cognito-local operation directly (inside the caller's turn of the queue). */
  const call = async (operation: string, input: Json): Promise<Json> => {
    const body = Buffer.from(JSON.stringify(input));
    const reply = await upstream('POST', '/', { 'content-type': AMZ_JSON, 'x-amz-target': TARGET_PREFIX + operation, 'content-length': String(body.length) }, body);
    const json = parseJson(reply.body) ?? {};
    if (reply.status !== 200) throw new CognitoFault(String(json.__type ?? 'InternalErrorException'), String(json.message ?? `cognito-local answered ${reply.status}`));
    return json;
  };

  const passwordPolicy = async (userPoolId: string): Promise<PasswordPolicy | undefined> => {
    if (!policies.has(userPoolId)) {
      const described = await call('DescribeUserPool', { UserPoolId: userPoolId });
      const pool = described.UserPool as { Policies?: { PasswordPolicy?: PasswordPolicy } } | undefined;
      policies.set(userPoolId, pool?.Policies?.PasswordPolicy);
    }
    return policies.get(userPoolId);
  };

  const enforcePolicy = async (userPoolId: unknown, password: unknown) => {
    if (typeof userPoolId !== 'string' || typeof password !== 'string') return;
    const problem = policyViolation(await passwordPolicy(userPoolId), password);
    if (problem) throw new CognitoFault('InvalidPasswordException', `Password did not conform with policy: ${problem}`);
  };

  /** Revokes every refresh token cognito-local holds for the user (read from its pool file). */
  const signOutEverywhere = async (userPoolId: string, username: string) => {
    const user = await call('AdminGetUser', { UserPoolId: userPoolId, Username: username });
    const stored = String(user.Username);
    const file = join(options.cognitoDir, '.cognito', 'db', `${userPoolId}.json`);
    const db = parseJson(await readFile(file)) as { Users?: Record<string, { RefreshTokens?: string[] }> } | undefined;
    const tokens = db?.Users?.[stored]?.RefreshTokens ?? [];
    if (tokens.length === 0) return;
    const clients = (await call('ListUserPoolClients', { UserPoolId: userPoolId, MaxResults: 60 })).UserPoolClients as { ClientId: string }[] | undefined;
    const clientId = clients?.[0]?.ClientId;
    if (!clientId) return;
    for (const token of tokens) await call('RevokeToken', { ClientId: clientId, Token: token });
  };

  /**
   * Cognito's answers to a sign-in: one answer for a wrong password and an unknown user (the
   * pool prevents user existence errors), and no tokens for a disabled user.
   */
  const signInAnswer = async (input: Json, reply: Reply): Promise<Reply> => {
    const flow = input.AuthFlow;
    if (reply.status === 400 && (flow === 'USER_PASSWORD_AUTH' || flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH')) {
      const type = parseJson(reply.body)?.__type;
      if (type === 'InvalidPasswordException' || type === 'UserNotFoundException' || type === 'NotAuthorizedException') {
        throw new CognitoFault('NotAuthorizedException', 'Incorrect username or password.');
      }
    }
    if (reply.status !== 200) return reply;
    const result = (parseJson(reply.body)?.AuthenticationResult ?? undefined) as { IdToken?: string } | undefined;
    const claims = result?.IdToken ? unverifiedPayload(result.IdToken) : undefined;
    const userPoolId = poolIdOfIssuer(claims?.iss);
    const username = claims?.['cognito:username'];
    if (!userPoolId || typeof username !== 'string') return reply;
    const user = await call('AdminGetUser', { UserPoolId: userPoolId, Username: username });
    if (user.Enabled === false) throw new CognitoFault('NotAuthorizedException', 'User is disabled.');
    return reply;
  };

  const handle = async (req: IncomingMessage, received: Buffer): Promise<Reply> => {
    let body = received;
    const path = req.url ?? '/';
    const configuration = /^\/([\w-]+)\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && configuration) {
      const issuer = `http://localhost:${options.port}/${configuration[1]}`;
      return json(200, { id_token_signing_alg_values_supported: ['RS256'], issuer, jwks_uri: `${issuer}/.well-known/jwks.json` }, 'application/json');
    }
    if (req.method === 'OPTIONS') {
      // A browser's preflight (the pages send X-Amz-Target and an x-amz-json Content-Type).
      const allow = { 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'content-type, x-amz-target'), 'access-control-max-age': '600' };
      return { status: 204, headers: allow, body: Buffer.alloc(0) };
    }
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
      return upstream(req.method ?? 'GET', path, req.headers, body);
    }
    const operation = target.slice(TARGET_PREFIX.length);
    return serially(async () => {
      const input = parseJson(body) ?? {};
      if (lowerCaseEmails(input)) {
        body = Buffer.from(JSON.stringify(input));
        req.headers['content-length'] = String(body.length);
      }
      switch (operation) {
        case 'AdminUserGlobalSignOut':
          await signOutEverywhere(String(input.UserPoolId), String(input.Username));
          return json(200, {});
        case 'GlobalSignOut': {
          const claims = verifiedAccessToken(input.AccessToken);
          const userPoolId = poolIdOfIssuer(claims.iss);
          if (!userPoolId || typeof claims.sub !== 'string') throw new CognitoFault('NotAuthorizedException', 'Invalid Access Token');
          await signOutEverywhere(userPoolId, claims.sub);
          return json(200, {});
        }
        case 'AdminSetUserPassword':
          await enforcePolicy(input.UserPoolId, input.Password);
          break;
        case 'AdminCreateUser':
          await enforcePolicy(input.UserPoolId, input.TemporaryPassword);
          break;
        case 'UpdateUserPool':
          policies.delete(String(input.UserPoolId));
          break;
        case 'InitiateAuth':
        case 'AdminInitiateAuth':
        case 'RespondToAuthChallenge':
        case 'AdminRespondToAuthChallenge':
          return signInAnswer(input, await upstream('POST', path, req.headers, body));
      }
      return upstream('POST', path, req.headers, body);
    });
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, Buffer.concat(chunks))
        .catch((error: unknown) =>
          error instanceof CognitoFault
            ? json(400, { __type: error.type, message: error.message })
            : json(500, { __type: 'InternalErrorException', message: `Local Cognito front: ${(error as Error).message}` }),
        )
        .then((reply) => {
          const headers = { ...reply.headers };
          delete headers['transfer-encoding'];
          delete headers.connection;
          // The hosted pages (web/) sign in from their own origin with fetch, as against
          // cognito-idp.<region>.amazonaws.com, which allows any origin: so does the front.
          headers['access-control-allow-origin'] ??= '*';
          headers['content-length'] = String(reply.body.length);
          res.writeHead(reply.status, headers);
          res.end(reply.body);
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const looksLikeEmail = (value: unknown): value is string => typeof value === 'string' && value.includes('@');

/**
 * Lower-cases email user names and email attributes in a request, in place; true when it
 * changed anything. Every user reaches cognito-local through here, so stored addresses are
 * lower case and a sign-in as Admin@Example.com finds admin@example.com, as in Cognito.
 */
function lowerCaseEmails(input: Json): boolean {
  let changed = false;
  const lower = (value: string) => {
    const next = value.toLowerCase();
    changed ||= next !== value;
    return next;
  };
  if (looksLikeEmail(input.Username)) input.Username = lower(input.Username);
  const auth = input.AuthParameters as Record<string, unknown> | undefined;
  if (auth && looksLikeEmail(auth.USERNAME)) auth.USERNAME = lower(auth.USERNAME);
  for (const list of [input.UserAttributes, input.ValidationData]) {
    if (!Array.isArray(list)) continue;
    for (const attribute of list as { Name?: unknown; Value?: unknown }[]) {
      if (attribute.Name === 'email' && looksLikeEmail(attribute.Value)) attribute.Value = lower(attribute.Value);
    }
  }
  return changed;
}

function json(status: number, body: Json, type = AMZ_JSON): Reply {
  return { status, headers: { 'content-type': type }, body: Buffer.from(JSON.stringify(body)) };
}

function parseJson(buffer: Buffer): Json | undefined {
  try {
    const value: unknown = JSON.parse(buffer.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of an unexpired access token signed with cognito-local's key. */
function verifiedAccessToken(token: unknown): Json {
  if (typeof token !== 'string') throw new CognitoFault('NotAuthorizedException', 'Invalid Access Token');
  const [header, payload, signature] = token.split('.');
  const valid =
    header !== undefined &&
    payload !== undefined &&
    signature !== undefined &&
    createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(PUBLIC_KEY, signature, 'base64url');
  const claims = valid ? unverifiedPayload(token) : undefined;
  if (!claims || claims.token_use !== 'access') throw new CognitoFault('NotAuthorizedException', 'Invalid Access Token');
  if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) throw new CognitoFault('NotAuthorizedException', 'Access Token has expired');
  return claims;
}

/** What Cognito would say about a password under a policy, or undefined when it conforms. */
export function policyViolation(policy: PasswordPolicy | undefined, password: string): string | undefined {
  if (!policy) return undefined;
  if (password.length < (policy.MinimumLength ?? 8)) return 'Password not long enough';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password)) return 'Password must have symbol characters';
  return undefined;
}
