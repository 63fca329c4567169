/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas that
 * validate requests, so the document cannot drift from what the API accepts.
 */
import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import { isDomainScoped, requiredPermissions, type RouteDefinition } from '#shared/http/route.ts';

const problem = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    assetsHeld: {
      type: 'array',
      description: 'With member-holds-assets: the assets the member still holds.',
      items: { type: 'object', required: ['id', 'name', 'tag'], properties: { id: { type: 'string' }, name: { type: 'string' }, tag: { type: 'string' } } },
    },
  },
};

const schemaOf = (schema: zc.$ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });

function parameters(route: RouteDefinition) {
  const list: Record<string, unknown>[] = [];
  for (const [where, schema] of [['path', route.request.params], ['query', route.request.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema(), 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

function describeAccess(route: RouteDefinition): string {
  if (route.access === 'public') return 'Public: no token.';
  if (route.access === 'signedIn') return 'Any signed-in user.';
  if (route.access === 'owner') return 'An owner of the organisation.';
  if (route.access === 'domainMember') return 'An active or pending member of the domain.';
  return `Needs ${requiredPermissions(route.access).join(' and ')} in the domain.`;
}

/** Builds the document for a list of routes. */
export function openApiDocument(routes: readonly RouteDefinition[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const errors: Record<string, unknown> = { '400': { $ref: '#/components/responses/Problem' } };
    if (route.access !== 'public') errors['401'] = { $ref: '#/components/responses/Problem' };
    if (route.access !== 'public' && route.access !== 'signedIn') errors['403'] = { $ref: '#/components/responses/Problem' };
    if (isDomainScoped(route)) errors['404'] = { $ref: '#/components/responses/Problem' };
    const body = route.response.body?.();
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      description: describeAccess(route),
      'x-gatehouse-access': route.access,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters: parameters(route),
      ...(route.request.body
        ? {
            requestBody: {
              // A body the schema accepts when absent (checkout's `{holderId?}`) is optional.
              required: !z.safeParse(route.request.body(), undefined).success,
              content: {
                'application/json': { schema: schemaOf(route.request.body(), 'input') },
                ...(route.request.csv ? { 'text/csv': { schema: schemaOf(route.request.csv(), 'input') } } : {}),
              },
            },
          }
        : {}),
      responses: {
        [String(route.response.status)]: {
          description: 'Success',
          ...(body
            ? {
                content: {
                  'application/json': { schema: schemaOf(body, 'output') },
                  ...Object.fromEntries((route.response.alternatives ?? []).map((type) => [type, { schema: { type: 'string' } }])),
                },
              }
            : {}),
        },
        ...(route.response.accepted
          ? { '202': { description: 'Accepted: the effect waits on an emailed link', content: { 'application/json': { schema: schemaOf(route.response.accepted(), 'output') } } } }
          : {}),
        ...errors,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Gatehouse', version: '1.0.0', description: 'Team and Access: members, roles, invitations, history.' },
    servers: [{ url: '/' }],
    security: [{ cognito: [] }],
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token.' } },
      schemas: { Problem: problem },
      responses: { Problem: { description: 'RFC 9457 problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
    },
    paths,
  };
}
