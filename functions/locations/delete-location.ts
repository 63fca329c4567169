import { deleteLocation as remove } from '#shared/domain/locations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { deleteLocation } from '#shared/routes/assets.ts';

export const handler = makeHandler(deleteLocation, async ({ access, caller, params, ifMatch }) =>
  remove(access, caller, params.locationId, ifMatch),
);
