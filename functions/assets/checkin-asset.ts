import { checkinAsset as checkin } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { checkinAsset } from '#shared/routes/assets.ts';

export const handler = makeHandler(checkinAsset, async ({ access, caller, params, ifMatch }) =>
  checkin(access, caller, params.assetId, ifMatch),
);
