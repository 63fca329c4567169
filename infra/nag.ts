/**
 * cdk-nag acknowledgements. cdk-nag 3 runs as a CDK validation plugin and reads
 * `Validations.of(construct).acknowledge(...)`, which also covers the construct's children;
 * acknowledging on the CloudFormation resource itself (the L1 of an L2) keeps each
 * acknowledgement to exactly the resource the finding is about, in the check and in the
 * template metadata (`cdk_nag.rules_to_suppress`).
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledges rule `id` (e.g. `AwsSolutions-APIG3`, or `AwsSolutions-IAM5[Resource::...]`) on one resource. */
export function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct.node.defaultChild ?? construct).acknowledge({ id, reason });
}
