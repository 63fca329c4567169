import { makeHandler } from '#shared/http/pipeline.ts';
import { getHealth } from '#shared/routes/system.ts';

export const handler = makeHandler(getHealth, async () => ({ status: 'ok' as const }));
