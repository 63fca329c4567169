/** `makePublicHandler`: the pipeline for routes without a token; no authorization code is bundled. */
import { type Authorize, buildHandler, type RouteHandler } from '#shared/http/pipeline.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

const noCaller: Authorize = async () => ({ caller: undefined, access: undefined });

/** Builds the Lambda handler of a public route from its domain function. */
export function makePublicHandler<R extends RouteDefinition & { access: 'public' }>(
  route: R,
  handle: Parameters<typeof buildHandler<R>>[2],
): RouteHandler {
  return buildHandler(route, noCaller, handle);
}
