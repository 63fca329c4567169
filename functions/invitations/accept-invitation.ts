import { idTokenSettings } from '#shared/config.ts';
import { createAccount, deleteAccount, markEmailVerified, setPassword } from '#shared/directory.ts';
import { acceptInvitation as accept } from '#shared/domain/accept-invitation.ts';
import { issuedAtOf, requireLiveSession } from '#shared/domain/sessions.ts';
import { Unauthorized } from '#shared/http/errors.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { sesMailer } from '#shared/mail/mailer.ts';
import { createIdTokenVerifier, type IdTokenVerifier, TokenRefused } from '#shared/id-token.ts';
import { acceptInvitation } from '#shared/routes/invitations.ts';
import { getUser } from '#shared/store/user-store.ts';

let verifier: Promise<IdTokenVerifier> | undefined;

/** The route is public, so API Gateway checks no token: one sent along is verified here. */
async function signedIn(authorization: string | undefined) {
  if (!authorization) return undefined;
  verifier ??= createIdTokenVerifier(idTokenSettings());
  let claims;
  try {
    claims = await (await verifier).verify(authorization);
  } catch (error) {
    if (error instanceof TokenRefused) throw new Unauthorized(error.message);
    // The JWKS could not be loaded: fetch it again on the next request.
    verifier = undefined;
    throw error;
  }
  const userId = String(claims.sub);
  // A signed-out, removed or deleted account's token joins nothing: the session cut-off applies here too.
  const profile = requireLiveSession(issuedAtOf(claims.iat) ?? 0, await getUser(userId));
  return { userId, email: String(claims.email ?? ''), profile };
}

export const handler = makePublicHandler(acceptInvitation, async ({ params, body, authorization }) =>
  accept(params.token, body, await signedIn(authorization), { directory: { createAccount, setPassword, deleteAccount, markEmailVerified }, mailer: sesMailer }),
);
