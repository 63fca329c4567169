import { describe, expect, it } from 'vitest';
import { createContractChecker, type Exchange, type OpenApiDocument } from '../contract/checker.ts';
import { suiteDocument } from '../contract/suite-check.ts';

/** A tiny document: one operation with a versioned body, an ETag header, a $ref'd problem and a CSV alternative. */
const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Tiny', version: '1' },
  paths: {
    '/things/{thingId}': {
      get: {
        operationId: 'getThing',
        'x-note': 'an extension the strict compiler must accept',
        responses: {
          '200': {
            description: 'The thing',
            headers: { ETag: { required: true, schema: { type: 'string', pattern: '^"\\d+"$' } }, 'X-Optional': { schema: { type: 'string', maxLength: 3 } } },
            content: {
              'application/json': {
                schema: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'integer' }, seenAt: { type: 'string', format: 'date-time' } }, additionalProperties: false },
              },
              'text/csv': { schema: { type: 'string', pattern: '^id,' } },
            },
          },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/things/special': { get: { operationId: 'getSpecialThing', responses: { '204': { description: 'Nothing' } } } },
  },
  components: {
    schemas: { Problem: { type: 'object', required: ['type', 'status'], properties: { type: { type: 'string' }, status: { type: 'integer' } } } },
    responses: { Problem: { description: 'A problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
  },
};

function answer(status: number, body: unknown, headers: Record<string, string> = {}, target = '/things/t1', method = 'GET'): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type: Record<string, string> = typeof body === 'string' ? {} : { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8' };
  return { method, target, status, headers: new Headers({ ...type, ...headers }), body: text };
}

const thing = { id: 't1', version: 3, seenAt: '2026-12-02T06:00:00.000Z' };
const etag = { ETag: '"3"' };

describe('the contract checker', () => {
  const checker = createContractChecker(document);

  it('passes an answer that keeps the document: documented status, body, media type and headers', () => {
    expect(checker.check(answer(200, thing, etag))).toMatchObject({ operation: 'getThing', path: '/things/{thingId}', status: 200, violations: [] });
    expect(checker.check(answer(200, 'id,name\nt1,x\n', { 'content-type': 'text/csv', ...etag })).violations).toEqual([]);
    expect(checker.check(answer(404, { type: 'https://x.test/problems/not-found', status: 404 })).problemType).toBe('not-found');
  });

  it('fails a body that does not match the schema of its status, through $refs too, naming what is wrong', () => {
    const extra = checker.check(answer(200, { ...thing, createdAt: 'yesterday' }, etag));
    expect(extra.violations).toHaveLength(1);
    expect(extra.violations[0]).toMatch(/does not match the application\/json schema.*additionalProperties/);
    expect(checker.check(answer(200, { ...thing, seenAt: 'yesterday' }, etag)).violations[0]).toMatch(/format/);
    expect(checker.check(answer(200, 'name\nx\n', { 'content-type': 'text/csv', ...etag })).violations[0]).toMatch(/text\/csv schema.*pattern/);
    expect(checker.check(answer(404, { type: 'https://x.test/problems/not-found', status: '404' })).violations[0]).toMatch(/application\/problem\+json schema.*\/status must be integer/);
    expect(checker.check(answer(200, '{"id":', { 'content-type': 'application/json', ...etag })).violations).toEqual(['the application/json body is no JSON']);
  });

  it('fails an undocumented status, even with a valid problem body', () => {
    const result = checker.check(answer(409, { type: 'https://x.test/problems/conflict', status: 409 }));
    expect(result.violations[0]).toBe('the status 409 is not documented (documented: 200, 404)');
    expect(result.problemType).toBe('conflict');
  });

  it('fails an answer without a required documented header, or with a header off its schema', () => {
    expect(checker.check(answer(200, thing)).violations).toEqual(['the required header ETag is missing']);
    expect(checker.check(answer(200, thing, { ETag: 'W/"3"' })).violations[0]).toMatch(/^the header ETag: "W\/\\"3\\"" does not match its schema/);
    expect(checker.check(answer(200, thing, { ...etag, 'X-Optional': 'too long' })).violations[0]).toMatch(/X-Optional/);
  });

  it('fails an undocumented media type, and a body where the document has none', () => {
    expect(checker.check(answer(200, 'id\n', { 'content-type': 'text/plain', ...etag })).violations[0]).toMatch(/media type text\/plain is not documented/);
    expect(checker.check(answer(204, 'surprise', { 'content-type': 'text/plain' }, '/things/special')).violations[0]).toMatch(/a body .* where the document has none/);
  });

  it('matches literal path segments before parameters, as the gateway does', () => {
    expect(checker.check(answer(204, '', {}, '/things/special')).operation).toBe('getSpecialThing');
    expect(checker.check(answer(200, thing, etag, '/things/special%20one?x=1')).operation).toBe('getThing');
  });

  it('holds answers that reach no operation to what the gateway answers itself', () => {
    const problem = (status: number) => ({ type: 'https://x.test/problems/x', status });
    expect(checker.check(answer(404, problem(404), {}, '/nothing/here'))).toMatchObject({ operation: 'gateway:no-such-path', violations: [] });
    expect(checker.check(answer(200, thing, {}, '/nothing/here')).violations[0]).toMatch(/answers no-such-path with 404, not 200/);
    expect(checker.check(answer(405, problem(405), { Allow: 'GET' }, '/things/t1', 'DELETE'))).toMatchObject({ operation: 'gateway:no-such-method', violations: [] });
    expect(checker.check(answer(405, problem(405), {}, '/things/t1', 'DELETE')).violations).toEqual(['the required header Allow is missing']);
    expect(checker.check(answer(204, '', { 'Access-Control-Allow-Methods': 'GET, OPTIONS' }, '/things/t1', 'OPTIONS')).violations).toEqual([]);
    expect(checker.check(answer(400, problem(400), {}, '/things/%E0%A4%A')).operation).toBe('gateway:undecodable-path');
  });

  it('compiles the whole suite document, the API and the local test routes, in strict mode', () => {
    const suite = createContractChecker(suiteDocument());
    expect(suite.check(answer(200, { status: 'ok' }, {}, '/health')).operation).toBe('getHealth');
    expect(suite.check(answer(200, { deleted: 0 }, {}, '/__local/ttl-sweep', 'POST'))).toMatchObject({ operation: 'localTtlSweep', violations: [] });
  });
});
