import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { GATEWAY_PROBLEMS } from '#infra/api.ts';
import { PROBLEM_BASE } from '#shared/http/errors.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { PROBLEMS, type ProblemSlug } from '#shared/http/problems.ts';
import { EMAIL_PATTERN } from '#shared/http/schemas.ts';
import { PASSWORD_POLICY } from '#shared/password-policy.ts';
import { ROUTES } from '#shared/routes/index.ts';

describe('the OpenAPI document', () => {
  const doc = openApiDocument(ROUTES);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Record<string, unknown> })),
  );

  it('has exactly one operation per route of the route table, with its id', () => {
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(ROUTES.length);
  });

  it('marks public routes as needing no token and documents the rest with 401', () => {
    for (const route of ROUTES) {
      const op = (doc.paths[route.path] as Record<string, Record<string, unknown>>)[route.method.toLowerCase()] ?? {};
      if (route.request.bearer === 'optional') expect(op.security, route.id).toEqual([{}, { cognito: [] }]);
      else if (route.access === 'public') expect(op.security, route.id).toEqual([]);
      else expect(Object.keys(op.responses as object), route.id).toContain('401');
    }
  });

  it('says which bodies are required, from the schemas themselves', () => {
    const body = (path: string, method: string) => ((doc.paths[path] as Record<string, { requestBody?: { required: boolean } }>)[method]?.requestBody)?.required;
    expect(body('/domains/{domainId}/settings', 'patch')).toBe(true);
    expect(body('/domains/{domainId}/assets/{assetId}/checkout', 'post')).toBe(false);
  });
});

type Json = Record<string, any>;

// Compiling every schema of the document with ajv takes seconds on a busy machine.
describe('the document a front-end developer builds on', { timeout: 60_000 }, () => {
  const doc = openApiDocument(ROUTES) as Json;
  const op = (id: string): Json => {
    const route = ROUTES.find((r) => r.id === id)!;
    return doc.paths[route.path][route.method.toLowerCase()];
  };
  /** A response of an operation, its $ref to a shared component followed. */
  const response = (id: string, status: number): Json | undefined => {
    const found = op(id).responses[String(status)];
    return found?.$ref ? doc.components.responses[found.$ref.split('/').pop()] : found;
  };
  const problemTypes = (id: string, status: number): string[] =>
    response(id, status)?.content['application/problem+json'].schema.properties.type.enum.map((uri: string) => uri.replace(PROBLEM_BASE, '')) ?? [];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema(doc, 'doc');
  const pointer = (...parts: string[]) => `doc#/${parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

  it('documents the conflicts, gone links, versions, sizes, media types, throttling and failures each operation can answer', () => {
    expect(problemTypes('patchMember', 409)).toEqual(expect.arrayContaining(['last-admin', 'role-required', 'busy']));
    expect(problemTypes('deleteRole', 409)).toEqual(expect.arrayContaining(['role-in-use', 'built-in-role']));
    expect(problemTypes('checkoutAsset', 409)).toContain('asset-checked-out');
    expect(problemTypes('createReservation', 409)).toContain('reservation-overlaps');
    expect(problemTypes('deleteLocation', 409)).toContain('location-not-empty');
    expect(problemTypes('addMember', 409)).toContain('already-member');
    expect(problemTypes('acceptInvitation', 410)).toEqual(['invitation-used', 'invitation-revoked', 'invitation-expired']);
    expect(problemTypes('patchSettings', 412)).toEqual(['version-mismatch']);
    expect(problemTypes('createInvitations', 413)).toEqual(['payload-too-large']);
    expect(problemTypes('createInvitations', 415)).toEqual(['unsupported-media-type']);
    expect(problemTypes('createInvitations', 429)).toEqual(expect.arrayContaining(['daily-email-limit', 'throttled']));
    for (const route of ROUTES) {
      expect(problemTypes(route.id, 429), route.id).toContain('throttled');
      expect(problemTypes(route.id, 500), route.id).toEqual(['internal']);
      if (route.access !== 'public') expect(problemTypes(route.id, 401), route.id).toEqual(['unauthorized']);
      for (const slug of route.problems ?? []) expect(problemTypes(route.id, PROBLEMS[slug].status), route.id).toContain(slug);
    }
    expect(response('getHealth', 401)).toBeUndefined();
  });

  it('says what each error needs: Retry-After on 429, WWW-Authenticate on 401, application/problem+json always', () => {
    expect(response('createInvitations', 429)?.headers['Retry-After'].required).toBe(true);
    expect(response('getMe', 401)?.headers['WWW-Authenticate'].required).toBe(true);
    for (const route of ROUTES) {
      for (const [status, answer] of Object.entries(op(route.id).responses as Record<string, Json>)) {
        if (Number(status) < 400) continue;
        const resolved = answer.$ref ? doc.components.responses[answer.$ref.split('/').pop()] : answer;
        expect(Object.keys(resolved.content), `${route.id} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('publishes the catalogue of problem types, and every problem the code throws is in it', async () => {
    const catalogue = doc['x-gatehouse-problems'] as { slug: string; status: number; meaning: string; action: string }[];
    expect(catalogue.map((p) => p.slug).sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const problem of catalogue) expect(problem.meaning.length * problem.action.length, problem.slug).toBeGreaterThan(0);
    for (const { problem } of GATEWAY_PROBLEMS) expect(PROBLEMS[problem.slug as ProblemSlug]?.status, problem.slug).toBe(problem.status);
    // The slugs named where errors are made: `new Conflict('...', 'last-admin')`, `super(409, 'tag-taken', ...)`.
    const thrown = new Set<string>();
    for (const file of await sourceFiles(['shared', 'functions', 'local'])) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/new (?:Conflict|ConflictWith|Forbidden|HttpError)\([^;]*?'([a-z]+(?:-[a-z]+)+)'/gs)) thrown.add(match[1]!);
      for (const match of text.matchAll(/super\(\s*(?:\d{3},\s*)?'([a-z]+(?:-[a-z]+)+)'/g)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((slug) => !(slug in PROBLEMS))).toEqual([]);
  });

  it('tags every operation with its area and describes every operation and parameter', () => {
    const tags = new Set((doc.tags as { name: string }[]).map((t) => t.name));
    for (const route of ROUTES) {
      const operation = op(route.id);
      expect(operation.tags.length, route.id).toBe(1);
      expect(tags.has(operation.tags[0]), route.id).toBe(true);
      expect(operation.description.length, route.id).toBeGreaterThan(route.summary.length);
      for (const parameter of operation.parameters as Json[]) expect(parameter.description, `${route.id} ${parameter.name}`).toBeTruthy();
    }
    expect(op('listMembers').tags).toEqual(['members']);
    expect(op('listMemberAssets').tags).toEqual(['assets']);
    expect(op('getAccessReview').tags).toEqual(['access review']);
  });

  it('gives an example for every request and response body, and each one is valid against its schema', () => {
    let checked = 0;
    for (const route of ROUTES) {
      const operation = op(route.id);
      const media: [string[], Json][] = [];
      for (const [type, content] of Object.entries((operation.requestBody?.content ?? {}) as Record<string, Json>)) media.push([['paths', route.path, route.method.toLowerCase(), 'requestBody', 'content', type], content]);
      for (const [status, answer] of Object.entries(operation.responses as Record<string, Json>)) {
        const at = answer.$ref ? ['components', 'responses', answer.$ref.split('/').pop()] : ['paths', route.path, route.method.toLowerCase(), 'responses', status];
        const resolved = answer.$ref ? doc.components.responses[at[2]!] : answer;
        for (const [type, content] of Object.entries((resolved.content ?? {}) as Record<string, Json>)) media.push([[...at, 'content', type], content]);
      }
      for (const [at, content] of media) {
        expect(content.example, at.join(' ')).toBeDefined();
        const validate = ajv.compile({ $ref: pointer(...at, 'schema') });
        expect(validate(content.example), `${at.join(' ')}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
      // The request example is one the API itself accepts.
      const json = operation.requestBody?.content['application/json'];
      if (json) expect(z.safeParse(route.request.body!(), json.example).success, route.id).toBe(true);
    }
    expect(checked).toBeGreaterThan(ROUTES.length * 2);
  });

  it('types limit as a whole number from 1 to 100 with its default, timestamps as date-time and addresses as email', () => {
    const limit = (op('listMembers').parameters as Json[]).find((p) => p.name === 'limit');
    expect(limit?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 25 });
    const member = op('getMember').responses['200'].content['application/json'].schema;
    expect(member.properties.createdAt.format).toBe('date-time');
    expect(member.properties.email.format).toBe('email');
    expect(op('addMember').requestBody.content['application/json'].schema.properties.email.format).toBe('email');
  });

  it('refuses an empty PATCH in the document as the API does, and says where duplicates are refused', () => {
    const patches = ROUTES.filter((r) => r.method === 'PATCH');
    expect(patches.length).toBe(6);
    for (const route of patches) {
      expect(op(route.id).requestBody.content['application/json'].schema.minProperties, route.id).toBe(1);
      expect(z.safeParse(route.request.body!(), {}).success, route.id).toBe(false);
    }
    expect(op('createRole').requestBody.content['application/json'].schema.properties.permissions.uniqueItems).toBe(true);
    expect(z.safeParse(ROUTES.find((r) => r.id === 'createRole')!.request.body!(), { name: 'x', permissions: ['members:view', 'members:view'] }).success).toBe(false);
  });

  it('documents ETag where answers carry a version, and If-Match where routes honour it', () => {
    expect(op('getMember').responses['200'].headers.ETag.required).toBe(true);
    expect(op('listMembers').responses['200'].headers).toBeUndefined();
    for (const route of ROUTES) {
      const ifMatch = (op(route.id).parameters as Json[]).find((p) => p.name === 'If-Match');
      expect(ifMatch?.in, route.id).toBe(route.request.ifMatch ? 'header' : undefined);
    }
    expect(ROUTES.filter((r) => r.request.ifMatch).map((r) => r.id).sort()).toEqual(
      ['checkinAsset', 'checkoutAsset', 'deleteAsset', 'deleteLocation', 'deleteMember', 'deleteRole', 'patchAsset', 'patchLocation', 'patchMember', 'patchRole', 'patchSettings'].sort(),
    );
  });

  it('takes a CSV of invitees as text/csv only, described with its columns and limit; no {csv} JSON form', () => {
    const content = op('createInvitations').requestBody.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'text/csv']);
    expect(content['text/csv'].schema.description).toMatch(/email,role,language[\s\S]*500 rows/);
    expect(Object.keys(content['application/json'].schema.properties)).not.toContain('csv');
    expect(content['application/json'].schema.anyOf).toBeUndefined();
  });

  it("puts the pool's password rules on every password field", () => {
    for (const id of ['acceptInvitation', 'completePasswordReset']) {
      const password = op(id).requestBody.content['application/json'].schema.properties.password;
      expect(password.minLength, id).toBe(PASSWORD_POLICY.minLength);
      expect(password.description, id).toContain('upper-case');
      expect(password['x-gatehouse-password-policy'], id).toEqual(PASSWORD_POLICY);
    }
  });

  it('uses only patterns that compile under the v flag and in a JSON Schema validator', () => {
    const patterns: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'pattern' && typeof value === 'string') patterns.push(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    const distinct = [...new Set(patterns)];
    expect(distinct.length).toBeGreaterThan(5);
    const strict = new Ajv2020({ strict: true });
    for (const pattern of distinct) {
      expect(() => new RegExp(pattern, 'v'), pattern).not.toThrow();
      expect(() => strict.compile({ type: 'string', pattern }), pattern).not.toThrow();
    }
    // The address pattern itself, escaped for the v flag, still tells addresses from the rest.
    expect(new RegExp(EMAIL_PATTERN.source, 'v').test('grace@acme.example')).toBe(true);
    expect(new RegExp(EMAIL_PATTERN.source, 'v').test('grace[at]acme.example')).toBe(false);
  });
});

async function sourceFiles(roots: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const root of roots) {
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) files.push(join(entry.parentPath, entry.name));
    }
  }
  return files;
}
