import { deleteAsset as remove } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { deleteAsset } from '#shared/routes/assets.ts';

export const handler = makeHandler(deleteAsset, async ({ access, caller, params, ifMatch }) =>
  remove(access, caller, params.assetId, ifMatch),
);
