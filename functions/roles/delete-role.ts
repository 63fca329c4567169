import { deleteRole as remove } from '#shared/domain/manage-roles.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { deleteRole } from '#shared/routes/roles.ts';

export const handler = makeHandler(deleteRole, async ({ access, caller, params, ifMatch }) => remove(access, caller, params.roleId, ifMatch));
