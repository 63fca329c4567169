import { historyFor } from '#shared/domain/history.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listHistory } from '#shared/routes/members.ts';

export const handler = makeHandler(listHistory, async ({ access, query: { limit = 25, cursor, ...filter } }) => historyFor(access, filter, limit, cursor));
