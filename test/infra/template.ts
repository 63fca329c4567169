/** Reading a synthesized template: resources by type, references, and the function of each route. */
import type { Template } from 'aws-cdk-lib/assertions';
import type { RouteDefinition } from '#shared/http/route.ts';

export interface Resource {
  Type: string;
  Properties?: Record<string, any>;
  Metadata?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export function resources(template: Template, type?: string): [string, Resource][] {
  const all = Object.entries(template.toJSON().Resources as Record<string, Resource>);
  return type ? all.filter(([, resource]) => resource.Type === type) : all;
}

export function resource(template: Template, logicalId: string): Resource {
  const found = (template.toJSON().Resources as Record<string, Resource>)[logicalId];
  if (!found) throw new Error(`No resource ${logicalId}`);
  return found;
}

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
export function target(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const ref = (value as { Ref?: unknown }).Ref;
    if (typeof ref === 'string') return ref;
    const getAtt = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  }
  return undefined;
}

/** Every logical id referenced anywhere inside a value. */
export function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  const id = target(value);
  if (id) into.add(id);
  if (value && typeof value === 'object') for (const child of Object.values(value)) referencedIds(child, into);
  return into;
}

/** `listDomains` -> `ListDomains`, the construct id the stack gives a route's function. */
export const constructIdOf = (route: Pick<RouteDefinition, 'id'>) => route.id.charAt(0).toUpperCase() + route.id.slice(1);

/** The logical id of each route's Lambda function, found by its construct path. */
export function functionsByRoute(template: Template, stackName: string, routes: readonly RouteDefinition[]): Map<string, string> {
  const byPath = new Map(resources(template, 'AWS::Lambda::Function').map(([id, fn]) => [fn.Metadata?.['aws:cdk:path'], id]));
  return new Map(
    routes.map((route) => {
      const id = byPath.get(`${stackName}/Functions/${constructIdOf(route)}/Function/Resource`);
      if (!id) throw new Error(`No function for route ${route.id}`);
      return [route.id, id];
    }),
  );
}

/** The acknowledged cdk-nag rule ids written into a resource's metadata. */
export function acknowledgedRules(resource: Resource): { id: string; reason: string }[] {
  return resource.Metadata?.cdk_nag?.rules_to_suppress ?? [];
}
