/**
 * The local API Gateway: serves the route table (shared/routes) over node:http, checks ID
 * tokens on every non-public route like the Cognito authorizer, and invokes the same handler
 * modules as the Lambdas with REST proxy (v1) events, in this process.
 *
 * What it answers itself, as API Gateway would: 401 (no valid ID token), 404 (no such path),
 * 405 (no such method on a path, with Allow), 413 (body over 1 MiB; the handlers enforce
 * 16 KiB), 502 (the function threw or returned something that is no proxy result), 504 (no
 * answer in 29 s), and CORS preflights. All as problem+json.
 *
 * Logs one line per request (method, route template, status, ms). Never headers, bodies or
 * the concrete path: paths such as /invitations/{token} carry secrets.
 *
 * Started for tests (`testClock`), it also lets a request move its handler's clock, and
 * serves the local stack's test routes under /__local/ (local/stack.ts testRoutes).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type CognitoAuthorizer, TokenRefused } from '#local/authorizer.ts';
import { withClockOffset } from '#shared/clock.ts';
import { HttpError, MethodNotAllowed, NotFound, PayloadTooLarge, Unauthorized } from '#shared/http/errors.ts';
import type { RouteHandler } from '#shared/http/pipeline.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { listenLocally } from '#local/listen.ts';

/** Requests above this are cut off here; the handlers refuse anything over 16 KiB themselves. */
export const GATEWAY_MAX_BODY_BYTES = 1024 * 1024;
/** With `testClock`, a request carrying this header runs its handler with the clock moved by that many milliseconds. */
export const CLOCK_OFFSET_HEADER = 'x-gatehouse-clock-offset';
/** API Gateway's integration timeout. */
const INTEGRATION_TIMEOUT_MS = 29_000;
const STAGE = 'local';

export interface GatewayOptions {
  routes: readonly RouteDefinition[];
  /** The route's handler (imported once, then cached by the caller). */
  loadHandler: (route: RouteDefinition) => Promise<RouteHandler>;
  authorizer: CognitoAuthorizer;
  region: string;
  /** No per-request log line. Handler crashes are still reported. */
  quiet?: boolean;
  /** Where per-request lines go (default console.log). */
  log?: (line: string) => void;
  /** Where a handler's crash goes, with its request id (default console.error). */
  logError?: (line: string, error: unknown) => void;
  maxBodyBytes?: number;
  /**
   * Honour CLOCK_OFFSET_HEADER, so that tests move time instead of sleeping (shared/clock.ts).
   * For tests only: `npm start` never sets it, and no deployed API has it.
   */
  testClock?: boolean;
  /**
   * With `testClock` only: local routes for tests (`'POST /__local/ttl-sweep'` → what it
   * answers, as JSON with 200), served before the route table. Throw an HttpError to refuse.
   */
  testRoutes?: Record<string, (query: URLSearchParams) => Promise<unknown>>;
}

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

interface Template {
  path: string;
  segments: { literal?: string; param?: string }[];
  byMethod: Map<string, RouteDefinition>;
}

interface Match {
  template: Template;
  params: Record<string, string>;
}

class BadPath extends HttpError {
  constructor() {
    super(400, 'invalid-input', 'Invalid input', 'The path is not valid URL encoding.');
  }
}

/**
 * `__proto__` as a header or query parameter name: the handlers' plain objects would take it
 * as their prototype, so it is refused as bad input before any handler sees it.
 */
class BadName extends HttpError {
  constructor(kind: 'header' | 'query parameter', name: string) {
    super(400, 'invalid-input', 'Invalid input', `The ${kind} name ${name} is not allowed: rename or drop it.`, [
      { path: kind === 'header' ? `headers.${name}` : `query.${name}`, message: 'is not an allowed name' },
    ]);
  }
}

function isPrototypeName(name: string): boolean {
  return name.toLowerCase() === '__proto__';
}

class BadGateway extends HttpError {
  constructor(requestId: string) {
    super(502, 'bad-gateway', 'Bad gateway', `The function failed or gave no valid response; the local stack's log has the details under request id ${requestId}.`);
  }
}

class GatewayTimeout extends HttpError {
  constructor() {
    super(504, 'gateway-timeout', 'Gateway timeout', `The function did not answer within ${INTEGRATION_TIMEOUT_MS / 1000} s.`);
  }
}

/** Groups the routes by path template; literal segments win over parameters, as in API Gateway. */
function compile(routes: readonly RouteDefinition[]): Template[] {
  const templates = new Map<string, Template>();
  for (const route of routes) {
    let template = templates.get(route.path);
    if (!template) {
      const segments = route.path
        .split('/')
        .slice(1)
        .map((segment) => {
          const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
          return param ? { param } : { literal: segment };
        });
      template = { path: route.path, segments, byMethod: new Map() };
      templates.set(route.path, template);
    }
    if (template.byMethod.has(route.method)) throw new Error(`Two routes for ${route.method} ${route.path}`);
    template.byMethod.set(route.method, route);
  }
  return [...templates.values()];
}

function match(templates: readonly Template[], path: string): Match | undefined {
  const raw = path.split('/').slice(1);
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new BadPath();
  }
  let best: Match | undefined;
  let bestRank = '';
  for (const template of templates) {
    if (template.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let rank = '';
    const fits = template.segments.every((part, i) => {
      const value = segments[i] ?? '';
      if (value === '') return false;
      if (part.param) {
        params[part.param] = value;
        rank += '0';
        return true;
      }
      rank += '1';
      return part.literal === value;
    });
    if (fits && rank > bestRank) {
      best = { template, params };
      bestRank = rank;
    }
  }
  return best;
}

/** Upload size past which an oversized request is no longer drained but its connection dropped. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads the body, refusing more than `limit` bytes with a 413. An oversized body is still
 * read to its end (and dropped), so that the client gets to read the 413 instead of a reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => (size > limit ? reject(new PayloadTooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    // A dropped connection never ends: settle anyway, the answer goes nowhere.
    req.on('close', () => reject(new PayloadTooLarge(limit)));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as API Gateway passes it: text as is, anything else base64 encoded. */
function eventBody(body: Buffer): { body: string | null; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: null, isBase64Encoded: false };
  try {
    return { body: utf8.decode(body), isBase64Encoded: false };
  } catch {
    return { body: body.toString('base64'), isBase64Encoded: true };
  }
}

/** Headers with the client's spelling (rawHeaders), single- and multi-valued. */
function eventHeaders(req: IncomingMessage) {
  // Built without a prototype: a name such as `constructor` is just a name here.
  const headers: Record<string, string> = Object.create(null);
  const multiValueHeaders: Record<string, string[]> = Object.create(null);
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    const value = req.rawHeaders[i + 1] as string;
    if (isPrototypeName(name)) throw new BadName('header', name);
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  return { headers, multiValueHeaders };
}

function eventQuery(search: URLSearchParams) {
  if ([...search.keys()].length === 0) return { queryStringParameters: null, multiValueQueryStringParameters: null };
  const single: Record<string, string> = Object.create(null);
  const multi: Record<string, string[]> = Object.create(null);
  for (const [name, value] of search) {
    if (isPrototypeName(name)) throw new BadName('query parameter', name);
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { queryStringParameters: single, multiValueQueryStringParameters: multi };
}

function lambdaContext(route: RouteDefinition, requestId: string, region: string, deadline: number): Context {
  const functionName = route.id;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${functionName}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function isProxyResult(value: unknown): value is APIGatewayProxyResult {
  const result = value as APIGatewayProxyResult | null | undefined;
  return (
    typeof result === 'object' &&
    result !== null &&
    Number.isInteger(result.statusCode) &&
    result.statusCode >= 100 &&
    result.statusCode <= 599 &&
    (result.body === undefined || result.body === null || typeof result.body === 'string')
  );
}

/** The request listener: exported for tests that serve a made-up route table. */
export function createGatewayListener(options: GatewayOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const templates = compile(options.routes);
  const limit = options.maxBodyBytes ?? GATEWAY_MAX_BODY_BYTES;
  const log = options.log ?? ((line: string) => console.log(line));
  const logError = options.logError ?? ((line: string, error: unknown) => console.error(line, error));

  const invoke = async (route: RouteDefinition, event: APIGatewayProxyEvent, requestId: string, clockOffset: number): Promise<APIGatewayProxyResult> => {
    const deadline = Date.now() + INTEGRATION_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await options.loadHandler(route);
      const context = lambdaContext(route, requestId, options.region, deadline);
      const result = await Promise.race([
        clockOffset === 0 ? handler(event, context) : withClockOffset(clockOffset, () => handler(event, context)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new GatewayTimeout()), INTEGRATION_TIMEOUT_MS);
        }),
      ]);
      if (!isProxyResult(result)) throw new Error(`${route.id} returned no API Gateway proxy result`);
      return result;
    } catch (error) {
      if (error instanceof GatewayTimeout) throw error;
      // A crash is a bug in the function: report it here (the response only names the request id).
      logError(`[gateway] ${route.method} ${route.path} (${route.id}) failed, request id ${requestId}:`, error);
      throw new BadGateway(requestId);
    } finally {
      clearTimeout(timer);
    }
  };

  /** Answers a request; `seen.resource` names the matched path template for the log line. */
  const handle = async (req: IncomingMessage, requestId: string, seen: { resource?: string }): Promise<APIGatewayProxyResult> => {
    // Split by hand: new URL() would resolve `..` and read `//x` as a host name.
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const url = {
      pathname: queryAt < 0 ? target : target.slice(0, queryAt),
      searchParams: new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)),
    };
    const method = (req.method ?? 'GET').toUpperCase();
    const testRoute = options.testClock ? options.testRoutes?.[`${method} ${url.pathname}`] : undefined;
    if (testRoute) {
      seen.resource = url.pathname;
      return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await testRoute(url.searchParams)) };
    }
    const found = match(templates, url.pathname);
    if (!found) throw new NotFound(`No route for ${method} ${url.pathname.length > 60 ? `${url.pathname.slice(0, 60)}…` : url.pathname}.`);
    seen.resource = found.template.path;
    const allow = [...found.template.byMethod.keys()];
    if (method === 'OPTIONS') return { statusCode: 204, headers: preflightHeaders(req, allow), body: '' };
    const route = found.template.byMethod.get(method);
    if (!route) throw new MethodNotAllowed(`${found.template.path} answers ${allow.join(', ')}, not ${method}.`, allow);

    const clockOffset = options.testClock ? clockOffsetOf(req) : 0;
    const bytes = await readBody(req, limit);
    let claims: Record<string, string> | undefined;
    if (route.access !== 'public') {
      try {
        claims = await options.authorizer.claimsOf(req.headers.authorization);
      } catch (error) {
        if (error instanceof TokenRefused) throw new Unauthorized(error.message);
        throw error;
      }
    }
    const { headers, multiValueHeaders } = eventHeaders(req);
    const sourceIp = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
    headers['X-Forwarded-For'] ??= sourceIp;
    headers['X-Forwarded-Proto'] ??= 'http';
    const now = Date.now();
    const event: APIGatewayProxyEvent = {
      resource: route.path,
      path: url.pathname,
      httpMethod: method,
      headers,
      multiValueHeaders,
      ...eventQuery(url.searchParams),
      pathParameters: Object.keys(found.params).length > 0 ? found.params : null,
      stageVariables: null,
      ...eventBody(bytes),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        protocol: `HTTP/${req.httpVersion}`,
        httpMethod: method,
        path: url.pathname,
        stage: STAGE,
        requestId,
        requestTimeEpoch: now,
        resourceId: route.id,
        resourcePath: route.path,
        identity: {
          accessKey: null,
          accountId: null,
          apiKey: null,
          apiKeyId: null,
          caller: null,
          clientCert: null,
          cognitoAuthenticationProvider: null,
          cognitoAuthenticationType: null,
          cognitoIdentityId: null,
          cognitoIdentityPoolId: null,
          principalOrgId: null,
          sourceIp,
          user: null,
          userAgent: req.headers['user-agent'] ?? null,
          userArn: null,
        },
        authorizer: claims ? { claims } : null,
      },
    };
    return invoke(route, event, requestId, clockOffset);
  };

  return (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const seen: { resource?: string } = {};
    void handle(req, requestId, seen)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return problemResult(error);
        logError(`[gateway] request ${requestId} failed:`, error);
        return problemResult(new BadGateway(requestId));
      })
      .then((result) => {
        write(req, res, result, requestId);
        if (!options.quiet) {
          const ms = (performance.now() - started).toFixed(0);
          log(`${req.method} ${seen.resource ?? '(no route)'} ${result.statusCode} ${ms}ms`);
        }
      });
  };
}

/** Starts the gateway on 127.0.0.1:`port`. */
export async function startGateway(port: number, options: GatewayOptions): Promise<Gateway> {
  const server: Server = createServer(createGatewayListener(options));
  // Keep-alive sockets from load tests would otherwise hold close() open.
  server.keepAliveTimeout = 5000;
  const listening = await listenLocally(server, port);
  return {
    url: `http://localhost:${listening.port}`,
    close: listening.close,
  };
}

/** The clock offset a test asked for, in milliseconds (0 without the header). */
function clockOffsetOf(req: IncomingMessage): number {
  const value = req.headers[CLOCK_OFFSET_HEADER];
  if (value === undefined) return 0;
  if (typeof value !== 'string' || !/^-?\d{1,15}$/.test(value.trim())) {
    throw new HttpError(400, 'invalid-input', 'Invalid input', `${CLOCK_OFFSET_HEADER} must be a whole number of milliseconds.`);
  }
  return Number(value.trim());
}

function problemResult(error: HttpError): APIGatewayProxyResult {
  return {
    statusCode: error.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...error.headers },
    body: JSON.stringify({ type: error.type, title: error.title, status: error.status, detail: error.detail }),
  };
}

function preflightHeaders(req: IncomingMessage, allow: string[]): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': [...allow, 'OPTIONS'].join(', '),
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, If-Match',
    'Access-Control-Max-Age': '600',
  };
}

function write(req: IncomingMessage, res: ServerResponse, result: APIGatewayProxyResult, requestId: string): void {
  // Header names are case-insensitive: one entry per name, whatever case the handler used.
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) headers[name.toLowerCase()] = values.map(String);
  // Local convenience: any origin may call the local API (deployed, the functions name the app's origins).
  headers['access-control-allow-origin'] = '*';
  const exposed = new Set(['ETag', 'Location', 'Content-Disposition', 'Retry-After', 'x-amzn-RequestId']);
  for (const name of String(headers['access-control-expose-headers'] ?? '').split(',')) if (name.trim()) exposed.add(name.trim());
  headers['access-control-expose-headers'] = [...exposed].join(', ');
  headers['x-amzn-requestid'] = requestId;
  const body = result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  headers['content-length'] = String(body.length);
  if (res.headersSent || res.destroyed) return;
  // The request body may still be arriving (a 413); let the client read the answer, then close.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(result.statusCode, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
