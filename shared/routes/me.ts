import { defineRoute } from '#shared/http/route.ts';
import { meBody, mePatch } from '#shared/schemas/domain.ts';

export const getMe = /* @__PURE__ */ defineRoute({
  id: 'getMe',
  method: 'GET',
  path: '/me',
  summary: 'The caller: profile and memberships with their permissions',
  access: 'signedIn',
  handler: 'functions/me/get-me.ts',
  request: {},
  response: { status: 200, body: meBody },
  table: ['GetItem', 'Query', 'BatchGetItem'],
});

export const patchMe = /* @__PURE__ */ defineRoute({
  id: 'patchMe',
  method: 'PATCH',
  path: '/me',
  summary: "Change the caller's name or language",
  access: 'signedIn',
  handler: 'functions/me/patch-me.ts',
  request: { body: mePatch },
  response: { status: 200, body: meBody },
  // A change racing others is retried on the fresh profile; busy only if they keep winning.
  problems: ['busy'],
  table: ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem'],
});
