import { accountId, disableUser, enableUser, markEmailVerified } from '#shared/directory.ts';
import { verifyEmail as verify } from '#shared/domain/verify-email.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { verifyEmail } from '#shared/routes/invitations.ts';

export const handler = makePublicHandler(verifyEmail, async ({ params }) => verify(params.token, { accountId, enableUser, disableUser, markEmailVerified }));
