import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { NotFound, PermissionMissing } from '#shared/http/errors.ts';
import { buildHandler, MAX_BODY_BYTES } from '#shared/http/pipeline.ts';
import { defineRoute } from '#shared/http/route.ts';

const route = defineRoute({
  id: 'testRoute',
  method: 'POST',
  path: '/things/{thingId}',
  summary: 'test',
  access: 'public',
  handler: 'test',
  request: {
    params: () => z.strictObject({ thingId: z.string().check(z.regex(/^[a-z]+$/)) }),
    body: () => z.strictObject({ name: z.string().check(z.minLength(1)), size: z.int() }),
    ifMatch: true,
  },
  response: { status: 201, body: () => z.object({ name: z.string(), version: z.number() }) },
  table: [],
});

const noAuth = async () => ({ caller: undefined, access: undefined });
const context = { awsRequestId: 'lambda-req' } as Context;

function event(body: string | null, headers: Record<string, string> = { 'content-type': 'application/json' }, thingId = 'abc') {
  return { body, headers, pathParameters: { thingId }, queryStringParameters: null, requestContext: { requestId: 'req-1' } } as unknown as APIGatewayProxyEvent;
}

const echo = buildHandler(route, noAuth, async ({ body, ifMatch }) => ({ name: body.name, version: ifMatch ?? 7 }));

describe('the request pipeline', () => {
  it('answers with the route status, JSON and an ETag from the version', async () => {
    const res = await echo(event(JSON.stringify({ name: 'a', size: 1 })), context);
    expect(res.statusCode).toBe(201);
    expect(res.headers?.ETag).toBe('"7"');
    expect(JSON.parse(res.body)).toEqual({ name: 'a', version: 7 });
  });

  it('lists every offending field of the body in one 400', async () => {
    const res = await echo(event(JSON.stringify({ size: 'big', extra: true })), context);
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['Content-Type']).toBe('application/problem+json');
    const problem = JSON.parse(res.body);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body', 'body.name', 'body.size']);
    expect(problem.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
  });

  it('validates the path before authorizing, and the body only after', async () => {
    const res = await echo(event(JSON.stringify({ size: 'big', extra: true }), undefined, 'BAD1'), context);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors.map((e: { path: string }) => e.path)).toEqual(['path.thingId']);
    const refuse = vi.fn(async () => {
      throw new PermissionMissing('things:create');
    });
    const guarded = buildHandler(route, refuse, async ({ body }) => ({ name: body.name, version: 1 }));
    const forbidden = await guarded(event(JSON.stringify({ size: 'big', extra: true })), context);
    expect(forbidden.statusCode).toBe(403);
    expect(JSON.parse(forbidden.body).errors).toBeUndefined();
    expect(refuse).toHaveBeenCalledTimes(1);
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const res = await echo(event(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES), size: 1 })), context);
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).status).toBe(413);
  });

  it('refuses malformed JSON with 400 and a non-JSON content type with 415', async () => {
    expect((await echo(event('{"name":'), context)).statusCode).toBe(400);
    expect((await echo(event('name=a', { 'content-type': 'application/x-www-form-urlencoded' }), context)).statusCode).toBe(415);
  });

  it('reads If-Match as a version and refuses one it did not issue', async () => {
    const ok = await echo(event(JSON.stringify({ name: 'a', size: 1 }), { 'content-type': 'application/json', 'If-Match': '"3"' }), context);
    expect(JSON.parse(ok.body).version).toBe(3);
    const bad = await echo(event(JSON.stringify({ name: 'a', size: 1 }), { 'content-type': 'application/json', 'if-match': 'abc' }), context);
    expect(bad.statusCode).toBe(400);
  });

  it('renders a typed error as its problem, and an unexpected one as a bare 500 with the request id', async () => {
    const notFound = buildHandler(route, noAuth, async () => {
      throw new NotFound('No thing abc.');
    });
    const nf = await notFound(event(JSON.stringify({ name: 'a', size: 1 })), context);
    expect(nf.statusCode).toBe(404);
    expect(JSON.parse(nf.body)).toMatchObject({ status: 404, detail: 'No thing abc.', type: expect.stringContaining('not-found') });

    const broken = buildHandler(route, noAuth, async () => {
      throw new Error('secret internals: table gatehouse-x at 10.0.0.1');
    });
    const res = await broken(event(JSON.stringify({ name: 'a', size: 1 })), context);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internals');
    expect(JSON.parse(res.body)).toMatchObject({ status: 500, requestId: 'req-1' });
  });
});

describe('CORS on answers', () => {
  it("names the caller's origin only when it is one of the app's", async () => {
    process.env.APP_ORIGINS = 'https://app.example.com';
    vi.resetModules();
    const { buildHandler: build } = await import('#shared/http/pipeline.ts');
    const handler = build(route, noAuth, async ({ body }) => ({ name: body.name, version: 1 }));
    const ok = await handler(event(JSON.stringify({ name: 'a', size: 1 }), { 'content-type': 'application/json', Origin: 'https://app.example.com' }), context);
    expect(ok.headers?.['Access-Control-Allow-Origin']).toBe('https://app.example.com');
    expect(ok.headers?.Vary).toBe('Origin');
    const bad = await handler(event('{', { 'content-type': 'application/json', Origin: 'https://app.example.com' }), context);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['Access-Control-Allow-Origin']).toBe('https://app.example.com');
    const foreign = await handler(event(JSON.stringify({ name: 'a', size: 1 }), { 'content-type': 'application/json', Origin: 'https://evil.example' }), context);
    expect(foreign.headers?.['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
