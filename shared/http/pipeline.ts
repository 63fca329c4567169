/**
 * The request pipeline: one middy stack, in the same order for every function: logger
 * context, body (16 KiB, JSON), validation, authentication, authorization, handler, then
 * problem+json for any error. Routes get it through `makeHandler` (shared/http/handler.ts)
 * or, when public, `makePublicHandler` (shared/http/public-handler.ts), which leaves the
 * authorization code and its DynamoDB client out of the bundle.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import type { UserRecord } from '#shared/store/records.ts';
import { BadRequest, type FieldError, HttpError, PayloadTooLarge, UnsupportedMediaType } from '#shared/http/errors.ts';
import { logger } from '#shared/http/logger.ts';
import { validationMessage } from '#shared/http/validation-messages.ts';
import type { RouteDefinition, RouteRequest } from '#shared/http/route.ts';

z.config({ customError: validationMessage });

/** Request bodies above this size are refused with 413 (SPEC section 4). */
export const MAX_BODY_BYTES = 16 * 1024;
/** A CSV upload (500 rows of email,role,language) gets more room than a JSON body. */
export const MAX_CSV_BYTES = 64 * 1024;

type Out<S> = S extends () => infer T ? (T extends zc.$ZodType ? zc.output<T> : undefined) : undefined;

/**
 * The body as the route takes it: JSON, checked by `request.body`; or, on a route that
 * declares `request.csv`, a text/csv body's text instead (then `body` is absent).
 */
type BodyOrCsv<R extends RouteDefinition> = R['request']['csv'] extends () => infer T
  ? { body: Out<R['request']['body']>; csv: undefined } | { body: undefined; csv: T extends zc.$ZodType ? zc.output<T> : never }
  : { body: Out<R['request']['body']>; csv: undefined };

export type Input<R extends RouteDefinition> = InputParts<R> & BodyOrCsv<R>;

interface InputParts<R extends RouteDefinition> {
  params: Out<R['request']['params']>;
  query: Out<R['request']['query']>;
  /** The signed-in caller; absent on public routes. */
  caller: R['access'] extends 'public' ? undefined : Caller;
  /** The domain, the caller's membership and grants, on domain-scoped routes. */
  access: R['path'] extends `/domains/{domainId}${string}` ? DomainAccess : undefined;
  /** The caller's profile, read by the owner check on owner routes. */
  owner: R['access'] extends 'owner' ? UserRecord : undefined;
  /** The caller's profile, read by the authorization (session cut-off check); absent on public routes. */
  user: R['access'] extends 'public' ? undefined : UserRecord;
  /** The version named by `If-Match`, when the client sent one, on routes that declare `request.ifMatch`. */
  ifMatch: R['request']['ifMatch'] extends true ? number | undefined : undefined;
  /** The Authorization header as sent: public routes that take an optional token verify it themselves. */
  authorization: string | undefined;
  requestId: string;
}

type Reply<R extends RouteDefinition> =
  | (R['response']['body'] extends () => infer S ? (S extends zc.$ZodType ? zc.output<S> : void) : void)
  | (R['response']['alternatives'] extends readonly string[] ? RawReply : never)
  | (R['response']['accepted'] extends () => infer S ? (S extends zc.$ZodType ? Accepted<zc.output<S>> : never) : never);

export type RouteHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Every answer is about one caller at one moment: no browser or proxy may keep a copy. */
const NO_STORE = { 'Cache-Control': 'no-store' };
const JSON_HEADERS = { 'Content-Type': 'application/json', ...NO_STORE };

/** Decides who the caller is and what they may reach, given the parsed path parameters. */
export type Authorize = (
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
  params: unknown,
) => Promise<{ caller: Caller | undefined; access: DomainAccess | undefined; owner?: UserRecord; user?: UserRecord }>;

/** Builds a Lambda handler for a route from its authorization step and its domain function. */
export function buildHandler<R extends RouteDefinition>(
  route: R,
  authorize: Authorize,
  handle: (input: Input<R>) => Promise<Reply<R>>,
): RouteHandler {
  const run = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    // Authorization comes before the query and the body are read: a caller without the
    // route's permission learns nothing about its schema. The path names what to authorize
    // against, so it is validated first.
    const params = parse(route.request, event, 'path');
    const { caller, access, owner, user } = await authorize(route, event, params);
    const { query, body, csv } = parse(route.request, event, 'rest');
    // The schemas above made these the route's types; TypeScript cannot follow it through the generic R.
    const input = { params, query, body, csv, caller, access, owner, user, ifMatch: route.request.ifMatch ? ifMatchVersion(event) : undefined, authorization: header(event, 'authorization'), requestId };
    const result = await handle(input as unknown as Input<R>);
    return respond(route, result);
  };

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .after(async (request) => {
      if (request.response) addCorsHeaders(request.event, request.response);
    })
    .onError(async (request) => {
      const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
      request.response = addCorsHeaders(request.event, problemResponse(request.error, { requestId, route: route.id, context: request.context }));
    })
    .handler(run) as unknown as RouteHandler;
}

/** The customer's app origins (APP_ORIGINS, comma-separated): only they may read answers in a browser. */
const allowedOrigins = new Set((process.env.APP_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean));

/**
 * API Gateway answers preflights, but a Lambda proxy answer carries only the headers the
 * function sets: name the caller's origin when it is one of the app's, never `*`.
 */
function addCorsHeaders(event: APIGatewayProxyEvent, response: APIGatewayProxyResult): APIGatewayProxyResult {
  const origin = header(event, 'origin');
  if (origin === undefined || !allowedOrigins.has(origin)) return response;
  response.headers = {
    ...response.headers,
    'Access-Control-Allow-Origin': origin,
    // Retry-After: a page says when to try again after a 429 (password-reset-limit, daily-email-limit).
    'Access-Control-Expose-Headers': 'ETag, Location, Content-Disposition, Retry-After',
    Vary: 'Origin',
  };
  return response;
}

/** A body that is not JSON (a CSV download), with its media type and headers. */
export class RawReply {
  constructor(
    readonly body: string,
    readonly headers: Record<string, string>,
  ) {}
}

/** A 202 answer of a route that declares `response.accepted`: the request is taken, its effect waits (an emailed link). */
export class Accepted<T> {
  constructor(readonly body: T) {}
}

function respond(route: RouteDefinition, result: unknown): APIGatewayProxyResult {
  if (result instanceof Accepted) return { statusCode: 202, headers: { ...JSON_HEADERS }, body: JSON.stringify(result.body) };
  if (result instanceof RawReply) return { statusCode: route.response.status, headers: { ...NO_STORE, ...result.headers }, body: result.body };
  if (route.response.status === 204 || result === undefined) return { statusCode: route.response.status, headers: { ...NO_STORE }, body: '' };
  const headers: Record<string, string> = { ...JSON_HEADERS };
  const version = (result as { version?: unknown }).version;
  if (typeof version === 'number') headers.ETag = `"${version}"`;
  return { statusCode: route.response.status, headers, body: JSON.stringify(result) };
}

/** Parses and validates the path alone; or the query and body, where one 400 lists every offending field of both. */
function parse(request: RouteRequest, event: APIGatewayProxyEvent, part: 'path'): unknown;
function parse(request: RouteRequest, event: APIGatewayProxyEvent, part: 'rest'): { query: unknown; body: unknown; csv: unknown };
function parse(request: RouteRequest, event: APIGatewayProxyEvent, part: 'path' | 'rest') {
  const errors: FieldError[] = [];
  const check = (where: string, schema: (() => zc.$ZodType) | undefined, value: unknown) => {
    if (!schema) return undefined;
    const result = z.safeParse(schema(), value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      errors.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message });
    }
    return undefined;
  };
  const refuse = () => {
    if (errors.length > 0) {
      throw new BadRequest(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.path).join(', ')}.`, errors);
    }
  };
  if (part === 'path') {
    const params = check('path', request.params, event.pathParameters ?? {});
    refuse();
    return params;
  }
  const query = check('query', request.query, event.queryStringParameters ?? {});
  // A text/csv body skips the JSON schema: the route's csv schema checks its text instead.
  const sent = request.body || request.csv ? readBody(event, request.csv !== undefined) : { json: undefined };
  const body = 'json' in sent ? check('body', request.body, sent.json) : undefined;
  const csv = 'csv' in sent ? check('csv', request.csv, sent.csv) : undefined;
  refuse();
  return { query, body, csv };
}

function readBody(event: APIGatewayProxyEvent, csvAccepted: boolean): { json: unknown } | { csv: string } {
  if (event.body === null || event.body === undefined || event.body === '') return { json: undefined };
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  const type = header(event, 'content-type');
  if (csvAccepted && type !== undefined && /^text\/csv\s*(;|$)/i.test(type)) {
    if (raw.byteLength > MAX_CSV_BYTES) throw new PayloadTooLarge(MAX_CSV_BYTES);
    return { csv: raw.toString('utf8') };
  }
  if (raw.byteLength > MAX_BODY_BYTES) throw new PayloadTooLarge(MAX_BODY_BYTES);
  if (type !== undefined && !/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new UnsupportedMediaType(`Send the body as application/json${csvAccepted ? ' or text/csv' : ''}, not ${type.slice(0, 100)}.`);
  }
  try {
    return { json: JSON.parse(raw.toString('utf8')) };
  } catch (error) {
    throw new BadRequest(`The body is not valid JSON: ${(error as Error).message.slice(0, 200)}`, [{ path: 'body', message: 'is not valid JSON' }]);
  }
}

function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

/** `If-Match: "3"` (or W/"3", or 3) → 3; anything else that is not `*` is a 400. */
function ifMatchVersion(event: APIGatewayProxyEvent): number | undefined {
  const value = header(event, 'if-match')?.trim();
  if (value === undefined || value === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  if (!match) throw new BadRequest('If-Match must be an ETag this API issued, such as "3".', [{ path: 'header.If-Match', message: 'is not an ETag of this API' }]);
  return Number(match[1]);
}

/** Renders any error as problem+json; details of unexpected errors stay in the log. */
export function problemResponse(error: unknown, where: { requestId: string; route: string; context?: Context }): APIGatewayProxyResult {
  const { requestId } = where;
  const log = logger();
  if (where.context) log.addContext(where.context);
  const keys = { requestId, route: where.route };
  if (error instanceof HttpError) {
    if (error.status >= 500) log.error('request failed', { ...keys, error });
    else log.info('request refused', { ...keys, status: error.status, problem: error.slug });
    return problem(error.status, { ...error.extensions, type: error.type, title: error.title, status: error.status, detail: error.detail, ...(error.errors ? { errors: error.errors } : {}) }, error.headers);
  }
  log.error('unexpected error', { ...keys, error: error as Error });
  return problem(500, {
    type: 'https://gatehouse.dev/problems/internal',
    title: 'Internal error',
    status: 500,
    detail: `Something went wrong on our side. If it persists, report request id ${requestId}.`,
    requestId,
  });
}

function problem(status: number, body: Record<string, unknown>, headers?: Record<string, string>): APIGatewayProxyResult {
  return { statusCode: status, headers: { 'Content-Type': 'application/problem+json', ...NO_STORE, ...headers }, body: JSON.stringify(body) };
}
