import { checkoutAsset as checkout } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { checkoutAsset } from '#shared/routes/assets.ts';

export const handler = makeHandler(checkoutAsset, async ({ access, caller, params, body, ifMatch }) =>
  checkout(access, caller, params.assetId, body?.holderId, ifMatch),
);
