/**
 * Assets: what a domain owns, where it is kept, who holds it and when it is reserved.
 * Each change reads the asset fresh, decides, and stores the change with its history event
 * in one conditional transaction; when another change got in between, the step runs again
 * on fresh data (retryOnConflict), so two checkouts or two overlapping reservations of one
 * asset never both succeed.
 */
import { randomUUID } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { BadRequest, Conflict, NotFound, PermissionMissing, VersionMismatch } from '#shared/http/errors.ts';
import { allows } from '#shared/permissions.ts';
import {
  type AssetFilter,
  type AssetRecord,
  getAsset as readAsset,
  getAssetAndMembership,
  getAssetWithReservations,
  getHolderMembership,
  listAssets as listStored,
  listReservations as listStoredReservations,
  type ReservationRecord,
  saveAssetChange,
  saveReservation,
} from '#shared/store/asset-store.ts';
import { historyEvent } from '#shared/store/history.ts';
import type { HistoryEvent, MembershipRecord } from '#shared/store/records.ts';

/** An asset as the API shows it. */
export function assetView(a: AssetRecord) {
  return {
    id: a.id,
    name: a.name,
    tag: a.tag,
    locationId: a.locationId,
    holderId: a.holderId,
    holderName: a.holderName,
    status: a.status,
    checkedOutAt: a.checkedOutAt,
    createdAt: a.createdAt,
    version: a.version,
  };
}

export function reservationView(r: ReservationRecord) {
  return { id: r.id, assetId: r.assetId, from: r.from, to: r.to, by: r.by, createdAt: r.createdAt };
}

export async function listAssets(access: DomainAccess, filter: AssetFilter, limit: number, cursor: string | undefined) {
  const page = await listStored(access.domain.id, filter, limit, cursor);
  return { items: page.items.map(assetView), nextCursor: page.nextCursor };
}

/**
 * The assets a user holds in the domain, from the holder index. Membership is not checked:
 * a member deactivated or removed while holding assets still has them listed here, so an
 * administrator knows what to collect.
 */
export async function listMemberAssets(access: DomainAccess, userId: string, limit: number, cursor: string | undefined) {
  return listAssets(access, { holderId: userId }, limit, cursor);
}

const assetNotFound = (assetId: string) => new NotFound(`No asset ${assetId} in this domain.`);

async function loadAsset(domainId: string, assetId: string, ifMatch: number | undefined): Promise<AssetRecord> {
  const asset = await readAsset(domainId, assetId);
  if (!asset) throw assetNotFound(assetId);
  if (ifMatch !== undefined && ifMatch !== asset.version) throw new VersionMismatch(asset.version);
  return asset;
}

export async function getAsset(access: DomainAccess, assetId: string) {
  return assetView(await loadAsset(access.domain.id, assetId, undefined));
}

/** The history event of a change, with only the fields it changed. */
function changeEvent(action: 'asset.updated' | 'asset.checked_out' | 'asset.checked_in', actor: string, before: AssetRecord, after: AssetRecord, fields: readonly (keyof AssetRecord)[]): HistoryEvent {
  return historyEvent({
    at: after.updatedAt,
    actor,
    action,
    targetType: 'asset',
    targetId: after.id,
    before: Object.fromEntries(fields.map((f) => [f, before[f]])),
    after: Object.fromEntries(fields.map((f) => [f, after[f]])),
  });
}

/** Creates an asset; its tag must be free in the domain and its location must exist (409 otherwise). */
export async function createAsset(access: DomainAccess, caller: Caller, input: { name: string; tag: string; locationId?: string | null }) {
  return retryOnConflict(async () => {
    const at = now().toISOString();
    const asset: AssetRecord = {
      domainId: access.domain.id,
      id: randomUUID(),
      name: input.name,
      tag: input.tag,
      locationId: input.locationId ?? null,
      holderId: null,
      holderName: null,
      status: 'available',
      checkedOutAt: null,
      createdAt: at,
      createdBy: caller.userId,
      updatedAt: at,
      version: 1,
      reservationsVersion: 0,
    };
    const event = historyEvent({ at, actor: caller.userId, action: 'asset.created', targetType: 'asset', targetId: asset.id, before: null, after: assetView(asset) });
    await saveAssetChange({ domainId: asset.domainId, before: undefined, after: asset, events: [event] });
    return assetView(asset);
  });
}

/** Renames, re-tags or moves an asset; If-Match makes it conditional. */
export async function updateAsset(
  access: DomainAccess,
  caller: Caller,
  assetId: string,
  patch: { name?: string; tag?: string; locationId?: string | null },
  ifMatch: number | undefined,
) {
  return retryOnConflict(async () => {
    const before = await loadAsset(access.domain.id, assetId, ifMatch);
    const next = {
      name: patch.name ?? before.name,
      tag: patch.tag ?? before.tag,
      locationId: patch.locationId === undefined ? before.locationId : patch.locationId,
    };
    const fields = (['name', 'tag', 'locationId'] as const).filter((f) => before[f] !== next[f]);
    if (fields.length === 0) return assetView(before);
    const after: AssetRecord = { ...before, ...next, updatedAt: now().toISOString(), version: before.version + 1 };
    await saveAssetChange({ domainId: before.domainId, before, after, events: [changeEvent('asset.updated', caller.userId, before, after, fields)] });
    return assetView(after);
  });
}

function checkedOutConflict(asset: AssetRecord, what: string) {
  return new Conflict(
    `The asset ${asset.tag} is checked out to ${asset.holderName ?? asset.holderId} since ${asset.checkedOutAt}: ${what}.`,
    'asset-checked-out',
  );
}

/** Deletes an asset that is not checked out (409 while it is). */
export async function deleteAsset(access: DomainAccess, caller: Caller, assetId: string, ifMatch: number | undefined) {
  await retryOnConflict(async () => {
    const before = await loadAsset(access.domain.id, assetId, ifMatch);
    if (before.status === 'checked_out') throw checkedOutConflict(before, 'check it in before deleting it');
    const event = historyEvent({ at: now().toISOString(), actor: caller.userId, action: 'asset.deleted', targetType: 'asset', targetId: assetId, before: assetView(before), after: null });
    await saveAssetChange({ domainId: before.domainId, before, after: undefined, events: [event] });
  });
}

/**
 * Checks an asset out to `holderId` (default: the caller). Another holder needs
 * assets:update and must be an active member, still active when the change is stored.
 * 409 when the asset is out already, also when checkouts race.
 */
export async function checkoutAsset(access: DomainAccess, caller: Caller, assetId: string, holderId: string | undefined, ifMatch: number | undefined) {
  const holderUserId = holderId ?? caller.userId;
  const forSelf = holderUserId === caller.userId;
  if (!forSelf && !allows(access.grants, 'assets:update')) throw new PermissionMissing('assets:update');
  return retryOnConflict(async (attempt) => {
    // The caller's membership was read to authorize this request; a retry reads it again.
    const { asset, membership }: { asset: AssetRecord | undefined; membership: MembershipRecord | undefined } =
      forSelf && attempt === 1
        ? { asset: await readAsset(access.domain.id, assetId), membership: access.membership }
        : await getAssetAndMembership(access.domain.id, assetId, holderUserId);
    if (!asset) throw assetNotFound(assetId);
    if (ifMatch !== undefined && ifMatch !== asset.version) throw new VersionMismatch(asset.version);
    if (asset.status === 'checked_out') throw checkedOutConflict(asset, 'check it in first');
    if (membership?.status !== 'active') {
      throw new Conflict(`${holderUserId} is not an active member of this domain: assets are checked out to active members only.`, 'holder-not-active');
    }
    const at = now().toISOString();
    const after: AssetRecord = {
      ...asset,
      status: 'checked_out',
      holderId: holderUserId,
      holderName: membership.name,
      checkedOutAt: at,
      updatedAt: at,
      version: asset.version + 1,
      heldCountedOn: membership.createdAt,
    };
    const event = changeEvent('asset.checked_out', caller.userId, asset, after, ['status', 'holderId', 'holderName']);
    // The holder's count moves in the same transaction, on the membership just read, while it is active.
    await saveAssetChange({
      domainId: asset.domainId,
      before: asset,
      after,
      events: [event],
      holderCount: { userId: holderUserId, membershipCreatedAt: membership.createdAt, delta: 1 },
    });
    return assetView(after);
  });
}

/**
 * Checks an asset in, clearing its holder. The holder may; anyone else needs assets:update
 * as well (the route asks for assets:checkin). 409 when it is not checked out.
 */
export async function checkinAsset(access: DomainAccess, caller: Caller, assetId: string, ifMatch: number | undefined) {
  return retryOnConflict(async (attempt) => {
    const asset = await loadAsset(access.domain.id, assetId, ifMatch);
    if (asset.status !== 'checked_out') throw new Conflict(`The asset ${asset.tag} is not checked out.`, 'asset-not-checked-out');
    if (asset.holderId !== caller.userId && !allows(access.grants, 'assets:update')) throw new PermissionMissing('assets:update');
    const counted = await countingMembership(access, asset, attempt);
    const at = now().toISOString();
    const after: AssetRecord = {
      ...asset,
      status: 'available',
      holderId: null,
      holderName: null,
      checkedOutAt: null,
      updatedAt: at,
      version: asset.version + 1,
      heldCountedOn: null,
    };
    const event = changeEvent('asset.checked_in', caller.userId, asset, after, ['status', 'holderId', 'holderName']);
    await saveAssetChange({
      domainId: asset.domainId,
      before: asset,
      after,
      events: [event],
      ...(counted ? { holderCount: { userId: counted.userId, membershipCreatedAt: counted.createdAt, delta: -1 as const } } : {}),
    });
    return assetView(after);
  });
}

/**
 * The membership whose held-assets count a checkin takes 1 off: the holder's, when it is
 * the very membership the checkout counted on (same createdAt) and counts at least 1.
 * None for a former member (removed with force: the count went with the membership), for a
 * member who re-joined since (the new membership never counted this asset), and for an
 * asset checked out before the count existed. The transaction's condition holds the
 * decision to what was read; a change in between is decided again (retryOnConflict).
 */
async function countingMembership(access: DomainAccess, asset: AssetRecord, attempt: number): Promise<MembershipRecord | undefined> {
  if (!asset.heldCountedOn || !asset.holderId) return undefined;
  // The caller's own membership was read (consistently) to authorize this request.
  const membership =
    attempt === 1 && asset.holderId === access.membership.userId ? access.membership : await getHolderMembership(asset.domainId, asset.holderId);
  if (!membership || membership.createdAt !== asset.heldCountedOn || (membership.assetsHeldCount ?? 0) < 1) return undefined;
  return membership;
}

/**
 * Reserves an asset for [from, to). 409 when the window overlaps another reservation of
 * the asset; windows that only touch (one ends when the other starts) do not overlap.
 */
export async function reserveAsset(access: DomainAccess, caller: Caller, assetId: string, input: { from: string; to: string }) {
  // One format for every stored time, so that comparing the strings compares the times.
  const from = new Date(input.from).toISOString();
  const to = new Date(input.to).toISOString();
  if (to <= now().toISOString()) {
    throw new BadRequest('The reservation would end in the past.', [{ path: 'body.to', message: 'must be in the future' }]);
  }
  return retryOnConflict(async () => {
    const { asset, reservations } = await getAssetWithReservations(access.domain.id, assetId, from, to);
    if (!asset) throw assetNotFound(assetId);
    const clash = reservations.find((r) => r.from < to && r.to > from);
    if (clash) {
      throw new Conflict(`The asset ${asset.tag} is reserved from ${clash.from} to ${clash.to}, which overlaps; choose another time.`, 'reservation-overlaps');
    }
    const at = now().toISOString();
    const reservation: ReservationRecord = { id: randomUUID(), assetId, from, to, by: caller.userId, createdAt: at };
    const event = historyEvent({ at, actor: caller.userId, action: 'asset.reserved', targetType: 'asset', targetId: assetId, before: null, after: reservationView(reservation) });
    await saveReservation(access.domain.id, asset, reservation, event);
    return reservationView(reservation);
  });
}

/** An asset's reservations by start time (those that ended over 30 days ago are gone). */
export async function listReservations(access: DomainAccess, assetId: string, limit: number, cursor: string | undefined) {
  const [asset, page] = await Promise.all([readAsset(access.domain.id, assetId), listStoredReservations(access.domain.id, assetId, limit, cursor)]);
  if (!asset) throw assetNotFound(assetId);
  return { items: page.items.map(reservationView), nextCursor: page.nextCursor };
}
