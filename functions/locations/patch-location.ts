import { updateLocation } from '#shared/domain/locations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { patchLocation } from '#shared/routes/assets.ts';

export const handler = makeHandler(patchLocation, async ({ access, caller, params, body, ifMatch }) =>
  updateLocation(access, caller, params.locationId, body, ifMatch),
);
