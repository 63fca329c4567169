import { signOut as cognitoSignOut } from '#shared/directory.ts';
import { endSessions } from '#shared/domain/sessions.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { signOut } from '#shared/routes/auth.ts';

export const handler = makeHandler(signOut, async ({ caller }) => endSessions(caller.userId, caller.email, { signOut: cognitoSignOut }));
