import { defineRoute } from '#shared/http/route.ts';
import { domainParams, page, pageQuery } from '#shared/http/schemas.ts';
import { roleBody, roleCreate, roleParams, rolePatch } from '#shared/schemas/members.ts';

export const listRoles = /* @__PURE__ */ defineRoute({
  id: 'listRoles',
  method: 'GET',
  path: '/domains/{domainId}/roles',
  summary: "The domain's roles: the preset's built-in ones, then custom ones by name",
  access: 'roles:view',
  handler: 'functions/roles/list-roles.ts',
  request: { params: domainParams, query: pageQuery },
  response: { status: 200, body: /* @__PURE__ */ page(roleBody) },
  table: [],
});

export const createRole = /* @__PURE__ */ defineRoute({
  id: 'createRole',
  method: 'POST',
  path: '/domains/{domainId}/roles',
  summary: 'Create a custom role from permissions the caller holds',
  access: 'roles:manage',
  handler: 'functions/roles/create-role.ts',
  request: { params: domainParams, body: roleCreate },
  response: { status: 201, body: roleBody },
  table: ['GetItem', 'BatchGetItem', 'TransactWriteItems'],
  problems: ['grant-exceeds-own', 'role-name-taken', 'too-many-roles', 'busy'],
});

export const patchRole = /* @__PURE__ */ defineRoute({
  id: 'patchRole',
  method: 'PATCH',
  path: '/domains/{domainId}/roles/{roleId}',
  summary: "Edit a custom role; its members' next requests follow. Built-in roles: 409",
  access: 'roles:manage',
  handler: 'functions/roles/patch-role.ts',
  request: { params: roleParams, body: rolePatch, ifMatch: true },
  response: { status: 200, body: roleBody },
  table: ['GetItem', 'BatchGetItem', 'TransactWriteItems'],
  problems: ['built-in-role', 'grant-exceeds-own', 'role-name-taken', 'last-admin', 'busy'],
});

export const deleteRole = /* @__PURE__ */ defineRoute({
  id: 'deleteRole',
  method: 'DELETE',
  path: '/domains/{domainId}/roles/{roleId}',
  summary: 'Delete a custom role nobody holds. Built-in roles and roles in use: 409',
  access: 'roles:manage',
  handler: 'functions/roles/delete-role.ts',
  request: { params: roleParams, ifMatch: true },
  response: { status: 204 },
  table: ['GetItem', 'BatchGetItem', 'TransactWriteItems'],
  problems: ['built-in-role', 'grant-exceeds-own', 'role-in-use', 'busy'],
});
