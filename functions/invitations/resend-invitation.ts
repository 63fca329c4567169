import { resendInvitation as resend } from '#shared/domain/send-invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { sesMailer } from '#shared/mail/mailer.ts';
import { resendInvitation } from '#shared/routes/invitations.ts';

export const handler = makeHandler(resendInvitation, async ({ access, caller, params }) => resend(access, caller, params.invitationId, { mailer: sesMailer }));
