import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/http/openapi.ts';
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
