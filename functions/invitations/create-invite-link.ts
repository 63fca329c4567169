import { createInviteLink as create } from '#shared/domain/invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createInviteLink } from '#shared/routes/invitations.ts';

export const handler = makeHandler(createInviteLink, async ({ access, caller, body }) => create(access, caller, body));
