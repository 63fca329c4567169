import { updateRole } from '#shared/domain/manage-roles.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { patchRole } from '#shared/routes/roles.ts';

export const handler = makeHandler(patchRole, async ({ access, caller, params, body, ifMatch }) =>
  updateRole(access, caller, params.roleId, body, ifMatch),
);
