/**
 * The stack's one DynamoDB table, built from shared/table.ts (the module the local stack
 * uses too), so keys, indexes, TTL and stream are defined once.
 *
 * `Table` (AWS::DynamoDB::Table) rather than `TableV2`: it is the same CreateTable shape the
 * local stack sends to DynamoDB Local, and cdk-nag's point-in-time-recovery rule checks it.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE, type KeyAttribute } from '#shared/table.ts';

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

export class Data extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(TABLE.partitionKey),
      sortKey: attribute(TABLE.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE.ttlAttribute,
      stream: dynamodb.StreamViewType[TABLE.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The table holds every identity's memberships and history: a stack delete or a
      // replacement keeps it, while a first create that rolls back removes it (nothing
      // orphaned blocks the next attempt). No deletion protection, which would make that
      // rollback fail to delete it: a table deleted by hand still leaves the 35-day system
      // backup that point-in-time recovery takes on deletion.
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });

    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
