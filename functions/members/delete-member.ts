import { disableUser, enableUser } from '#shared/directory.ts';
import { removeMember } from '#shared/domain/members.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { deleteMember } from '#shared/routes/members.ts';

export const handler = makeHandler(deleteMember, async ({ access, caller, params, query, ifMatch }) =>
  removeMember(access, caller, params.userId, ifMatch, { disableUser, enableUser }, { force: query.force === 'true' }),
);
