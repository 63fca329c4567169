/**
 * A fault injected into a change's transaction leaves neither the change nor its history
 * event behind. The domain function runs in this worker against DynamoDB Local; a spy on
 * the client corrupts the transaction's history item so DynamoDB cancels the whole
 * transaction (the only client mock of the suite, and only to inject the fault).
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMembership, api, createUser, newDomain, stack, tokenFor } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('a transaction that fails half way', () => {
  it('leaves neither the member change nor its history event', async () => {
    const owner = await tokenFor(stack().admin.email, stack().admin.password);
    const domain = await newDomain(owner);
    const member = await createUser();
    await addMembership(domain.id, member.userId, 'user', 'active');

    const [{ dynamodb }, { updateMember }, { loadDomainAccess }, { cognitoDirectory }] = await Promise.all([
      import('#shared/clients/dynamodb.ts'),
      import('#shared/domain/members.ts'),
      import('#shared/store/domain-store.ts'),
      import('#shared/directory.ts'),
    ]);
    const me = (await api('GET', '/me', { token: owner })).body;
    const { domain: record, membership } = await loadDomainAccess(domain.id, me.userId);
    if (!record || !membership) throw new Error('the owner is not a member of its new domain');

    const send = dynamodb.send.bind(dynamodb);
    let injected = 0;
    vi.spyOn(dynamodb, 'send').mockImplementation(((command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        // The history event's Put gets a condition that cannot hold: DynamoDB must then refuse every item.
        for (const item of command.input.TransactItems ?? []) {
          if (item.Put?.Item?.type === 'event') {
            item.Put.ConditionExpression = 'attribute_exists(pk)';
            injected++;
          }
        }
      }
      return send(command as never);
    }) as typeof dynamodb.send);

    const access = { domain: record, membership, grants: ['*' as const] };
    const caller = { userId: me.userId, email: me.email };
    await expect(updateMember(access, caller, member.userId, { role: 'manager', status: 'inactive' }, undefined, cognitoDirectory)).rejects.toThrow();
    expect(injected).toBeGreaterThan(0);
    vi.restoreAllMocks();

    const after = await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner });
    expect(after.body).toMatchObject({ role: 'user', status: 'active', version: 1 });
    const events = await api('GET', `/domains/${domain.id}/history?target=${member.userId}&limit=100`, { token: owner });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['member.added']);
  });
});
