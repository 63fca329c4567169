/** Sessions and passwords: signing out everywhere, and Gatehouse's own password reset (SPEC section 12). */
import { defineRoute } from '#shared/http/route.ts';
import { passwordResetCompletion, passwordResetRequest, passwordResetRequested, resetTokenParams } from '#shared/schemas/auth.ts';

export const signOut = /* @__PURE__ */ defineRoute({
  id: 'signOut',
  method: 'POST',
  path: '/me/sign-out',
  summary: "End every session of the caller: Cognito global sign-out, and every ID token issued until now answers 401",
  access: 'signedIn',
  handler: 'functions/me/sign-out.ts',
  request: {},
  response: { status: 204 },
  table: ['UpdateItem'],
  services: ['cognito'],
  cognitoActions: ['AdminUserGlobalSignOut'],
});

export const requestPasswordReset = /* @__PURE__ */ defineRoute({
  id: 'requestPasswordReset',
  method: 'POST',
  path: '/password-resets',
  summary: 'Ask for a password reset email; the same 202 whether or not an account exists (5 per address per hour)',
  access: 'public',
  handler: 'functions/auth/request-password-reset.ts',
  request: { body: passwordResetRequest },
  response: { status: 202, body: passwordResetRequested },
  // The email goes through the outbox (the mail worker sends it): no SES here.
  table: ['GetItem', 'PutItem', 'TransactWriteItems'],
  problems: ['password-reset-limit'],
});

export const completePasswordReset = /* @__PURE__ */ defineRoute({
  id: 'completePasswordReset',
  method: 'POST',
  path: '/password-resets/{token}',
  summary: "Set a new password with a reset link (single use, one hour); every session of the account ends",
  access: 'public',
  handler: 'functions/auth/complete-password-reset.ts',
  request: { params: resetTokenParams, body: passwordResetCompletion },
  response: { status: 204 },
  table: ['GetItem', 'UpdateItem'],
  problems: ['reset-link-used', 'reset-link-expired', 'reset-link-replaced'],
  services: ['cognito'],
  cognitoActions: ['AdminSetUserPassword', 'AdminUserGlobalSignOut'],
});
