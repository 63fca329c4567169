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

/** Sets how many invitation emails a domain has sent on a day (the daily-limit counter). */
export async function setMailCount(domainId: string, day: string, sent: number): Promise<void> {
  const [{ PutCommand }, { dynamodb }, { tableName }, { keys }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/keys.ts'),
  ]);
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: { ...keys.mailDay(domainId, day), sent } }));
}

/**
 * Every item of the local table. Test code only: requests never Scan (SPEC section 7); this
 * reads the emulator's table whole to prove what it does not hold.
 */
export async function allTableItems(): Promise<Record<string, unknown>[]> {
  const [{ ScanCommand }, { dynamodb }, { tableName }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
  ]);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamodb.send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
