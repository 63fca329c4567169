/**
 * X-Ray (customer file `tracing`, default false): active tracing on every Gatehouse function
 * of a stack, and one policy, attached to all their roles, with the two X-Ray actions they
 * need (one resource and one acknowledgement, not one per function). The API stage's own
 * tracing is infra/api.ts's. Applied once the stack holds all its functions, so a function
 * added by any construct is traced too.
 */
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { GatehouseFunction } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';

/** What a traced function sends: segments and telemetry. X-Ray supports no resource-level permission for them. */
export const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

export const XRAY_REASON =
  'X-Ray tracing (customer file tracing: true): xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission (Service Authorization Reference: resource "*"); they only send trace data.';

/** Turns active tracing on for every GatehouseFunction below `scope`; returns the policy that lets them send traces. */
export function traceFunctions(scope: Construct, id = 'Tracing'): iam.Policy {
  const functions = scope.node.findAll().filter((c): c is GatehouseFunction => c instanceof GatehouseFunction);
  // On the L1: the L2's `tracing` would add the same statement to each role's own policy.
  for (const fn of functions) (fn.function.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
  const policy = new iam.Policy(scope, id, {
    statements: [new iam.PolicyStatement({ actions: XRAY_ACTIONS, resources: ['*'] })],
    roles: functions.map((fn) => fn.role),
  });
  acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', XRAY_REASON);
  return policy;
}
