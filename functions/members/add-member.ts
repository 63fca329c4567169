import { createAccount, deleteAccount, enableUser } from '#shared/directory.ts';
import { addMember as add } from '#shared/domain/add-member.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { addMember } from '#shared/routes/invitations.ts';

export const handler = makeHandler(addMember, async ({ access, caller, body }) => add(access, caller, body, { directory: { createAccount, deleteAccount, enableUser } }));
