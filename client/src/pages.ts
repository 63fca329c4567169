import type { HeadersOptions } from 'openapi-fetch';
import type { GatehouseClient } from './client.js';
import { unwrap } from './problem.js';
import type { paths } from './schema.js';

type GetOf<P> = P extends keyof paths ? (paths[P] extends { get: infer Op } ? Op : never) : never;
type OkBody<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

/** The paths whose GET answers `{ items, nextCursor }` and takes a `cursor` query parameter. */
export type PagedPath = {
  // [never] first: a path with no GET has no body, and never would pass the test below.
  [P in keyof paths]: [OkBody<GetOf<P>>] extends [never]
    ? never
    : OkBody<GetOf<P>> extends { items: unknown[]; nextCursor: string | null }
    ? GetOf<P> extends { parameters: { query?: { cursor?: string } } }
      ? P
      : never
    : never;
}[keyof paths];

/** One page of a paged path. */
export type PageOf<P extends PagedPath> = OkBody<GetOf<P>>;
/** One item of a paged path. */
export type ItemOf<P extends PagedPath> = PageOf<P> extends { items: (infer I)[] } ? I : never;

/** The request of a paged path: its parameters (path ones required), and headers. */
export interface PageRequest<P extends PagedPath> {
  params: GetOf<P> extends { parameters: infer Params } ? Params : never;
  headers?: HeadersOptions;
}

type PageArgs<P extends PagedPath> = GetOf<P> extends { parameters: { path: object } } ? [request: PageRequest<P>] : [request?: PageRequest<P>];

/**
 * Every page of a paged list, following `nextCursor` with the `cursor` query parameter until
 * it is null. A failed page throws its GatehouseProblem. Stop early with `break`.
 */
export async function* pages<P extends PagedPath>(client: GatehouseClient, path: P, ...[request]: PageArgs<P>): AsyncGenerator<PageOf<P>, void, undefined> {
  const params = (request?.params ?? {}) as { query?: Record<string, unknown> };
  let cursor = params.query?.cursor as string | undefined;
  do {
    const init = { ...request, params: { ...params, query: { ...params.query, cursor } } };
    // The path is one of the paged paths, but TypeScript cannot follow a generic path through
    // openapi-fetch's overloads: the call is typed by PagedPath and PageRequest instead.
    const page = unwrap(await (client.GET as (path: string, init: unknown) => Promise<{ data?: PageOf<P>; error?: unknown; response: Response }>)(path, init)) as PageOf<P>;
    yield page;
    cursor = (page as { nextCursor: string | null }).nextCursor ?? undefined;
  } while (cursor);
}

/** Every item of a paged list, page after page (see `pages`). */
export async function* items<P extends PagedPath>(client: GatehouseClient, path: P, ...args: PageArgs<P>): AsyncGenerator<ItemOf<P>, void, undefined> {
  for await (const page of pages(client, path, ...args)) yield* (page as unknown as { items: ItemOf<P>[] }).items;
}
