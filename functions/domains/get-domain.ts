import { makeHandler } from '#shared/http/handler.ts';
import { getDomain } from '#shared/routes/domains.ts';

export const handler = makeHandler(getDomain, async ({ access }) => ({ id: access.domain.id, name: access.domain.name }));
