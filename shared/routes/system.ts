import * as z from 'zod/mini';
import { defineRoute } from '#shared/http/route.ts';
import { healthBody, lazy } from '#shared/http/schemas.ts';

export const getHealth = /* @__PURE__ */ defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/health',
  summary: 'Liveness: answers ok without touching any dependency',
  access: 'public',
  handler: 'functions/system/get-health.ts',
  request: {},
  response: { status: 200, body: healthBody },
  table: [],
});

export const getOpenApi = /* @__PURE__ */ defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  summary: 'The OpenAPI 3.1 document of this API, generated from the route table',
  access: 'public',
  handler: 'functions/system/get-openapi.ts',
  request: {},
  response: { status: 200, body: lazy(() => z.record(z.string(), z.unknown())) },
  table: [],
});
