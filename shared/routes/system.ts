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

/** The Redoc bundle the reference page runs: served by getDocsScript, never bundled into a function. */
export const REDOC_SCRIPT = 'redoc/bundles/redoc.standalone.js';

export const getDocs = /* @__PURE__ */ defineRoute({
  id: 'getDocs',
  method: 'GET',
  path: '/docs',
  summary: 'This API reference as a web page: Redoc renders /openapi.json in the browser',
  access: 'public',
  handler: 'functions/system/get-docs.ts',
  request: {},
  response: { status: 200, alternatives: ['text/html'] },
  table: [],
});

export const getDocsScript = /* @__PURE__ */ defineRoute({
  id: 'getDocsScript',
  method: 'GET',
  path: '/docs/redoc.js',
  summary: "The reference page's renderer: Redoc's standalone bundle, served from the API (no CDN)",
  access: 'public',
  handler: 'functions/system/get-docs-script.ts',
  request: {},
  response: { status: 200, alternatives: ['text/javascript'] },
  table: [],
  files: [REDOC_SCRIPT],
});
