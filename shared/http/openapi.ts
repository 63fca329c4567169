/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas that
 * validate requests, so the document cannot drift from what the API accepts. Each
 * operation lists every status it can answer; each error status lists the problem types
 * (shared/http/problems.ts) it can carry. Tags, parameter descriptions and the values
 * examples are built from come from shared/http/openapi-docs.ts.
 */
import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import { eventCatalogue } from '#shared/events/catalogue.ts';
import { parameterDescription, SAMPLE_INVITATION_CSV, SAMPLE_TIME, SAMPLE_VALUES, TAGS, tagOf } from '#shared/http/openapi-docs.ts';
import { PROBLEM_BASE } from '#shared/http/errors.ts';
import { PROBLEMS, type ProblemSlug } from '#shared/http/problems.ts';
import { isDomainScoped, requiredPermissions, type RouteDefinition } from '#shared/http/route.ts';
import { address, email, lazy, pageQuery, timestamp } from '#shared/http/schemas.ts';
import { PASSWORD_POLICY, passwordShortfalls } from '#shared/password-policy.ts';
import { permissionList } from '#shared/schemas/members.ts';

type Json = Record<string, any>;

/** Request bodies above these sizes are refused (shared/http/pipeline.ts enforces them). */
const JSON_BODY_LIMIT = '16 KiB';

/**
 * What JSON Schema cannot say from a plain zod type, said by schema identity. Added to
 * zod's global registry, beside the descriptions schemas carry themselves (`z.describe`),
 * when the document is first built: no function that does not build it pays for this.
 */
const annotations = lazy(() => {
  const notes: [zc.$ZodType, Record<string, unknown>][] = [
    [timestamp(), { format: 'date-time' }],
    [address(), { format: 'email' }],
    [email(), { format: 'email' }],
    [permissionList(), { uniqueItems: true }],
  ];
  for (const [schema, meta] of notes) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), ...meta });
  return z.globalRegistry;
});

const schemaOf = (schema: zc.$ZodType, io: 'input' | 'output'): Json =>
  portable(withoutDialect(z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', metadata: annotations() }) as Json));

/** The document's own dialect (3.1: JSON Schema 2020-12) applies: no `$schema` in each schema. */
function withoutDialect({ $schema: _, ...schema }: Json): Json {
  return schema;
}

/**
 * Escapes a `-` that opens or closes a character class (`[+-]`, zod's own date-time
 * pattern has one): the same set, but one that JavaScript's `v` flag, and validators
 * compiling with it, accept.
 */
function portable(node: Json): Json {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') node[key] = value.replace(/(?<!\\)-\]/g, '\\-]').replace(/\[(\^?)-/g, '[$1\\-');
    else if (value && typeof value === 'object') portable(value as Json);
  }
  return node;
}

/** `limit` travels as text, but means a whole number: the document says so, with its range and default. */
const LIMIT = { type: 'integer', minimum: 1, maximum: 100, default: 25 };

/** Every rule of the policy, in the words a refusal uses (an empty password misses them all). */
const PASSWORD_RULES = passwordShortfalls('');

/** The user pool's policy on every password field: a 400 lists what a password lacks. */
const PASSWORD = {
  minLength: PASSWORD_POLICY.minLength,
  description: `The new password. The pool's policy: ${PASSWORD_RULES.join(', ')}. A password that misses any is refused with 400 invalid-input naming what it lacks.`,
  'x-gatehouse-password-policy': { ...PASSWORD_POLICY },
};

function parameters(route: RouteDefinition): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [['path', route.request.params], ['query', route.request.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema(), 'input');
    const shape = (schema() as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    for (const [name, property] of Object.entries((json.properties ?? {}) as Record<string, Json>)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        description: parameterDescription(route.id, name),
        schema: shape[name] === pageQuery().shape.limit ? LIMIT : property,
        ...(where === 'path' ? { example: SAMPLE_VALUES[name] ?? sample(property, name) } : {}),
      });
    }
  }
  if (route.request.ifMatch) {
    list.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The ETag of the version you read (GET answers it in `ETag`). The change is made only if the resource is still at that version; otherwise 412 version-mismatch. Without it, the change applies to whatever version is current.',
      schema: { type: 'string', pattern: '^(W/)?"?[0-9]{1,15}"?$' },
      example: '"3"',
    });
  }
  return list;
}

function describeAccess(route: RouteDefinition): string {
  if (route.request.bearer === 'optional') return 'Public; an ID token, when sent, acts for that account.';
  if (route.access === 'public') return 'Public: no token.';
  if (route.access === 'signedIn') return 'Any signed-in user.';
  if (route.access === 'owner') return 'An owner of the organisation.';
  if (route.access === 'domainMember') return 'An active or pending member of the domain.';
  return `Needs ${requiredPermissions(route.access).join(' and ')} in the domain.`;
}

/**
 * Every problem type a route can answer, by status: those every route of its kind can
 * (from its access, inputs and If-Match), then its own (`route.problems`).
 */
export function problemsOf(route: RouteDefinition): Map<number, ProblemSlug[]> {
  const slugs: ProblemSlug[] = [];
  const { request } = route;
  // Every route, inputs or none: the gateway refuses a header or query parameter named
  // __proto__ with invalid-input before any handler runs (local/gateway.ts BadName).
  slugs.push('invalid-input');
  if (route.access !== 'public' || request.bearer === 'optional') slugs.push('unauthorized');
  if (route.access === 'owner') slugs.push('owner-required');
  if (route.access !== 'public' && isDomainScoped(route)) {
    slugs.push('membership-inactive');
    if (route.access !== 'domainMember') slugs.push('membership-pending', 'permission-missing');
  }
  if (request.params) slugs.push('not-found');
  if (request.ifMatch) slugs.push('version-mismatch');
  // The gateway reads a body on any route (API Gateway's own limit is 10 MiB): any route can be too large.
  slugs.push('payload-too-large');
  if (request.body) slugs.push('unsupported-media-type');
  slugs.push(...(route.problems ?? []), 'throttled', 'internal', 'bad-gateway', 'gateway-timeout');
  const byStatus = new Map<number, ProblemSlug[]>();
  for (const slug of slugs) {
    const list = byStatus.get(PROBLEMS[slug].status) ?? [];
    if (!list.includes(slug)) list.push(slug);
    byStatus.set(PROBLEMS[slug].status, list);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/** Headers that come with a status whatever the route. */
const PROBLEM_HEADERS: Record<number, Json> = {
  401: { 'WWW-Authenticate': { required: true, description: 'Names the scheme that works: `Bearer`.', schema: { type: 'string' } } },
  429: { 'Retry-After': { required: true, description: 'Seconds to wait before trying again.', schema: { type: 'string', pattern: '^[0-9]+$' } } },
};

function problemResponse(status: number, slugs: readonly ProblemSlug[]): Json {
  const first = PROBLEMS[slugs[0] as ProblemSlug];
  const example: Json = { type: PROBLEM_BASE + slugs[0], title: first.title, status, detail: first.meaning };
  if (slugs[0] === 'invalid-input') example.errors = [{ path: 'body.email', message: 'must be an email address' }];
  if (status >= 500) example.requestId = 'c0ffee00-1234-4abc-8def-0123456789ab';
  return {
    description: `${first.title}: ${slugs.join(', ')} (see x-gatehouse-problems)`,
    ...(PROBLEM_HEADERS[status] ? { headers: PROBLEM_HEADERS[status] } : {}),
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }], properties: { type: { enum: slugs.map((slug) => PROBLEM_BASE + slug) } } },
        example,
      },
    },
  };
}

const SUCCESS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted: the work waits on something, such as an emailed link', 204: 'Done; no body' };

/** The answers that are not JSON, by media type: what they hold, and a sample. */
const TEXT_ANSWERS: Record<string, { description: string; example: string }> = {
  'text/csv': { description: 'The same content as a spreadsheet (RFC 4180), one row per member.', example: 'userId,email,name,role,status\n' },
  'text/html': { description: 'A web page.', example: '<!doctype html>' },
  'text/javascript': { description: 'A script.', example: '/*! redoc */' },
};

function successResponse(route: RouteDefinition): Json {
  const body = route.response.body?.();
  const alternatives = Object.fromEntries(
    (route.response.alternatives ?? []).map((type) => {
      const text = TEXT_ANSWERS[type];
      if (!text) throw new Error(`${route.id}: describe the media type ${type} in TEXT_ANSWERS (shared/http/openapi.ts)`);
      return [type, { schema: { type: 'string', description: text.description }, example: text.example }];
    }),
  );
  if (!body) return { description: SUCCESS[route.response.status], ...(route.response.alternatives ? { content: alternatives } : {}) };
  const schema = schemaOf(body, 'output');
  const etag = schema.properties?.version
    ? { headers: { ETag: { required: true, description: 'The version of the resource, for a later `If-Match`.', schema: { type: 'string' } } } }
    : {};
  return {
    description: SUCCESS[route.response.status],
    ...etag,
    content: { ...jsonContent(schema), ...alternatives },
  };
}

function requestBody(route: RouteDefinition): Json | undefined {
  const body = route.request.body?.();
  if (!body) return undefined;
  const schema = schemaOf(body, 'input');
  if (route.method === 'PATCH') schema.minProperties = 1;
  if (schema.properties?.password) Object.assign(schema.properties.password, PASSWORD);
  return {
    // A body the schema accepts when absent (checkout's `{holderId?}`) is optional.
    required: !z.safeParse(body, undefined).success,
    description: `JSON, at most ${JSON_BODY_LIMIT}.`,
    content: {
      ...jsonContent(schema),
      ...(route.request.csv ? { 'text/csv': { schema: schemaOf(route.request.csv(), 'input'), example: SAMPLE_INVITATION_CSV } } : {}),
    },
  };
}

/** A JSON media type with its schema and an example made from it. */
const jsonContent = (schema: Json) => ({ 'application/json': { schema, example: sample(schema) } });

/**
 * A value that fits `schema`, made of the sample values (by property name) where they
 * fit, and of the schema's own first choices elsewhere: the example of every body.
 */
export function sample(schema: Json, key?: string): unknown {
  const named = key === undefined ? undefined : SAMPLE_VALUES[key];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.includes(named) ? named : schema.enum[0];
  const options = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (options) return sample(options.find((option) => option.type !== 'null') ?? (options[0] as Json), key);
  switch (schema.type) {
    case 'object': {
      const out: Json = {};
      for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) out[name] = sample(property, name);
      return out;
    }
    case 'array':
      return Array.isArray(named) ? named : [sample(schema.items ?? {}, key?.replace(/s$/, ''))];
    case 'string':
      if (typeof named === 'string') return named;
      if (schema.format === 'date-time') return SAMPLE_TIME;
      return schema.format === 'email' ? SAMPLE_VALUES.email : 'text';
    case 'integer':
    case 'number':
      return typeof named === 'number' ? named : key === 'version' ? 3 : Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return key === 'owner' ? false : true;
    default:
      return named ?? null;
  }
}

const problemSchema = () => ({
  type: 'object',
  description: 'An RFC 9457 problem. `type` names the problem (the catalogue in x-gatehouse-problems says what each means and what to do).',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { $ref: '#/components/schemas/ProblemType' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'A sentence a person can act on.' },
    errors: {
      type: 'array',
      description: 'With invalid-input and unknown-role: each offending field (`body.email`, `query.limit`, `csv.row 3.role`) and what it must be.',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    assetsHeld: {
      type: 'array',
      description: 'With member-holds-assets: the assets the member still holds.',
      items: { type: 'object', required: ['id', 'name', 'tag'], properties: { id: { type: 'string' }, name: { type: 'string' }, tag: { type: 'string' } } },
    },
    requestId: { type: 'string', description: 'With 5xx: the id to report to the operator.' },
  },
});

/** `Unauthorized`, `MembershipInactiveOrPermissionMissing`: the component name of an error response. */
const responseName = (slugs: readonly string[]) => slugs.map((slug) => slug.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())).join('Or');

/**
 * An operation, its error responses as references: routes share most of them (every route
 * can be throttled), so each distinct one is written once, under components.responses.
 */
function operation(route: RouteDefinition, shared: Record<string, Json>): Json {
  const errors: Json = {};
  for (const [status, slugs] of problemsOf(route)) {
    const name = responseName(slugs);
    shared[name] ??= problemResponse(status, slugs);
    errors[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  const body = requestBody(route);
  const security = route.request.bearer === 'optional' ? [{}, { cognito: [] }] : route.access === 'public' ? [] : undefined;
  return {
    operationId: route.id,
    summary: route.summary,
    description: [
      `${route.summary}.`,
      describeAccess(route),
      route.request.ifMatch ? 'Send `If-Match` with the ETag you read to make the change conditional.' : '',
    ]
      .filter(Boolean)
      .join(' '),
    tags: [tagOf(route)],
    'x-gatehouse-access': route.access,
    ...(security ? { security } : {}),
    parameters: parameters(route),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(route.response.status)]: successResponse(route),
      ...(route.response.accepted
        ? {
            '202': {
              description: SUCCESS[202],
              content: jsonContent(schemaOf(route.response.accepted(), 'output')),
            },
          }
        : {}),
      ...errors,
    },
  };
}

/** The problem catalogue as a Markdown table, so the rendered reference (/docs) shows it first. */
function problemTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = Object.entries(PROBLEMS).map(([slug, p]) => `| \`${slug}\` | ${p.status} | ${cell(p.meaning)} | ${cell(p.action)} |`);
  return ['# Problem types', '', `Every error's \`type\` is \`${PROBLEM_BASE}<slug>\`.`, '', '| Slug | Status | Meaning | What to do |', '|---|---|---|---|', ...rows].join('\n');
}

/** Builds the document for a list of routes. */
export function openApiDocument(routes: readonly RouteDefinition[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const responses: Record<string, Json> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, responses);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gatehouse',
      version: '1.0.0',
      summary: 'Team and Access: members, roles, invitations, history.',
      description:
        'Invite people by email or by a shareable link, give them roles and permissions, deactivate or remove them, review access and read the history. ' +
        'Every error is an RFC 9457 problem (`application/problem+json`); `x-gatehouse-problems` lists every problem type with what it means and what to do. ' +
        'Authenticate with a Cognito ID token of the stack\'s user pool as `Authorization: Bearer <token>`.\n\n' +
        problemTable(),
      contact: { name: 'Gatehouse', url: 'https://gatehouse.dev' },
      license: { name: 'Proprietary', url: 'https://gatehouse.dev/license' },
    },
    servers: [{ url: '/', description: 'The stack this document was served by.' }],
    security: [{ cognito: [] }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "A Cognito ID token of the stack's user pool." } },
      schemas: {
        Problem: problemSchema(),
        ProblemType: { type: 'string', description: 'Every problem type this API answers.', enum: Object.keys(PROBLEMS).map((slug) => PROBLEM_BASE + slug) },
      },
      responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
    },
    'x-gatehouse-problems': Object.entries(PROBLEMS).map(([slug, problem]) => ({ type: PROBLEM_BASE + slug, slug, ...problem })),
    'x-gatehouse-events': eventCatalogue((schema) => schemaOf(schema, 'output')),
  };
}
