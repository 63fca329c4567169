import { listMembers as list } from '#shared/domain/members.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listMembers } from '#shared/routes/members.ts';

export const handler = makeHandler(listMembers, async ({ access, query: { limit = 25, cursor, ...filter } }) =>
  list(access, filter, limit, cursor),
);
