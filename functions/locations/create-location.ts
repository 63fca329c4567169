import { createLocation as create } from '#shared/domain/locations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createLocation } from '#shared/routes/assets.ts';

export const handler = makeHandler(createLocation, async ({ access, caller, body }) => create(access, caller, body));
