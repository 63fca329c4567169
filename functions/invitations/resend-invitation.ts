import { resendInvitation as resend } from '#shared/domain/send-invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { resendInvitation } from '#shared/routes/invitations.ts';

// The new link goes out through the outbox (the mail worker sends it).
export const handler = makeHandler(resendInvitation, async ({ access, caller, params }) => resend(access, caller, params.invitationId));
