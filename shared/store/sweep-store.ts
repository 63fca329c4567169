/** What the sweeps read and write beyond memberships: their sparse index, reminders, orphans. */
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { conditionally, isNamed } from '#shared/store/dynamo.ts';
import * as keys from '#shared/store/key-formats.ts';
import { withoutKeys } from '#shared/store/keys.ts';
import type { UserRecord } from '#shared/store/records.ts';

export type SweepPartition = { kind: 'active' | 'pending'; domainId: string } | { kind: 'orphan' };

function partitionKey(partition: SweepPartition): string {
  if (partition.kind === 'orphan') return keys.orphanSince('', '').gsi3pk;
  return partition.kind === 'active' ? keys.activeSince(partition.domainId, '', '').gsi3pk : keys.pendingSince(partition.domainId, '', '').gsi3pk;
}

/**
 * One page (up to 100) of a sweep partition of gsi3: the items whose due key sorts before
 * `before`, oldest first. Only due items are read, whatever the partition holds besides.
 */
export async function dueItems(partition: SweepPartition, before: string, start?: Record<string, unknown>) {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :before',
      ExpressionAttributeValues: { ':pk': partitionKey(partition), ':before': before },
      ExclusiveStartKey: start,
      Limit: 100,
    }),
  );
  return { items: (out.Items ?? []).map((i) => withoutKeys(i)), next: out.LastEvaluatedKey, read: out.ScannedCount ?? 0 };
}

/**
 * Records that the domain's administrators are reminded of the review due at `dueAt`;
 * false when a run did so already, so each due date gets one reminder.
 */
export async function claimReviewReminder(domainId: string, dueAt: string): Promise<boolean> {
  return conditionally(
    dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.domain(domainId),
        UpdateExpression: 'SET reviewReminderFor = :due',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(reviewReminderFor) OR reviewReminderFor <> :due)',
        ExpressionAttributeValues: { ':due': dueAt },
      }),
    ),
  );
}

/** Whether a user belongs to any domain (one item read at most). */
export async function hasAnyMembership(userId: string): Promise<boolean> {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.userMembershipsPartition(userId) },
      Limit: 1,
    }),
  );
  return (out.Items ?? []).length > 0;
}

/** Deletes an orphan's profile and email claim, while it is still marked orphan; false if it is not. */
export async function deleteOrphan(user: UserRecord): Promise<boolean> {
  try {
    await dynamodb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName(), Key: keys.user(user.userId), ConditionExpression: 'attribute_exists(orphanedAt)' } },
          { Delete: { TableName: tableName(), Key: keys.email(user.email) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isNamed(error, 'TransactionCanceledException')) return false;
    throw error;
  }
}
