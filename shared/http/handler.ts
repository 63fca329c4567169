/** `makeHandler`: the pipeline for routes that need a signed-in caller. */
import { authorizeDomain, callerFromEvent, requireOwner } from '#shared/http/access.ts';
import { type Authorize, buildHandler, type RouteHandler } from '#shared/http/pipeline.ts';
import { isDomainScoped, type RouteDefinition } from '#shared/http/route.ts';

const authorize: Authorize = async (route, event, params) => {
  const caller = callerFromEvent(event);
  const owner = route.access === 'owner' ? await requireOwner(caller) : undefined;
  const access = isDomainScoped(route)
    ? await authorizeDomain(caller, (params as { domainId: string }).domainId, route.access)
    : undefined;
  return { caller, access, owner };
};

/** Builds the Lambda handler of a signed-in route from its domain function. */
export function makeHandler<R extends RouteDefinition>(route: R, handle: Parameters<typeof buildHandler<R>>[2]): RouteHandler {
  return buildHandler(route, authorize, handle);
}
