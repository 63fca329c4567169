import { revokeDomainInvitation } from '#shared/domain/invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { revokeInvitation } from '#shared/routes/invitations.ts';

export const handler = makeHandler(revokeInvitation, async ({ access, caller, params }) => revokeDomainInvitation(access, caller, params.invitationId));
