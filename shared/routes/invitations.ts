import { defineRoute } from '#shared/http/route.ts';
import { domainParams, page } from '#shared/http/schemas.ts';
import {
  acceptBody,
  acceptResult,
  addMemberBody,
  createInvitationsBody,
  invitationBody,
  invitationParams,
  invitationQuery,
  invitationResults,
  invitationsCsv,
  inviteLinkBody,
  inviteLinkResult,
  previewBody,
  resendResult,
  setPasswordEmailResult,
  tokenParams,
  verificationSent,
} from '#shared/schemas/invitations.ts';
import { addedMember, memberParams } from '#shared/schemas/members.ts';

export const listInvitations = /* @__PURE__ */ defineRoute({
  id: 'listInvitations',
  method: 'GET',
  path: '/domains/{domainId}/invitations',
  summary: 'Email invitations and links, pending or expired (expired ones stay 30 days); filter kind, status, email',
  access: 'invitations:view',
  handler: 'functions/invitations/list-invitations.ts',
  request: { params: domainParams, query: invitationQuery },
  response: { status: 200, body: /* @__PURE__ */ page(invitationBody) },
  table: ['Query'],
});

export const createInvitations = /* @__PURE__ */ defineRoute({
  id: 'createInvitations',
  method: 'POST',
  path: '/domains/{domainId}/invitations',
  summary: 'Invite up to 50 addresses with one role, or up to 500 rows of a text/csv body (email,role,language); one result per address',
  access: 'invitations:create',
  handler: 'functions/invitations/create-invitations.ts',
  request: { params: domainParams, body: createInvitationsBody, csv: invitationsCsv },
  response: { status: 200, body: invitationResults },
  table: ['GetItem', 'BatchGetItem', 'UpdateItem', 'TransactWriteItems'],
  problems: ['unknown-role', 'grant-exceeds-own', 'daily-email-limit', 'busy'],
});

export const resendInvitation = /* @__PURE__ */ defineRoute({
  id: 'resendInvitation',
  method: 'POST',
  path: '/domains/{domainId}/invitations/{invitationId}/resend',
  summary: 'A new token and a fresh expiry, also for an expired invitation; the old link dies at once',
  access: 'invitations:create',
  handler: 'functions/invitations/resend-invitation.ts',
  request: { params: invitationParams },
  response: { status: 200, body: resendResult },
  table: ['GetItem', 'UpdateItem', 'TransactWriteItems'],
  problems: ['invitation-role-deleted', 'grant-exceeds-own', 'daily-email-limit', 'busy'],
});

export const revokeInvitation = /* @__PURE__ */ defineRoute({
  id: 'revokeInvitation',
  method: 'DELETE',
  path: '/domains/{domainId}/invitations/{invitationId}',
  summary: 'Revoke an email invitation or a link: it answers 410 revoked from now on',
  access: 'invitations:delete',
  handler: 'functions/invitations/revoke-invitation.ts',
  request: { params: invitationParams },
  response: { status: 204 },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['busy'],
});

export const createInviteLink = /* @__PURE__ */ defineRoute({
  id: 'createInviteLink',
  method: 'POST',
  path: '/domains/{domainId}/invite-links',
  summary: 'A shareable registration link; its registrants are pending unless it carries a (non-admin) role',
  access: 'invitations:create',
  handler: 'functions/invitations/create-invite-link.ts',
  request: { params: domainParams, body: inviteLinkBody },
  response: { status: 201, body: inviteLinkResult },
  table: ['TransactWriteItems'],
  problems: ['unknown-role', 'grant-exceeds-own', 'busy'],
});

export const previewInvitation = /* @__PURE__ */ defineRoute({
  id: 'previewInvitation',
  method: 'GET',
  path: '/invitations/{token}',
  summary: 'What a link is for: domain, inviter, email and role, expiry; 410 if used, revoked or expired',
  access: 'public',
  handler: 'functions/invitations/preview-invitation.ts',
  request: { params: tokenParams },
  response: { status: 200, body: previewBody },
  table: ['GetItem', 'BatchGetItem'],
  problems: ['invitation-used', 'invitation-revoked', 'invitation-expired'],
});

export const acceptInvitation = /* @__PURE__ */ defineRoute({
  id: 'acceptInvitation',
  method: 'POST',
  path: '/invitations/{token}/accept',
  summary:
    'Accept an invitation or set a first password (201); signed in, just join (201); register through a link signed out: 202, a verification email goes out first (the same answer when the address has an account)',
  access: 'public',
  handler: 'functions/invitations/accept-invitation.ts',
  request: { params: tokenParams, body: acceptBody, bearer: 'optional' },
  response: { status: 201, body: acceptResult, accepted: verificationSent },
  table: ['GetItem', 'BatchGetItem', 'Query', 'UpdateItem', 'TransactWriteItems'],
  problems: ['invitation-used', 'invitation-revoked', 'invitation-expired', 'wrong-account', 'email-domain-not-allowed', 'account-exists', 'already-member', 'registration-changed', 'invitation-changed', 'daily-email-limit', 'conflict'],
  services: ['cognito', 'ses'],
  cognitoActions: ['AdminCreateUser', 'AdminSetUserPassword', 'AdminUpdateUserAttributes', 'AdminDeleteUser', 'AdminDisableUser'],
});

export const verifyEmail = /* @__PURE__ */ defineRoute({
  id: 'verifyEmail',
  method: 'POST',
  path: '/email-verifications/{token}',
  summary: "Complete a link registration from its emailed verification link: the link's uses count here; 410 used, expired or replaced",
  access: 'public',
  handler: 'functions/invitations/verify-email.ts',
  request: { params: tokenParams },
  response: { status: 201, body: acceptResult },
  table: ['GetItem', 'BatchGetItem', 'UpdateItem', 'TransactWriteItems'],
  problems: ['invitation-used', 'invitation-revoked', 'invitation-expired', 'already-member', 'registration-changed', 'invitation-changed', 'conflict'],
  services: ['cognito'],
  cognitoActions: ['AdminGetUser', 'AdminEnableUser', 'AdminUpdateUserAttributes', 'AdminDisableUser', 'AdminUserGlobalSignOut'],
});

export const sendSetPasswordEmail = /* @__PURE__ */ defineRoute({
  id: 'sendSetPasswordEmail',
  method: 'POST',
  path: '/domains/{domainId}/members/{userId}/set-password-email',
  summary: 'Queue a new set-password email for a member whose account has no password yet; the earlier link dies at once; 409 password-already-set',
  access: 'members:create',
  handler: 'functions/members/send-set-password-email.ts',
  request: { params: memberParams },
  response: { status: 202, body: setPasswordEmailResult },
  table: ['GetItem', 'UpdateItem', 'TransactWriteItems'],
  problems: ['password-already-set', 'account-changed', 'daily-email-limit', 'conflict'],
});

export const addMember = /* @__PURE__ */ defineRoute({
  id: 'addMember',
  method: 'POST',
  path: '/domains/{domainId}/members',
  summary: 'Add a member by hand: active at once; a new account gets a single-use set-password email',
  access: 'members:create',
  handler: 'functions/members/add-member.ts',
  request: { params: domainParams, body: addMemberBody },
  response: { status: 201, body: addedMember },
  table: ['GetItem', 'UpdateItem', 'TransactWriteItems'],
  problems: ['unknown-role', 'grant-exceeds-own', 'already-member', 'account-changed', 'daily-email-limit', 'conflict'],
  services: ['cognito'],
  cognitoActions: ['AdminCreateUser', 'AdminDeleteUser', 'AdminEnableUser'],
});
