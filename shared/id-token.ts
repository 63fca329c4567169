/**
 * Verifying the pool's ID tokens: signature, expiry, issuer, audience (the app client) and
 * token_use = id, with aws-jwt-verify. API Gateway's authorizer does this for signed-in
 * routes; the local gateway and the public routes that accept an optional token (accepting
 * an invitation while signed in) do it with this module.
 *
 * The JWKS is fetched here and put into the verifier's cache, because aws-jwt-verify
 * fetches over https only and cognito-local serves plain http; in AWS it works the same.
 */
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import {
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

/** Why a token was refused; becomes the 401's detail. */
export class TokenRefused extends Error {}

export interface IdTokenVerifier {
  /** The claims of a valid ID token in `authorization` (`Bearer <token>`); throws TokenRefused otherwise. */
  verify(authorization: string | undefined): Promise<JwtPayload>;
}

export interface IdTokenOptions {
  /** `iss` of the pool's tokens (`https://cognito-idp.<region>.amazonaws.com/<pool>`; locally cognito-local's http issuer). */
  issuer: string;
  /** The app client id: an ID token's `aud`. */
  clientId: string;
  /** Where the pool's JWKS can be fetched (http locally). */
  jwksUri: string;
}

async function fetchBytes(uri: string): Promise<ArrayBuffer> {
  const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`GET ${uri} answered ${response.status}`);
  return response.arrayBuffer();
}

/** Builds a verifier for the pool's ID tokens and loads the pool's JWKS into it. */
export async function createIdTokenVerifier(options: IdTokenOptions): Promise<IdTokenVerifier> {
  const verifier = JwtVerifier.create(
    {
      issuer: options.issuer,
      audience: options.clientId,
      jwksUri: options.jwksUri,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id') throw new TokenRefused('Send the ID token, not the access token.');
        // aws-jwt-verify skips the expiry check when `exp` is absent; Cognito always sets it.
        if (typeof payload.exp !== 'number') throw new TokenRefused('The token has no expiry.');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: { fetch: (uri: string) => fetchBytes(uri) } }) },
  );
  const jwks = JSON.parse(Buffer.from(await fetchBytes(options.jwksUri)).toString('utf8'));
  verifier.cacheJwks(jwks);

  return {
    async verify(authorization) {
      const token = bearerToken(authorization);
      try {
        return await verifier.verify(token);
      } catch (error) {
        throw new TokenRefused(reason(error));
      }
    },
  };
}

/** The token in `Authorization: Bearer <token>` (the raw token alone is accepted too, as API Gateway does). */
function bearerToken(authorization: string | undefined): string {
  const value = authorization?.trim() ?? '';
  const token = /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '') : value;
  if (!token) throw new TokenRefused('The request has no Authorization header with a Bearer ID token.');
  return token;
}

function reason(error: unknown): string {
  if (error instanceof TokenRefused) return error.message;
  if (error instanceof JwtExpiredError) return 'The token has expired: sign in again.';
  if (error instanceof JwtNotBeforeError) return 'The token is not valid yet.';
  if (error instanceof JwtInvalidIssuerError) return "The token was not issued by this stack's user pool.";
  if (error instanceof JwtInvalidAudienceError) return "The token was issued to another app client than this stack's.";
  if (
    error instanceof JwtInvalidSignatureError ||
    error instanceof JwtInvalidSignatureAlgorithmError ||
    error instanceof KidNotFoundInJwksError ||
    error instanceof JwtWithoutValidKidError
  ) {
    return "The token's signature is not valid.";
  }
  if (error instanceof JwtParseError) return 'The Authorization header holds no well-formed token.';
  return 'The token is not valid.';
}
