/**
 * The local stand-in for API Gateway's Cognito user-pool authorizer: verifies the ID token
 * in the Authorization header (shared/id-token.ts) and hands the claims to the function as
 * strings, as API Gateway does.
 */
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { createIdTokenVerifier, type IdTokenOptions, TokenRefused } from '#shared/id-token.ts';

export { TokenRefused };

export interface CognitoAuthorizer {
  /** The claims of a valid ID token in `authorization`, as strings; throws TokenRefused otherwise. */
  claimsOf(authorization: string | undefined): Promise<Record<string, string>>;
}

/** Builds the authorizer and loads the pool's JWKS into it. */
export async function createCognitoAuthorizer(options: IdTokenOptions): Promise<CognitoAuthorizer> {
  const verifier = await createIdTokenVerifier(options);
  return { claimsOf: async (authorization) => stringClaims(await verifier.verify(authorization)) };
}

/**
 * `Sun Dec 17 07:28:12 UTC 2017` (Java's Date#toString, day zero-padded): how API Gateway
 * renders `exp` and `iat` for the function.
 */
export function gatewayDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  // toUTCString: `Sun, 17 Dec 2017 07:28:12 GMT`.
  const [weekday, day, month, year] = d.toUTCString().replace(',', '').split(' ').slice(0, 4);
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
