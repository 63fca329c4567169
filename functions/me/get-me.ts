import { getMe as readMe } from '#shared/domain/me.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { getMe } from '#shared/routes/me.ts';

export const handler = makeHandler(getMe, async ({ caller, user }) => readMe(caller, user));
