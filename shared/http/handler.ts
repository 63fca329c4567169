/** `makeHandler`: the pipeline for routes that need a signed-in caller. */
import { authorizeDomain, callerFromEvent, loadCaller, requireOwner } from '#shared/http/access.ts';
import { type Authorize, buildHandler, type RouteHandler } from '#shared/http/pipeline.ts';
import { isDomainScoped, type RouteDefinition } from '#shared/http/route.ts';

/**
 * One read per request: a domain route's BatchGetItem brings the profile along with the
 * domain and membership; any other route reads the profile alone. Either way the session
 * cut-off is checked and the profile handed to the handler, which need not read it again.
 */
const authorize: Authorize = async (route, event, params) => {
  const caller = callerFromEvent(event);
  if (isDomainScoped(route)) {
    const { user, ...access } = await authorizeDomain(caller, (params as { domainId: string }).domainId, route.access);
    return { caller, access, user, owner: route.access === 'owner' ? requireOwner(user) : undefined };
  }
  const user = await loadCaller(caller);
  return { caller, access: undefined, user, owner: route.access === 'owner' ? requireOwner(user) : undefined };
};

/** Builds the Lambda handler of a signed-in route from its domain function. */
export function makeHandler<R extends RouteDefinition>(route: R, handle: Parameters<typeof buildHandler<R>>[2]): RouteHandler {
  return buildHandler(route, authorize, handle);
}
