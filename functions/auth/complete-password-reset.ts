import { resetPassword, signOut } from '#shared/directory.ts';
import { completePasswordReset as complete } from '#shared/domain/complete-password-reset.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { completePasswordReset } from '#shared/routes/auth.ts';

export const handler = makePublicHandler(completePasswordReset, async ({ params, body }) => complete(params.token, body.password, { resetPassword, signOut }));
