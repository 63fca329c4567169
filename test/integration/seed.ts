/**
 * Test-only writes that no route makes: moving a member's lastActiveAt into the past, as
 * time would. Imports helpers.ts first, which points this worker at the local stack.
 */
import './helpers.ts';

/** Sets a membership's lastActiveAt directly in the table. */
export async function setLastActive(domainId: string, userId: string, at: string): Promise<void> {
  const [{ UpdateCommand }, { dynamodb }, { tableName }, { keys }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/keys.ts'),
  ]);
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.membership(domainId, userId),
      UpdateExpression: 'SET lastActiveAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}
