/**
 * What the stale sweep reads over 10,000 members: about the 100 stale ones, not the 10,000.
 * In the integration-heavy project (vitest.config.ts): its 10,000 writes run on a stack of their
 * own, after the other files, so they slow no other file's mail.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { newDomain, stack, tokenFor } from './helpers.ts';
import { ago, sweep } from './sweep-run.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

describe('cost', () => {
  it('over 10,000 members with 100 stale, the stale sweep reads about the 100, not the 10,000', { timeout: 240_000 }, async () => {
    const domain = await newDomain(owner);
    const [{ dynamodb }, { tableName }, { membershipItem }] = await Promise.all([
      import('#shared/clients/dynamodb.ts'),
      import('#shared/config.ts'),
      import('#shared/store/domain-store.ts'),
    ]);
    // Seeding straight into the table (BatchWriteItem, 25 at a time): 9,900 recent members, 100 idle
    // for a year. Only the keys the sweep reads are kept (table and gsi3): writing the other three
    // indexes for 10,000 items would triple the seeding time and change nothing the sweep reads.
    const at = new Date().toISOString();
    const items = Array.from({ length: 10_000 }, (_, i) => {
      const { gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi4pk: _e, gsi4sk: _f, ...item } = membershipItem({
        domainId: domain.id,
        userId: `bulk-${String(i).padStart(5, '0')}`,
        email: `bulk-${i}@example.test`,
        emailVerified: true,
        name: `Bulk ${i}`,
        language: 'en',
        role: 'user',
        status: 'active',
        createdAt: at,
        invitedBy: null,
        lastActiveAt: i < 100 ? ago(365) : at,
        version: 1,
      });
      return item;
    });
    const batches = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    for (let i = 0; i < batches.length; i += 8) {
      await Promise.all(
        batches.slice(i, i + 8).map(async (batch) => {
          let request: Record<string, unknown[]> | undefined = { [tableName()]: batch.map((Item) => ({ PutRequest: { Item } })) };
          while (request && Object.keys(request).length > 0) {
            const out = await dynamodb.send(new BatchWriteCommand({ RequestItems: request as never }));
            request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
          }
        }),
      );
    }
    const report = await sweep({ domainIds: [domain.id], dryRun: true });
    expect(report.domains[0]?.deactivated).toHaveLength(100);
    // Index reads for the 100 plus two fresh reads each, and the domain itself: far from 10,000.
    expect(report.itemsRead).toBeLessThan(400);
    expect(report.itemsRead).toBeGreaterThanOrEqual(100);
  });
});
