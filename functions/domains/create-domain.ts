import { createDomain as create } from '#shared/domain/domains.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createDomain } from '#shared/routes/domains.ts';

export const handler = makeHandler(createDomain, async ({ caller, body, owner }) => create(caller, body.name, owner));
