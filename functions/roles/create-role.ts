import { createRole as create } from '#shared/domain/manage-roles.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createRole } from '#shared/routes/roles.ts';

export const handler = makeHandler(createRole, async ({ access, caller, body }) => create(access, caller, body));
