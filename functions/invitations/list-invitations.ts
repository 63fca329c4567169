import { listDomainInvitations } from '#shared/domain/invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listInvitations } from '#shared/routes/invitations.ts';

export const handler = makeHandler(listInvitations, async ({ access, query: { limit = 25, cursor, ...filter } }) =>
  listDomainInvitations(access, filter, limit, cursor),
);
