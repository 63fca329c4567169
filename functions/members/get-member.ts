import { getMember as read } from '#shared/domain/members.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { getMember } from '#shared/routes/members.ts';

export const handler = makeHandler(getMember, async ({ access, params }) => read(access, params.userId));
