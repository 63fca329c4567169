/** Schemas of signing out and resetting a password (SPEC section 12). */
import * as z from 'zod/mini';
import { email, lazy } from '#shared/http/schemas.ts';

export const passwordResetRequest = /* @__PURE__ */ lazy(() => z.strictObject({ email: email() }));

/** The same answer for every address, with or without an account. */
export const passwordResetRequested = /* @__PURE__ */ lazy(() => z.object({ status: z.literal('requested') }));

export const resetTokenParams = /* @__PURE__ */ lazy(() =>
  z.strictObject({ token: z.string().check(z.regex(/^[A-Za-z0-9_\-]{16,128}$/, 'is not a password reset token')) }),
);

export const passwordResetCompletion = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    // The policy is checked in the domain, to answer with everything the password lacks.
    password: z.string().check(z.maxLength(256, 'must be at most 256 characters')),
  }),
);
