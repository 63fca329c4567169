/**
 * The local stand-in for API Gateway's Cognito user-pool authorizer: verifies the ID token
 * in the Authorization header (signature, expiry, issuer, audience = the app client,
 * token_use = id) with aws-jwt-verify, and hands the claims to the function as strings, as
 * API Gateway does.
 *
 * cognito-local's issuer is plain http and aws-jwt-verify fetches JWKS over https only, so
 * the JWKS is fetched here and put into the verifier's cache; a token naming another key
 * makes the cache fetch again through the http fetcher below (it will not find it either).
 */
import { JwtVerifier } from 'aws-jwt-verify';
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

export interface CognitoAuthorizer {
  /** The claims of a valid ID token in `authorization`, as strings; throws TokenRefused otherwise. */
  claimsOf(authorization: string | undefined): Promise<Record<string, string>>;
}

export interface AuthorizerOptions {
  /** `iss` of the pool's tokens: `http://localhost:<COGNITO_PORT>/<userPoolId>`. */
  issuer: string;
  /** The app client id: an ID token's `aud`. */
  clientId: string;
  /** Where the pool's JWKS can be fetched over http. */
  jwksUri: string;
}

async function fetchBytes(uri: string): Promise<ArrayBuffer> {
  const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`GET ${uri} answered ${response.status}`);
  return response.arrayBuffer();
}

/** Builds the authorizer and loads the pool's JWKS into it. */
export async function createCognitoAuthorizer(options: AuthorizerOptions): Promise<CognitoAuthorizer> {
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
    async claimsOf(authorization) {
      const token = bearerToken(authorization);
      let payload: JwtPayload;
      try {
        payload = await verifier.verify(token);
      } catch (error) {
        throw new TokenRefused(reason(error));
      }
      return stringClaims(payload);
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

/** `Sun Dec 17 07:28:12 UTC 2017`: how API Gateway renders `exp` and `iat` for the function. */
function gatewayDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const [weekday, month, day, year] = d.toUTCString().replace(',', '').split(' ').slice(0, 4);
  const time = d.toISOString().slice(11, 19);
  return `${weekday} ${month} ${day} ${time} UTC ${year}`;
}

/** Claims as API Gateway passes them in `requestContext.authorizer.claims`: every value a string. */
export function stringClaims(payload: JwtPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') claims[name] = gatewayDate(value);
    else if (Array.isArray(value)) claims[name] = value.join(',');
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}
