import { listMemberAssets as list } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listMemberAssets } from '#shared/routes/assets.ts';

export const handler = makeHandler(listMemberAssets, async ({ access, params, query: { limit = 25, cursor } }) =>
  list(access, params.userId, limit, cursor),
);
