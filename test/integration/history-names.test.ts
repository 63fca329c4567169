/**
 * History answers the names of its actors and targets, resolved when it is read
 * (shared/domain/history.ts): a person by their membership's name (else their profile's once
 * removed), a role by its name (else the name its event recorded once deleted), the domain by
 * its name, an invitation by its address only for a viewer who may see addresses, and a
 * system actor by none.
 */
import { randomUUID } from 'node:crypto';
import { ifMatch, unwrap } from '@gatehouse/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addMembership, client, createUser, DAY_MS, newDomain, settledEmails, stack, tokenFor, ttlSweep } from './helpers.ts';

let owner: string;
let ownerName: string;
let ownerId: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  const me = unwrap(await client(owner).GET('/me'));
  ownerName = me.name;
  ownerId = me.userId;
});

describe('history names', () => {
  it('names actors and targets as the domain knows them, for members, roles, the domain and invitations', async () => {
    const domain = await newDomain(owner, `Names ${randomUUID().slice(0, 6)}`);
    const gh = client(owner);
    const path = { domainId: domain.id };
    const mia = await createUser({ name: 'Mia Moved' });
    await addMembership(domain.id, mia.userId, 'user', 'active');
    const member = unwrap(await gh.GET('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: mia.userId } } }));
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: mia.userId }, header: ifMatch(member) }, body: { role: 'manager' } }));
    const role = unwrap(await gh.POST('/domains/{domainId}/roles', { params: { path }, body: { name: 'Short-lived', permissions: ['assets:view'] } }));
    unwrap(await gh.DELETE('/domains/{domainId}/roles/{roleId}', { params: { path: { ...path, roleId: role.id } } }));
    const invitee = `named-${randomUUID().slice(0, 8)}@example.test`;
    unwrap(await gh.POST('/domains/{domainId}/invitations', { params: { path }, body: { emails: [invitee], role: 'user' } }));
    // Removed afterwards: the earlier events still name her, from her profile.
    const now = unwrap(await gh.GET('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: mia.userId } } }));
    expect((await gh.DELETE('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: mia.userId }, header: ifMatch(now) } })).response.status).toBe(204);

    const events = unwrap(await gh.GET('/domains/{domainId}/history', { params: { path, query: { limit: 100 } } })).items;
    const one = (action: string) => {
      const found = events.filter((e) => e.action === action);
      expect(found, action).toHaveLength(1);
      return found[0]!;
    };
    expect(one('domain.created')).toMatchObject({ actor: ownerId, actorName: ownerName, targetName: domain.name });
    expect(one('member.role_changed')).toMatchObject({ actorName: ownerName, targetId: mia.userId, targetName: 'Mia Moved' });
    expect(one('member.removed')).toMatchObject({ targetName: 'Mia Moved' });
    expect(one('role.created')).toMatchObject({ targetId: role.id, targetName: 'Short-lived' });
    expect(one('role.deleted')).toMatchObject({ targetName: 'Short-lived' });
    expect(one('invitation.invited')).toMatchObject({ actorName: ownerName, targetName: invitee });

    // A viewer who may not see invitee addresses sees no address as a name either.
    const viewerRole = unwrap(await gh.POST('/domains/{domainId}/roles', { params: { path }, body: { name: 'Reader', permissions: ['history:view'] } }));
    const viewer = await createUser();
    await addMembership(domain.id, viewer.userId, viewerRole.id, 'active');
    const seen = unwrap(await client(viewer.token).GET('/domains/{domainId}/history', { params: { path, query: { action: 'invitation.invited' } } })).items;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ actorName: ownerName, targetName: null, redacted: true });
    expect(JSON.stringify(seen)).not.toContain(invitee);
  });

  it('answers no actor name for a system actor (the TTL reaper), and still names its target', async () => {
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const invitee = `expiring-${randomUUID().slice(0, 8)}@example.test`;
    unwrap(await client(owner).POST('/domains/{domainId}/invitations', { params: { path }, body: { emails: [invitee], role: 'user', validDays: 1 } }));
    // Once the mail worker has replaced the request's token with the one it mailed: a sweep racing
    // that claim would find the first token gone and the second not yet seen.
    await settledEmails(invitee);
    expect(await ttlSweep(domain.id, 2 * DAY_MS)).toBe(1);
    const expired = await vi.waitFor(
      async () => {
        const items = unwrap(await client(owner).GET('/domains/{domainId}/history', { params: { path, query: { action: 'invitation.expired' } } })).items;
        if (items.length === 0) throw new Error('no invitation.expired yet');
        return items[0]!;
      },
      { timeout: 20_000, interval: 250 },
    );
    expect(expired).toMatchObject({ actor: 'system:ttl', actorName: null, targetName: invitee });
  });
});
