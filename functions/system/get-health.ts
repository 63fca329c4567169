import { makePublicHandler } from '#shared/http/public-handler.ts';
import { getHealth } from '#shared/routes/system.ts';

export const handler = makePublicHandler(getHealth, async () => ({ status: 'ok' as const }));
