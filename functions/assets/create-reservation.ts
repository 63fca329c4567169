import { reserveAsset } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createReservation } from '#shared/routes/assets.ts';

export const handler = makeHandler(createReservation, async ({ access, caller, params, body }) =>
  reserveAsset(access, caller, params.assetId, body),
);
