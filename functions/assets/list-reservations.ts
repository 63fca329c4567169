import { listReservations as list } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listReservations } from '#shared/routes/assets.ts';

export const handler = makeHandler(listReservations, async ({ access, params, query: { limit = 25, cursor } }) =>
  list(access, params.assetId, limit, cursor),
);
