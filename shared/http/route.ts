/**
 * What a route is. The route table (shared/routes) is a list of these; the CDK API, the
 * local gateway, the OpenAPI document and the route x role test matrix all read it.
 */
import type * as zc from 'zod/v4/core';
import type { ProblemSlug } from '#shared/http/problems.ts';
import type { Permission } from '#shared/permissions.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Who may call a route:
 * - `public`: no token;
 * - `signedIn`: any valid ID token;
 * - `owner`: a signed-in user with the customer-level owner flag;
 * - `domainMember`: an active or pending member of the path's domain;
 * - a permission: an active member whose role grants it (every listed one, for an array).
 */
export type Access = 'public' | 'signedIn' | 'owner' | 'domainMember' | Permission | readonly Permission[];

/** AWS SDK clients a function uses: they decide its IAM grants and its bench reference. */
export type ServiceClient = 'dynamodb' | 'cognito' | 'ses';

/** DynamoDB actions a function may call, granted on the table and its indexes. */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'TransactWriteItems'
  | 'TransactGetItems'
  | 'ConditionCheckItem';

/** Request schemas, each built on first use (see `lazy` in shared/http/schemas.ts). */
export interface RouteRequest {
  params?: () => zc.$ZodType;
  query?: () => zc.$ZodType;
  body?: () => zc.$ZodType;
  /** The route also takes a `text/csv` body: its raw text, checked by this schema, reaches the handler as `csv` (and `body` is then absent). */
  csv?: () => zc.$ZodType;
  /** The route honours `If-Match: "<version>"` (412 version-mismatch when the resource moved on). */
  ifMatch?: true;
  /** A public route that also takes an optional ID token (and acts for that account when present). */
  bearer?: 'optional';
}

export interface RouteDefinition<Req extends RouteRequest = RouteRequest> {
  /** Unique, camelCase: names the Lambda function, the OpenAPI operationId and the bench row. */
  id: string;
  method: HttpMethod;
  /** API Gateway style path: `/domains/{domainId}/settings`. */
  path: string;
  summary: string;
  access: Access;
  /** Handler module, relative to the project root; it exports `handler`. */
  handler: string;
  request: Req;
  /**
   * The success status and JSON body; the body schema is built on first use (it only
   * documents). `alternatives` lists other media types the route can answer with.
   */
  response: {
    status: 200 | 201 | 202 | 204;
    body?: () => zc.$ZodType;
    alternatives?: readonly string[];
    /** The body of a 202 the route may answer instead (the handler returns it as `new Accepted(...)`): the work waits on something, such as an emailed link. */
    accepted?: () => zc.$ZodType;
  };
  /**
   * The problem types the route's own rules can answer, beyond those every route of its kind
   * can (invalid input, authorization, not found, version, size, throttling, internal: see
   * `problemsOf` in shared/http/openapi.ts). The OpenAPI document lists them per status.
   */
  problems?: readonly ProblemSlug[];
  /** DynamoDB actions the handler uses beyond the pipeline's own (see `tableActionsOf`). */
  table: readonly TableAction[];
  /** SDK clients beyond DynamoDB. */
  services?: readonly ServiceClient[];
  /** Cognito admin actions the handler calls (with `services: ['cognito']`). */
  cognitoActions?: readonly CognitoAction[];
  /**
   * npm files the handler reads at run time instead of importing them (package specifiers,
   * such as `redoc/bundles/redoc.standalone.js`): deployed beside the function's bundle, never
   * inside it or any other function's (see shared/http/route-file.ts).
   */
  files?: readonly string[];
}

export type CognitoAction = 'AdminDisableUser' | 'AdminEnableUser' | 'AdminUserGlobalSignOut' | 'AdminGetUser' | 'AdminCreateUser' | 'AdminSetUserPassword' | 'AdminDeleteUser' | 'AdminUpdateUserAttributes';

/**
 * Every DynamoDB action a route's function calls: its own, plus the pipeline's: the
 * authorization read and the daily lastActiveAt write on domain routes, the profile read
 * (session cut-off, owner check) on other signed-in routes.
 */
export function tableActionsOf(route: RouteDefinition): TableAction[] {
  const actions = new Set<TableAction>(route.table);
  if (route.access !== 'public' && isDomainScoped(route)) {
    actions.add('BatchGetItem');
    actions.add('UpdateItem');
  }
  if (route.access !== 'public' && !isDomainScoped(route)) actions.add('GetItem');
  return [...actions].sort();
}

/**
 * Declares a route with its types carried through to the handler. Calls are marked
 * with a PURE annotation, so a function's bundle keeps only its own route of a routes module.
 */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

/** The permissions a route needs, as a list (empty for the non-permission kinds). */
export function requiredPermissions(access: Access): Permission[] {
  if (typeof access !== 'string') return [...access];
  return access === 'public' || access === 'signedIn' || access === 'owner' || access === 'domainMember' ? [] : [access];
}

/** True when the route lives under `/domains/{domainId}` and checks a membership. */
export function isDomainScoped(route: Pick<RouteDefinition, 'path'>): boolean {
  return route.path.startsWith('/domains/{domainId}');
}
