import { defineRoute } from '#shared/http/route.ts';
import { domainParams, page } from '#shared/http/schemas.ts';
import {
  accessReviewBody,
  accessReviewQuery,
  historyEventBody,
  historyQuery,
  member,
  memberDeleteQuery,
  memberParams,
  memberPatch,
  memberQuery,
  signOffBody,
  signOffResult,
} from '#shared/schemas/members.ts';

export const listMembers = /* @__PURE__ */ defineRoute({
  id: 'listMembers',
  method: 'GET',
  path: '/domains/{domainId}/members',
  summary: "The domain's members sorted by name; q searches name and email, role and status filter",
  access: 'members:view',
  handler: 'functions/members/list-members.ts',
  request: { params: domainParams, query: memberQuery },
  response: { status: 200, body: /* @__PURE__ */ page(member) },
  // A filtered list reads the search projection (Query) and its page's members (BatchGetItem).
  table: ['Query', 'BatchGetItem'],
});

export const getMember = /* @__PURE__ */ defineRoute({
  id: 'getMember',
  method: 'GET',
  path: '/domains/{domainId}/members/{userId}',
  summary: 'One member, with its version as ETag',
  access: 'members:view',
  handler: 'functions/members/get-member.ts',
  request: { params: memberParams },
  response: { status: 200, body: member },
  table: ['GetItem'],
});

export const patchMember = /* @__PURE__ */ defineRoute({
  id: 'patchMember',
  method: 'PATCH',
  path: '/domains/{domainId}/members/{userId}',
  summary: "Change a member's role, status, name or language; a role activates a pending member",
  access: 'members:update',
  handler: 'functions/members/patch-member.ts',
  request: { params: memberParams, body: memberPatch, ifMatch: true },
  response: { status: 200, body: member },
  // GetItem: the member search bucket, read before the transaction that writes it back (shared/store/member-search.ts).
  table: ['GetItem', 'Query', 'TransactWriteItems'],
  problems: ['unknown-role', 'role-required', 'grant-exceeds-own', 'target-exceeds-own', 'last-admin', 'busy'],
  services: ['cognito'],
  cognitoActions: ['AdminDisableUser', 'AdminUserGlobalSignOut', 'AdminEnableUser'],
});

export const deleteMember = /* @__PURE__ */ defineRoute({
  id: 'deleteMember',
  method: 'DELETE',
  path: '/domains/{domainId}/members/{userId}',
  summary: 'Remove a membership (history keeps the record); 409 member-holds-assets lists what they hold unless ?force=true',
  access: 'members:delete',
  handler: 'functions/members/delete-member.ts',
  request: { params: memberParams, query: memberDeleteQuery, ifMatch: true },
  response: { status: 204 },
  // GetItem: the member search bucket, read before the transaction that writes it back (shared/store/member-search.ts).
  table: ['GetItem', 'Query', 'TransactWriteItems'],
  problems: ['target-exceeds-own', 'last-admin', 'member-holds-assets', 'busy'],
  services: ['cognito'],
  cognitoActions: ['AdminDisableUser', 'AdminUserGlobalSignOut'],
});

export const listHistory = /* @__PURE__ */ defineRoute({
  id: 'listHistory',
  method: 'GET',
  path: '/domains/{domainId}/history',
  summary: "The domain's audit events, newest first; filter by actor, target, action, from and to",
  access: 'history:view',
  handler: 'functions/history/list-history.ts',
  request: { params: domainParams, query: historyQuery },
  response: { status: 200, body: /* @__PURE__ */ page(historyEventBody) },
  // BatchGetItem: the names of the page's actors and targets (shared/domain/history.ts).
  table: ['Query', 'BatchGetItem'],
});

export const getAccessReview = /* @__PURE__ */ defineRoute({
  id: 'getAccessReview',
  method: 'GET',
  path: '/domains/{domainId}/access-review',
  summary: 'Every member with role, status, inactivity and staleness, pending invitations and the review schedule; ?format=csv downloads it',
  access: ['members:view', 'history:view'],
  handler: 'functions/access-review/get-access-review.ts',
  request: { params: domainParams, query: accessReviewQuery },
  response: { status: 200, body: accessReviewBody, alternatives: ['text/csv'] },
  table: ['Query'],
});

export const signOffAccessReview = /* @__PURE__ */ defineRoute({
  id: 'signOffAccessReview',
  method: 'POST',
  path: '/domains/{domainId}/access-review/sign-off',
  summary: 'Record who reviewed the access list and when; the next review falls due accessReviewEveryDays later',
  access: 'members:update',
  handler: 'functions/access-review/sign-off-access-review.ts',
  request: { params: domainParams, body: signOffBody },
  response: { status: 201, body: signOffResult },
  table: ['TransactWriteItems'],
  problems: ['busy'],
});
