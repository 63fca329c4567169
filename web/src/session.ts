/**
 * Signing in against the stack's Cognito app client with fetch (no SDK in the browser): the
 * InitiateAuth call of Cognito's JSON 1.1 API, USER_PASSWORD_AUTH. Tokens live in memory and in
 * sessionStorage (this tab only, gone when it closes).
 */
import { config } from './config.ts';

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const KEY = 'gatehouse.session';
let tokens: Tokens | undefined;

/** Cognito refused the email and password (the page says so in words). */
export class WrongCredentials extends Error {}

/** The tokens of this tab, if signed in and not expired. */
export function currentTokens(): Tokens | undefined {
  if (!tokens) {
    const stored = sessionStorage.getItem(KEY);
    if (stored) tokens = JSON.parse(stored) as Tokens;
  }
  if (tokens && tokens.expiresAt <= Date.now()) signOutLocally();
  return tokens;
}

/** Forgets the tokens of this tab. */
export function signOutLocally(): void {
  tokens = undefined;
  sessionStorage.removeItem(KEY);
}

/** When the ID token expires (its `exp` claim; else ExpiresIn from now), in epoch milliseconds. */
function expiryOf(idToken: string, expiresIn: number | undefined): number {
  try {
    const payload = JSON.parse(atob((idToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    // Not a JWT we can read: fall back on ExpiresIn.
  }
  return Date.now() + (expiresIn ?? 3600) * 1000;
}

/** Signs in with email and password; throws WrongCredentials when Cognito refuses them. */
export async function signIn(email: string, password: string): Promise<Tokens> {
  const cfg = await config();
  const endpoint = cfg.cognitoEndpoint ?? `https://cognito-idp.${cfg.region}.amazonaws.com/`;
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: cfg.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    __type?: string;
    message?: string;
    AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
  };
  if (!res.ok) {
    if (/NotAuthorized|UserNotFound/.test(body.__type ?? '')) throw new WrongCredentials(body.message ?? 'wrong credentials');
    throw new Error(body.message ?? `Cognito answered ${res.status}`);
  }
  const result = body.AuthenticationResult;
  if (!result) throw new Error('Cognito asked for a further step this page does not support yet.');
  tokens = {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
    expiresAt: expiryOf(result.IdToken, result.ExpiresIn),
  };
  sessionStorage.setItem(KEY, JSON.stringify(tokens));
  return tokens;
}
