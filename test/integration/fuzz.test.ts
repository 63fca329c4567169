/**
 * Every route of the route table, fed generated bad input: wrong types, missing and
 * unknown fields, huge strings, bad ids, bad limits and cursors. Each answer must be a
 * 4xx problem+json; none may be a 5xx. New routes are covered as they join the table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { RouteDefinition } from '#shared/http/route.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { api, stack, tokenFor } from './helpers.ts';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[] };

const WRONG_VALUES: unknown[] = [null, 42, -1.5, true, 'text', [], {}, [1, 2], { nested: { deeper: 1 } }, 'x'.repeat(5000)];
// (A bare '..' is not sent: fetch resolves it away, as any HTTP client would, and calls the parent path.)
const BAD_IDS = ['x'.repeat(200), 'a b', 'semi;colon', 'a..b/c', '💥', 'DOMAIN#1', '%00'];

/** Bodies that break the schema: each property with each wrong value, nothing, unknown fields, not JSON. */
function badBodies(schema: JsonSchema): { label: string; body: string }[] {
  const bodies: { label: string; body: string }[] = [
    ...((schema.required ?? []).length > 0 ? [{ label: 'empty object, required fields missing', body: '{}' }] : []),
    { label: 'array', body: '[]' },
    { label: 'null', body: 'null' },
    { label: 'not JSON', body: '{"a":' },
    { label: 'string', body: '"hello"' },
    { label: 'unknown field only', body: JSON.stringify({ unexpectedField: 1 }) },
    { label: 'over 16 KiB', body: JSON.stringify({ blob: 'x'.repeat(17 * 1024) }) },
  ];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    for (const value of WRONG_VALUES) {
      if (accepts(property, value)) continue;
      bodies.push({ label: `${name} = ${JSON.stringify(value).slice(0, 30)}`, body: JSON.stringify({ [name]: value }) });
    }
  }
  return bodies;
}

/** Whether a (simple) JSON schema would accept the value as is: those mutations are skipped. */
function accepts(schema: JsonSchema, value: unknown): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => accepts(s, value));
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length === 0) return true;
  return types.some((type) => {
    if (value === null) return type === 'null';
    if (Array.isArray(value)) return type === 'array';
    if (type === 'integer') return Number.isInteger(value);
    if (type === 'object') return typeof value === 'object' && (schema.properties === undefined || Object.keys(value as object).length === 0);
    return typeof value === type && !(type === 'string' && (value as string).length > 1000);
  });
}

function fill(route: RouteDefinition, params: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'unknown-id'));
}

function expectProblem(res: { status: number; headers: Record<string, string> }, label: string) {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expect(res.headers['content-type'], label).toContain('application/problem+json');
}

let token: string;
let domainId: string;

beforeAll(async () => {
  const info = stack();
  token = await tokenFor(info.admin.email, info.admin.password);
  domainId = info.demoDomainId;
});

const label = (routes: readonly RouteDefinition[]) => routes.map((route) => [`${route.method} ${route.path}`, route] as const);
const auth = (route: RouteDefinition) => (route.access === 'public' ? {} : { token });
const placeholderBody = (route: RouteDefinition) => (route.request.body ? '{}' : undefined);

describe.each(label(ROUTES.filter((route) => route.path.includes('{'))))('%s with bad path ids', (_, route) => {
  it('answers each bad id with a 4xx problem', async () => {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    for (const name of names) {
      for (const bad of BAD_IDS) {
        const res = await api(route.method, fill(route, { domainId, [name]: bad }), { ...auth(route), rawBody: placeholderBody(route) });
        expectProblem(res, `${name}=${bad}`);
      }
    }
  });
});

describe.each(label(ROUTES.filter((route) => route.request.query)))('%s with bad paging', (_, route) => {
  it('answers bad limits and cursors with a 4xx problem', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'limit=', 'cursor=garbage', `cursor=${'A'.repeat(3000)}`, 'cursor=eyJwayI6IkRPTUFJTiMxIn0.AAAAAAAAAAAAAAAAAAAAAA', 'unknownParam=1']) {
      const res = await api(route.method, `${fill(route, { domainId })}?${query}`, { ...auth(route), rawBody: placeholderBody(route) });
      expectProblem(res, query);
    }
  });
});

describe.each(label(ROUTES.filter((route) => route.request.body)))('%s with bad bodies', (_, route) => {
  it('answers every generated bad body with a 4xx problem', async () => {
    const schema = z.toJSONSchema(route.request.body?.() ?? z.unknown(), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    for (const { label: what, body } of badBodies(schema)) {
      const res = await api(route.method, fill(route, { domainId }), { ...auth(route), rawBody: body });
      expectProblem(res, what);
    }
  });
});
