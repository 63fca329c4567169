import { listAssets as list } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listAssets } from '#shared/routes/assets.ts';

export const handler = makeHandler(listAssets, async ({ access, query: { limit = 25, cursor, ...filter } }) =>
  list(access, filter, limit, cursor),
);
