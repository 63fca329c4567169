import { settingsView } from '#shared/domain/domains.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { getSettings } from '#shared/routes/domains.ts';

export const handler = makeHandler(getSettings, async ({ access }) => settingsView(access.domain));
