/** Reading a synthesized template: resources by type, references, and the function of each route. */
import type { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { CustomerConfig } from '#infra/customer-config.ts';
import type { GatehouseStack } from '#infra/gatehouse-stack.ts';
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

/** An IAM statement as comparable strings: one row per action x resource. */
export function statementRows(statement: any): string[] {
  const actions: string[] = [statement.Action].flat();
  const resourcesOf: unknown[] = [statement.Resource].flat();
  const condition = statement.Condition ? JSON.stringify(statement.Condition) : '';
  return actions.flatMap((action) => resourcesOf.map((res) => `${statement.Effect} ${action} ${JSON.stringify(res)} ${condition}`));
}

/** Every statement of the policies attached to a role (inline and separate), as sorted rows. */
export function roleRows(template: Template, roleId: string): string[] {
  const inline = (resource(template, roleId).Properties!.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement);
  const attached = resources(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties!.Roles.some((r: unknown) => target(r) === roleId))
    .flatMap(([, policy]) => policy.Properties!.PolicyDocument.Statement);
  return [...inline, ...attached].flatMap(statementRows).sort();
}

/** CDK's BucketDeployment function and its role (the hosted pages' deployment, infra/hosted-pages.ts): not Gatehouse's own. */
export const isDeploymentHandler = (resource: Resource) => String(resource.Metadata?.['aws:cdk:path'] ?? '').includes('/Custom::CDKBucketDeployment');

/** Gatehouse's own functions: every Lambda function but CDK's BucketDeployment one. */
export function ownFunctions(template: Template): [string, Resource][] {
  return resources(template, 'AWS::Lambda::Function').filter(([, fn]) => !isDeploymentHandler(fn));
}

/** The logical id of the one resource of a type. */
export function only(template: Template, type: string): [string, Resource] {
  const found = resources(template, type);
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0]!;
}

/** The Lambda function at a construct path below the stack (`Schedules/Sweeps`). */
export function functionAt(template: Template, stackName: string, constructPath: string): [string, Resource] {
  const found = resources(template, 'AWS::Lambda::Function').find(([, fn]) => fn.Metadata?.['aws:cdk:path'] === `${stackName}/${constructPath}/Function/Resource`);
  if (!found) throw new Error(`No function at ${constructPath}`);
  return found;
}

/** The variables every function of a customer's stack gets. */
export function houseEnvironment({ template, customer, stack }: { template: Template; customer: CustomerConfig; stack: GatehouseStack }): Record<string, unknown> {
  return {
    TABLE_NAME: { Ref: only(template, 'AWS::DynamoDB::Table')[0] },
    ROLE_PRESET: customer.rolePreset,
    PRODUCT_NAME: customer.productName,
    CUSTOMER: customer.name,
    POWERTOOLS_SERVICE_NAME: 'gatehouse',
    APP_ORIGINS: stack.resolve(stack.appOrigins.join(',')),
    // The customer's app, else the hosted pages' distribution.
    APP_URL: customer.appUrl ?? { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [only(template, 'AWS::CloudFront::Distribution')[0], 'DomainName'] }]] },
    INVITATION_EMAILS_PER_DAY: String(customer.invitationEmailsPerDay),
    // Stack traces through the bundle's source map (deployed beside it).
    NODE_OPTIONS: '--enable-source-maps',
  };
}

/** The SES identities a sender address is granted: the address and its domain, as the template spells them. */
export function sesIdentityArns(stack: Stack, address: string): unknown[] {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return [address, domain].map((identity) => stack.resolve(stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })));
}
