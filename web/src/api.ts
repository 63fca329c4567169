/** The API, only through the typed client (@gatehouse/client), with this tab's ID token (refreshed before it expires). */
import { createGatehouseClient, type GatehouseClient } from '@gatehouse/client';
import { config } from './config.ts';
import { endSession, freshIdToken } from './session.ts';

let client: Promise<GatehouseClient> | undefined;

/** The typed client, made once the configuration is known. */
export function api(): Promise<GatehouseClient> {
  client ??= config().then((cfg) => createGatehouseClient({ baseUrl: cfg.apiUrl, token: freshIdToken }));
  return client;
}

/** Signs out everywhere (POST /me/sign-out ends every session of the account), then this tab forgets its tokens, even if the API cannot be reached. */
export async function signOutEverywhere(): Promise<void> {
  try {
    await (await api()).POST('/me/sign-out');
  } finally {
    endSession();
  }
}
