import { updateSettings } from '#shared/domain/domains.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { patchSettings } from '#shared/routes/domains.ts';

export const handler = makeHandler(patchSettings, async ({ access, body, ifMatch, caller }) =>
  updateSettings(access, body, ifMatch, caller.userId),
);
