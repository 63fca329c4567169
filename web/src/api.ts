/** The API, only through the typed client (@gatehouse/client), with this tab's ID token (refreshed before it expires). */
import { createGatehouseClient, type GatehouseClient } from '@gatehouse/client';
import { config } from './config.ts';
import { freshIdToken } from './session.ts';

let client: Promise<GatehouseClient> | undefined;

/** The typed client, made once the configuration is known. */
export function api(): Promise<GatehouseClient> {
  client ??= config().then((cfg) => createGatehouseClient({ baseUrl: cfg.apiUrl, token: freshIdToken }));
  return client;
}
