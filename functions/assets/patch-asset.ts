import { updateAsset } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { patchAsset } from '#shared/routes/assets.ts';

export const handler = makeHandler(patchAsset, async ({ access, caller, params, body, ifMatch }) =>
  updateAsset(access, caller, params.assetId, body, ifMatch),
);
