import { getAsset as read } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { getAsset } from '#shared/routes/assets.ts';

export const handler = makeHandler(getAsset, async ({ access, params }) => read(access, params.assetId));
