/**
 * A template linter for the rules cfn-lint would apply that matter here (cfn-lint itself is on
 * neither npm nor Debian): every Ref, GetAtt, Sub and DependsOn target exists; every resource
 * type is a CloudFormation type aws-cdk-lib knows (its L1 classes' CFN_RESOURCE_TYPE_NAME) or a
 * custom resource with a service token; every property those L1 classes require is there;
 * outputs resolve; no parameter or condition is unused; the resource count stays under
 * CloudFormation's 500.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** CloudFormation's limit of resources per stack. */
export const CLOUDFORMATION_RESOURCE_LIMIT = 500;

/** Pseudo parameters a Ref may name. */
const PSEUDO_PARAMETERS = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

let known: Map<string, string[]> | undefined;

/**
 * Every resource type aws-cdk-lib has an L1 class for, with the properties its constructor
 * requires (PascalCase, as in a template), read from the generated L1 modules.
 */
export function knownResourceTypes(): Map<string, string[]> {
  if (known) return known;
  const root = dirname(createRequire(import.meta.url).resolve('aws-cdk-lib/package.json'));
  known = new Map();
  for (const dir of readdirSync(root)) {
    if (!dir.startsWith('aws-') && dir !== 'alexa-ask') continue;
    let files: string[];
    try {
      files = readdirSync(join(root, dir, 'lib')).filter((f) => f.endsWith('.generated.js'));
    } catch {
      continue;
    }
    for (const file of files) {
      const chunks = readFileSync(join(root, dir, 'lib', file), 'utf8').split('CFN_RESOURCE_TYPE_NAME="').slice(1);
      for (const chunk of chunks) {
        const type = chunk.slice(0, chunk.indexOf('"'));
        const required = [...chunk.matchAll(/requireProperty\(props,"([A-Za-z0-9]+)"/g)].map((m) => m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1));
        if (!known.has(type)) known.set(type, [...new Set(required)]);
      }
    }
  }
  return known;
}

/** Every (kind, name) a value references: Ref, Fn::GetAtt, ${X} in Fn::Sub, Condition in Fn::If. */
function references(value: unknown, into: { kind: 'ref' | 'getatt' | 'sub' | 'condition'; name: string }[] = []) {
  if (Array.isArray(value)) {
    for (const v of value) references(v, into);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string') into.push({ kind: 'ref', name: v });
      else if (key === 'Fn::GetAtt') {
        const name = Array.isArray(v) ? v[0] : typeof v === 'string' ? v.split('.')[0] : undefined;
        if (typeof name === 'string') into.push({ kind: 'getatt', name });
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(v) ? v[0] : v;
        const vars = Array.isArray(v) && v[1] && typeof v[1] === 'object' ? Object.keys(v[1]) : [];
        if (typeof text === 'string') {
          for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
            const name = m[1]!.split('.')[0]!;
            if (!vars.includes(name)) into.push({ kind: 'sub', name });
          }
        }
      } else if (key === 'Fn::If' && Array.isArray(v) && typeof v[0] === 'string') into.push({ kind: 'condition', name: v[0] });
      else if (key === 'Condition' && typeof v === 'string') into.push({ kind: 'condition', name: v });
      references(v, into);
    }
  }
  return into;
}

/** The problems of a template, one sentence each; none when it passes. */
export function lintTemplate(template: any): string[] {
  const problems: string[] = [];
  const resources: Record<string, any> = template.Resources ?? {};
  const parameters: Record<string, any> = template.Parameters ?? {};
  const conditions: Record<string, any> = template.Conditions ?? {};
  const outputs: Record<string, any> = template.Outputs ?? {};
  const types = knownResourceTypes();

  const count = Object.keys(resources).length;
  if (count === 0) problems.push('The template has no resource');
  if (count > CLOUDFORMATION_RESOURCE_LIMIT) problems.push(`${count} resources: more than CloudFormation's ${CLOUDFORMATION_RESOURCE_LIMIT}`);

  const exists = (kind: string, name: string) => {
    if (kind === 'condition') return name in conditions;
    if (kind === 'getatt') return name in resources;
    return name in resources || name in parameters || PSEUDO_PARAMETERS.has(name);
  };
  const checkReferences = (where: string, value: unknown) => {
    for (const { kind, name } of references(value)) if (!exists(kind, name)) problems.push(`${where}: ${kind} to ${name}, which does not exist`);
  };

  for (const [id, res] of Object.entries(resources)) {
    const type: unknown = res.Type;
    if (typeof type !== 'string') {
      problems.push(`${id}: no Type`);
      continue;
    }
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
      if (!res.Properties?.ServiceToken) problems.push(`${id}: custom resource ${type} without a ServiceToken`);
    } else if (!types.has(type)) {
      problems.push(`${id}: unknown resource type ${type}`);
    } else {
      // The L1 names and the template's differ in case here and there (webAclArn, WebACLArn).
      const given = new Set(Object.entries(res.Properties ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k.toLowerCase()));
      for (const property of types.get(type)!) {
        if (!given.has(property.toLowerCase())) problems.push(`${id}: ${type} requires ${property}`);
      }
    }
    if (res.Properties !== undefined && (typeof res.Properties !== 'object' || Object.keys(res.Properties).length === 0)) problems.push(`${id}: empty Properties`);
    for (const dependency of [res.DependsOn ?? []].flat()) if (!(dependency in resources)) problems.push(`${id}: DependsOn ${dependency}, which does not exist`);
    if (res.Condition !== undefined && !(res.Condition in conditions)) problems.push(`${id}: Condition ${res.Condition}, which does not exist`);
    checkReferences(id, res.Properties);
    checkReferences(id, res.Metadata && Object.fromEntries(Object.entries(res.Metadata).filter(([key]) => key !== 'cdk_nag')));
  }
  for (const [name, output] of Object.entries(outputs)) {
    if (output.Value === undefined || output.Value === '') problems.push(`Output ${name}: no value`);
    checkReferences(`Output ${name}`, output.Value);
  }
  checkReferences('Conditions', conditions);
  checkReferences('Rules', template.Rules);

  // Used: referenced from resources, outputs, conditions or rules.
  const used = references([resources, outputs, conditions, template.Rules ?? {}]);
  for (const name of Object.keys(parameters)) if (!used.some((r) => r.kind !== 'condition' && r.name === name)) problems.push(`Parameter ${name} is never used`);
  for (const name of Object.keys(conditions)) if (!used.some((r) => r.kind === 'condition' && r.name === name)) problems.push(`Condition ${name} is never used`);
  return problems;
}
