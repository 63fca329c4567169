import { listMyDomains } from '#shared/domain/domains.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listDomains } from '#shared/routes/domains.ts';

export const handler = makeHandler(listDomains, async ({ caller, query }) => listMyDomains(caller, query.limit ?? 25, query.cursor));
