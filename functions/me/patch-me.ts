import { updateMe } from '#shared/domain/me.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { patchMe } from '#shared/routes/me.ts';

export const handler = makeHandler(patchMe, async ({ caller, user, body }) => updateMe(caller, user, body));
