/**
 * X-Ray (customer file `tracing`, default false): active tracing on every Gatehouse function
 * of a stack, with the two X-Ray actions each role needs. The API stage's own tracing is
 * infra/api.ts's. Applied once the stack holds all its functions, so a function added by any
 * construct is traced too.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { GatehouseFunction, InlinePolicyRole } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';

/** What a traced function sends: segments and telemetry. X-Ray supports no resource-level permission for them. */
export const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

export const XRAY_REASON =
  'X-Ray tracing (customer file tracing: true): xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission (Service Authorization Reference: resource "*"); they only send trace data.';

/** Turns active tracing on for every GatehouseFunction below `scope`; returns them. */
export function traceFunctions(scope: Construct): GatehouseFunction[] {
  const functions = scope.node.findAll().filter((c): c is GatehouseFunction => c instanceof GatehouseFunction);
  for (const fn of functions) {
    (fn.function.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: XRAY_ACTIONS, resources: ['*'] }));
    const holder = fn.role instanceof InlinePolicyRole ? fn.role : fn.role.node.tryFindChild('DefaultPolicy');
    if (!holder) throw new Error(`${fn.node.path}: no policy to hold the X-Ray grant`);
    acknowledge(holder, 'AwsSolutions-IAM5[Resource::*]', XRAY_REASON);
  }
  return functions;
}
