import { createAsset as create } from '#shared/domain/assets.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createAsset } from '#shared/routes/assets.ts';

export const handler = makeHandler(createAsset, async ({ access, caller, body }) => create(access, caller, body));
