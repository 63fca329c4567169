import { sendSetPasswordEmail as send } from '#shared/domain/add-member.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { sendSetPasswordEmail } from '#shared/routes/invitations.ts';

export const handler = makeHandler(sendSetPasswordEmail, async ({ access, caller, params }) => send(access, caller, params.userId));
