import { requestPasswordReset as request } from '#shared/domain/password-resets.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { requestPasswordReset } from '#shared/routes/auth.ts';

export const handler = makePublicHandler(requestPasswordReset, async ({ body }) => request(body.email));
