import { disableUser, enableUser } from '#shared/directory.ts';
import { updateMember } from '#shared/domain/members.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { patchMember } from '#shared/routes/members.ts';

export const handler = makeHandler(patchMember, async ({ access, caller, params, body, ifMatch }) =>
  updateMember(access, caller, params.userId, body, ifMatch, { disableUser, enableUser }),
);
