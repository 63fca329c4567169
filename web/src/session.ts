/**
 * Signing in against the stack's Cognito app client with fetch (no SDK in the browser): the
 * InitiateAuth call of Cognito's JSON 1.1 API, USER_PASSWORD_AUTH, and REFRESH_TOKEN_AUTH before
 * the ID token expires. Tokens live in memory and in sessionStorage (this tab only, gone when it closes).
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

/** The tokens of this tab, if signed in: unexpired, or with a refresh token to renew them (freshIdToken). */
export function currentTokens(): Tokens | undefined {
  if (!tokens) {
    const stored = sessionStorage.getItem(KEY);
    if (stored) tokens = JSON.parse(stored) as Tokens;
  }
  if (tokens && tokens.expiresAt <= Date.now() && !tokens.refreshToken) signOutLocally();
  return tokens;
}

/** Forgets the tokens of this tab. */
export function signOutLocally(): void {
  tokens = undefined;
  sessionStorage.removeItem(KEY);
}

/** Forgets this tab's tokens and goes to sign in (the session ended, or the person signed out). */
export function endSession(): void {
  signOutLocally();
  location.assign('/sign-in');
}

/** The claims of an ID token, read without checking its signature (the API checks it); {} when unreadable. */
function claimsOf(idToken: string): { exp?: unknown; email?: unknown } {
  try {
    return JSON.parse(atob((idToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown; email?: unknown };
  } catch {
    return {};
  }
}

/** When the ID token expires (its `exp` claim; else ExpiresIn from now), in epoch milliseconds. */
function expiryOf(idToken: string, expiresIn: number | undefined): number {
  const { exp } = claimsOf(idToken);
  // Not a JWT we can read: fall back on ExpiresIn.
  return typeof exp === 'number' ? exp * 1000 : Date.now() + (expiresIn ?? 3600) * 1000;
}

/** The address this tab is signed in with (the ID token's email claim), if signed in. */
export function signedInEmail(): string | undefined {
  const current = currentTokens();
  const { email } = current ? claimsOf(current.idToken) : {};
  return typeof email === 'string' ? email : undefined;
}

/** How long before its expiry a session is refreshed: a call made then would outlive the ID token. */
const REFRESH_MARGIN_MS = 2 * 60 * 1000;

interface CognitoAnswer {
  __type?: string;
  message?: string;
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
}

/** One InitiateAuth call against the stack's app client (Cognito's JSON 1.1 API). */
async function initiateAuth(flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH', parameters: Record<string, string>): Promise<{ ok: boolean; status: number; body: CognitoAnswer }> {
  const cfg = await config();
  const endpoint = cfg.cognitoEndpoint ?? `https://cognito-idp.${cfg.region}.amazonaws.com/`;
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: flow, ClientId: cfg.clientId, AuthParameters: parameters }),
  });
  return { ok: res.ok, status: res.status, body: (await res.json().catch(() => ({}))) as CognitoAnswer };
}

function keep(next: Tokens): Tokens {
  tokens = next;
  sessionStorage.setItem(KEY, JSON.stringify(next));
  return next;
}

/** Signs in with email and password; throws WrongCredentials when Cognito refuses them. */
export async function signIn(email: string, password: string): Promise<Tokens> {
  const { ok, status, body } = await initiateAuth('USER_PASSWORD_AUTH', { USERNAME: email, PASSWORD: password });
  if (!ok) {
    if (/NotAuthorized|UserNotFound/.test(body.__type ?? '')) throw new WrongCredentials(body.message ?? 'wrong credentials');
    throw new Error(body.message ?? `Cognito answered ${status}`);
  }
  const result = body.AuthenticationResult;
  if (!result) throw new Error('Cognito asked for a further step this page does not support yet.');
  return keep({
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
    expiresAt: expiryOf(result.IdToken, result.ExpiresIn),
  });
}

let refreshing: Promise<Tokens | undefined> | undefined;

/**
 * The ID token to send now: refreshed first (REFRESH_TOKEN_AUTH) when it expires within two
 * minutes. A refused refresh (the account signed out everywhere) ends this tab's session.
 */
export async function freshIdToken(): Promise<string | undefined> {
  const current = currentTokens();
  if (!current?.refreshToken || current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return current?.idToken;
  const refreshToken = current.refreshToken;
  refreshing ??= initiateAuth('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken })
    .then(({ ok, body }) => {
      const result = body.AuthenticationResult;
      if (!ok || !result) {
        signOutLocally();
        return undefined;
      }
      return keep({ idToken: result.IdToken, accessToken: result.AccessToken, refreshToken, expiresAt: expiryOf(result.IdToken, result.ExpiresIn) });
    })
    .finally(() => (refreshing = undefined));
  return (await refreshing)?.idToken;
}

/** Sends a signed-out visitor to sign in, to come back here afterwards (`?next=`; the landing needs none). */
export function toSignIn(): void {
  const here = location.pathname + location.search;
  location.replace(here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`);
}
