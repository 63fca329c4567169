/**
 * Test-only writes that no route makes: moving a member's lastActiveAt into the past, as
 * time would. Imports helpers.ts first, which points this worker at the local stack.
 */
import './helpers.ts';
import type { MembershipRecord } from '#shared/store/records.ts';

/** Rewrites a membership with some fields changed, as time would have (keys and indexes recomputed). */
export async function rewriteMembership(domainId: string, userId: string, change: { lastActiveAt?: string; createdAt?: string }): Promise<void> {
  const [{ PutCommand }, { dynamodb }, { tableName }, { membershipItem }, { getMembership }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/domain-store.ts'),
    import('#shared/store/member-store.ts'),
  ]);
  const membership = await getMembership(domainId, userId);
  if (!membership) throw new Error(`rewriteMembership: no member ${userId} in ${domainId}`);
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: membershipItem({ ...membership, ...change }) }));
}

/** Sets a membership's lastActiveAt, as if the member had last been seen then. */
export async function setLastActive(domainId: string, userId: string, at: string): Promise<void> {
  await rewriteMembership(domainId, userId, { lastActiveAt: at });
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

/**
 * Writes memberships straight into the table (BatchWriteItem, 25 a call, 8 calls in flight),
 * each with every index key as the store writes it, and their entries in the domain's member
 * search projection: thousands of members in seconds, where the API would take minutes. The
 * domain's role counters are not moved (tests that seed this way only read the list).
 */
export async function seedMembers(members: readonly MembershipRecord[]): Promise<void> {
  const [{ BatchWriteCommand }, { dynamodb }, { tableName }, { membershipItem }, { writeSearchEntries }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/domain-store.ts'),
    import('#shared/store/member-search.ts'),
  ]);
  const batches: MembershipRecord[][] = [];
  for (let i = 0; i < members.length; i += 25) batches.push(members.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let request: Record<string, unknown[]> | undefined = { [tableName()]: batch.map((m) => ({ PutRequest: { Item: membershipItem(m) } })) };
        while (request && Object.keys(request).length > 0) {
          const out = await dynamodb.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    }),
  );
  await writeSearchEntries(members);
}
