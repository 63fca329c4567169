import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { expiredInvitations, insertedEvents, profileChanges } from '#shared/domain/table-stream.ts';

const ttl = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
const record = (eventName: 'INSERT' | 'REMOVE', item: Record<string, unknown>, userIdentity?: typeof ttl) =>
  ({
    eventName,
    ...(userIdentity ? { userIdentity } : {}),
    dynamodb: { [eventName === 'INSERT' ? 'NewImage' : 'OldImage']: marshall(item, { removeUndefinedValues: true }) },
  }) as unknown as DynamoDBRecord;

const token = (state: string, kind = 'email') => ({ type: 'token', hash: 'h'.repeat(43), kind, state, domainId: 'd1', invitationId: 'i1', email: 'a@b.test', expiresAt: '2026-01-01T00:00:00.000Z' });

describe('the table stream', () => {
  it('reads history events from inserts only, with their domain', () => {
    const event = { type: 'event', id: 'e1', at: 'x', actor: 'u', action: 'member.role_changed', targetType: 'member', targetId: 'u2', before: { role: 'a' }, after: { role: 'b' }, domainId: 'd1' };
    expect(insertedEvents([record('INSERT', event), record('REMOVE', event), record('INSERT', { type: 'membership' })])).toEqual([
      { id: 'e1', at: 'x', actor: 'u', action: 'member.role_changed', targetType: 'member', targetId: 'u2', before: { role: 'a' }, after: { role: 'b' }, domainId: 'd1' },
    ]);
  });

  it('counts as expired only a pending invitation token that TTL deleted', () => {
    const found = expiredInvitations([
      record('REMOVE', token('pending'), ttl),
      record('REMOVE', token('pending')),
      record('REMOVE', token('used'), ttl),
      record('REMOVE', token('revoked'), ttl),
      record('REMOVE', token('pending', 'set-password'), ttl),
    ]);
    expect(found).toEqual([{ domainId: 'd1', invitationId: 'i1', tokenHash: 'h'.repeat(43), email: 'a@b.test', expiresAt: '2026-01-01T00:00:00.000Z' }]);
  });

  it('copies a profile only when its name or language changed, with the change time the profile holds', () => {
    const user = (fields: Record<string, unknown>) => ({ type: 'user', userId: 'u1', email: 'a@b.test', name: 'Old', language: 'en', version: 1, ...fields });
    const modify = (before: Record<string, unknown>, after: Record<string, unknown>) =>
      ({ eventName: 'MODIFY', dynamodb: { OldImage: marshall(before), NewImage: marshall(after), ApproximateCreationDateTime: 1_800_000_000 } }) as unknown as DynamoDBRecord;
    const changes = profileChanges([
      modify(user({}), user({ name: 'New', version: 2, profileUpdatedAt: '2026-12-02T04:00:00.000Z' })),
      modify(user({ version: 2 }), user({ version: 2, orphanedAt: 'x' })),
      modify(user({}), user({ language: 'fi', version: 3 })),
      modify({ type: 'membership', name: 'Old' }, { type: 'membership', name: 'New' }),
      record('INSERT', user({})),
    ]);
    expect(changes).toEqual([
      { userId: 'u1', version: 2, at: '2026-12-02T04:00:00.000Z', before: { name: 'Old', language: 'en' }, after: { name: 'New', language: 'en' } },
      { userId: 'u1', version: 3, at: new Date(1_800_000_000_000).toISOString(), before: { name: 'Old', language: 'en' }, after: { name: 'Old', language: 'fi' } },
    ]);
  });
});
