import createClient, { type Client, type HeadersOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

/**
 * The media types the client reads: JSON answers and problem+json errors. The other documented
 * answers (the access review as text/csv) are read with `parseAs: 'text'`, which types them as
 * strings; leaving them out here keeps every JSON `data` one shape instead of `string | object`.
 */
export type GatehouseMedia = 'application/json' | 'application/problem+json';

/** A typed client of the Gatehouse API: `GET`, `POST`, `PATCH`, `DELETE` take the documented paths, parameters and bodies. */
export type GatehouseClient = Client<paths, GatehouseMedia>;

export interface GatehouseClientOptions {
  /** The API's base URL, e.g. `https://api.example.com` (no trailing path beyond the stage). */
  baseUrl: string;
  /**
   * Called before every request for the caller's Cognito ID token, so a refreshed token is
   * used as soon as the app has it. Answer undefined (or null) to send no Authorization, as
   * for the public routes (invitation previews, accepting without an account).
   */
  token?: () => string | undefined | null | Promise<string | undefined | null>;
  /** A fetch to use instead of `globalThis.fetch`, which is otherwise looked up at every request. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: HeadersOptions;
}

/**
 * JSON, except a string sent with a text/* Content-Type (the CSV of POST /invitations), which
 * goes as it is: openapi-fetch's default would send it as a JSON string, quotes and all.
 */
function serializeBody(body: unknown, headers?: unknown): string {
  const type = headers instanceof Headers ? headers.get('Content-Type') : null;
  if (typeof body === 'string' && type !== null && /^text\//i.test(type)) return body;
  return JSON.stringify(body);
}

/** Creates a client of the Gatehouse API that sends `Authorization: Bearer <token>` from the token provider. */
export function createGatehouseClient(options: GatehouseClientOptions): GatehouseClient {
  const client = createClient<paths, GatehouseMedia>({
    baseUrl: options.baseUrl,
    // globalThis.fetch looked up at each call, not when the client is made (openapi-fetch's
    // default): instrumentation or a test double installed later still sees every request.
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
    bodySerializer: serializeBody,
    // Absent, not undefined: front ends compiled with exactOptionalPropertyTypes tell the two apart.
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const provider = options.token;
  if (provider) {
    client.use({
      async onRequest({ request }) {
        // A header given for one call wins: the caller meant that token.
        if (request.headers.has('Authorization')) return undefined;
        const token = await provider();
        if (token) request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
