import { listLocations as list } from '#shared/domain/locations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listLocations } from '#shared/routes/assets.ts';

export const handler = makeHandler(listLocations, async ({ access, query: { limit = 25, cursor } }) => list(access, limit, cursor));
