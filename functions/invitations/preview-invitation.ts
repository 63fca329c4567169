import { previewInvitation as preview } from '#shared/domain/open-link.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { previewInvitation } from '#shared/routes/invitations.ts';

export const handler = makePublicHandler(previewInvitation, async ({ params }) => preview(params.token));
