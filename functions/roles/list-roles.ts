import { rolePreset } from '#shared/config.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { listRoles } from '#shared/routes/roles.ts';
import { pageInMemory } from '#shared/store/cursor.ts';

export const handler = makeHandler(listRoles, async ({ access, query }) =>
  pageInMemory(rolesOf(access.domain, rolePreset()), (role) => role.id, query.limit ?? 25, query.cursor),
);
