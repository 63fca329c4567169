import { defineRoute } from '#shared/http/route.ts';
import { domainParams, page, pageQuery } from '#shared/http/schemas.ts';
import { createDomainBody, domainBody, domainSummary, settingsBody, settingsPatch } from '#shared/schemas/domain.ts';

export const listDomains = /* @__PURE__ */ defineRoute({
  id: 'listDomains',
  method: 'GET',
  path: '/domains',
  summary: 'Domains the caller belongs to, with the role and status in each',
  access: 'signedIn',
  handler: 'functions/domains/list-domains.ts',
  request: { query: pageQuery },
  response: { status: 200, body: /* @__PURE__ */ page(domainSummary) },
  table: ['Query', 'BatchGetItem'],
});

export const createDomain = /* @__PURE__ */ defineRoute({
  id: 'createDomain',
  method: 'POST',
  path: '/domains',
  summary: 'Create a domain; the calling owner becomes its first administrator',
  access: 'owner',
  handler: 'functions/domains/create-domain.ts',
  request: { body: createDomainBody },
  response: { status: 201, body: domainBody },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['conflict'],
});

export const getDomain = /* @__PURE__ */ defineRoute({
  id: 'getDomain',
  method: 'GET',
  path: '/domains/{domainId}',
  summary: 'A domain the caller is an active or pending member of',
  access: 'domainMember',
  handler: 'functions/domains/get-domain.ts',
  request: { params: domainParams },
  response: { status: 200, body: domainBody },
  table: ['BatchGetItem'],
});

export const getSettings = /* @__PURE__ */ defineRoute({
  id: 'getSettings',
  method: 'GET',
  path: '/domains/{domainId}/settings',
  summary: "The domain's settings, billing contact and branding",
  access: 'settings:view',
  handler: 'functions/domains/get-settings.ts',
  request: { params: domainParams },
  response: { status: 200, body: settingsBody },
  table: ['BatchGetItem'],
});

export const patchSettings = /* @__PURE__ */ defineRoute({
  id: 'patchSettings',
  method: 'PATCH',
  path: '/domains/{domainId}/settings',
  summary: "Change some of the domain's settings; If-Match makes it conditional",
  access: 'settings:update',
  handler: 'functions/domains/patch-settings.ts',
  request: { params: domainParams, body: settingsPatch, ifMatch: true },
  response: { status: 200, body: settingsBody },
  table: ['BatchGetItem', 'TransactWriteItems'],
  problems: ['busy'],
});
