import { makeHandler } from '#shared/http/handler.ts';
import { listHistory } from '#shared/routes/members.ts';
import { listHistory as list } from '#shared/store/history.ts';

export const handler = makeHandler(listHistory, async ({ access, query: { limit = 25, cursor, ...filter } }) =>
  list(access.domain.id, filter, limit, cursor),
);
