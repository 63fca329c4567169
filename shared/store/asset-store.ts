/**
 * Assets, their tags and reservations. Every change is one transaction holding the asset,
 * the tag claims, the location counters and the history event, so the invariants are the
 * table's own: a tag belongs to one asset of a domain, an asset is checked out by one
 * holder at a time, its holder's membership counts it (so a removal without force can
 * refuse on the count), a location with assets stays, and reservations of an asset never
 * overlap (each reservation bumps the asset's `reservationsVersion`, so two reservations
 * decided on the same reading cannot both be stored).
 */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict } from '#shared/http/errors.ts';
import type { AssetStatus } from '#shared/schemas/assets.ts';
import { decodeCursor } from '#shared/store/cursor.ts';
import { ConcurrentChange, getMany, queryAll, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import { assetSearchText, withoutKeys } from '#shared/store/keys.ts';
import { queryPage } from '#shared/store/query-page.ts';
import type { HistoryEvent, MembershipRecord } from '#shared/store/records.ts';

export interface AssetRecord {
  domainId: string;
  id: string;
  name: string;
  tag: string;
  locationId: string | null;
  holderId: string | null;
  holderName: string | null;
  status: AssetStatus;
  checkedOutAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Bumped by every change of the fields above; the ETag. */
  version: number;
  /** Bumped by every reservation (and nothing else), so reserving never moves the ETag. */
  reservationsVersion: number;
  /**
   * While checked out: the `createdAt` of the holder's membership whose `assetsHeldCount`
   * counts this asset. A checkin takes 1 off that count only while that very membership
   * exists: not after a forced removal, nor from a membership created by a later re-join
   * (its createdAt differs), which never counted this asset. Null or absent: nobody's count
   * holds it (available, or checked out before the count existed). Never in an API answer.
   */
  heldCountedOn?: string | null;
}

export interface ReservationRecord {
  id: string;
  assetId: string;
  /** ISO 8601, UTC; the reservation covers [from, to). */
  from: string;
  to: string;
  by: string;
  createdAt: string;
}

/** Reservations leave the table this long after they end (history keeps the record). */
const RESERVATION_KEPT_AFTER_END_S = 30 * 24 * 60 * 60;

export class TagTaken extends Conflict {
  constructor(tag: string) {
    super(`The tag ${tag} is on another asset of this domain already; tags are unique in a domain, whatever their case.`, 'tag-taken');
  }
}

export class UnknownLocation extends Conflict {
  constructor(locationId: string) {
    super(`There is no location ${locationId} in this domain.`, 'unknown-location');
  }
}

/** An asset as stored: keys for its name order and, while checked out, the holder index. */
function assetItem(a: AssetRecord) {
  return {
    ...keys.asset(a.domainId, a.id),
    ...keys.assetByName(a.domainId, a.name, a.id),
    ...(a.holderId !== null ? keys.assetByHolder(a.domainId, a.holderId, a.name, a.id) : {}),
    type: 'asset',
    ...a,
    search: assetSearchText(a.name, a.tag),
  };
}

/** Attributes an update never writes: the key, what never changes, and the reservation counter. */
const KEPT_ON_UPDATE = new Set(['pk', 'sk', 'type', 'domainId', 'id', 'createdAt', 'createdBy', 'reservationsVersion']);
const HOLDER_INDEX_KEYS = ['gsi1pk', 'gsi1sk'] as const;

/**
 * An Update that writes every field of `after` when the asset is still at `expectedVersion`.
 * Not a Put: a Put would also write back the reservationsVersion read earlier and undo a
 * reservation's bump in between.
 */
function assetUpdate(after: AssetRecord, expectedVersion: number) {
  const item = assetItem(after);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets: string[] = [];
  Object.entries(item).forEach(([field, value], n) => {
    if (KEPT_ON_UPDATE.has(field)) return;
    names[`#f${n}`] = field;
    values[`:v${n}`] = value;
    sets.push(`#f${n} = :v${n}`);
  });
  const removes = HOLDER_INDEX_KEYS.filter((k) => !(k in item));
  return {
    Update: {
      TableName: tableName(),
      Key: keys.asset(after.domainId, after.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: 'version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export async function getAsset(domainId: string, assetId: string): Promise<AssetRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.asset(domainId, assetId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as AssetRecord);
}

/** One member of a domain as stored now (a checkin's holder), strongly consistent. */
export async function getHolderMembership(domainId: string, userId: string): Promise<MembershipRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.membership(domainId, userId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as MembershipRecord);
}

/** An asset and a member of its domain (a checkout's holder), in one BatchGetItem. */
export async function getAssetAndMembership(domainId: string, assetId: string, userId: string) {
  const [asset, membership] = await getMany([keys.asset(domainId, assetId), keys.membership(domainId, userId)]);
  return {
    asset: asset && (withoutKeys(asset) as unknown as AssetRecord),
    membership: membership && (withoutKeys(membership) as unknown as MembershipRecord),
  };
}

export interface AssetFilter {
  /** Keyword matched against name and tag, whatever the case. */
  q?: string;
  locationId?: string;
  holderId?: string;
  status?: AssetStatus;
}

/**
 * One page of a domain's assets, filtered. With a holder, the holder index (sorted by
 * name) is read, not the whole domain; otherwise the domain's assets by name.
 */
export async function listAssets(domainId: string, filter: AssetFilter, limit: number, cursor: string | undefined) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  const where = (attribute: string, value: string | undefined, test: (n: string, v: string) => string) => {
    if (value === undefined) return;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    conditions.push(test(`#${attribute}`, `:${attribute}`));
  };
  where('search', filter.q?.toLowerCase(), (n, v) => `contains(${n}, ${v})`);
  where('locationId', filter.locationId, (n, v) => `${n} = ${v}`);
  where('status', filter.status, (n, v) => `${n} = ${v}`);
  const filtered = conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {};
  const domainPk = keys.domain(domainId).pk;

  if (filter.holderId !== undefined) {
    const partition = keys.heldAssetsPartition(domainId);
    const prefix = keys.heldByPrefix(filter.holderId);
    const query: QueryCommandInput = {
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ...values, ':pk': partition, ':prefix': prefix },
      ...filtered,
    };
    return queryPage<AssetRecord>(
      query,
      limit,
      decodeCursor(cursor, { gsi1pk: partition, gsi1sk: { prefix }, pk: domainPk, sk: { prefix: 'ASSET#' } }),
      (item) => ({ gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk, pk: item.pk, sk: item.sk }),
    );
  }

  const partition = keys.assetByName(domainId, '', '').gsi2pk;
  const query: QueryCommandInput = {
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ...values, ':pk': partition },
    ...filtered,
  };
  return queryPage<AssetRecord>(
    query,
    limit,
    decodeCursor(cursor, { gsi2pk: partition, gsi2sk: { prefix: '' }, pk: domainPk, sk: { prefix: 'ASSET#' } }),
    (item) => ({ gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk, pk: item.pk, sk: item.sk }),
  );
}

/**
 * How many assets each holder of a domain holds: one Query of the holder index (its reads
 * grow with the assets checked out, not with the domain), only the holder read per item.
 */
export async function heldAssetHolders(domainId: string): Promise<Map<string, { count: number; name: string | null }>> {
  const counts = new Map<string, { count: number; name: string | null }>();
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.heldAssetsPartition(domainId) },
    ProjectionExpression: 'holderId, holderName',
  });
  for (const item of items) {
    if (typeof item.holderId !== 'string') continue;
    const seen = counts.get(item.holderId);
    counts.set(item.holderId, { count: (seen?.count ?? 0) + 1, name: seen?.name ?? (typeof item.holderName === 'string' ? item.holderName : null) });
  }
  return counts;
}

/** The assets checked out to one holder of a domain, by name (the sparse holder index). */
export async function assetsHeldBy(domainId: string, holderId: string): Promise<{ id: string; name: string; tag: string }[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.heldAssetsPartition(domainId), ':prefix': keys.heldByPrefix(holderId) },
    ProjectionExpression: 'id, #name, tag',
    ExpressionAttributeNames: { '#name': 'name' },
  });
  return items.map((item) => ({ id: String(item.id), name: String(item.name), tag: String(item.tag) }));
}

export interface AssetChange {
  domainId: string;
  /** The asset as read; undefined when it is being created. */
  before: AssetRecord | undefined;
  /** The asset to store; undefined when it is being deleted. */
  after: AssetRecord | undefined;
  events: readonly HistoryEvent[];
  /**
   * The holder's count this change moves, on the membership created at `membershipCreatedAt`:
   * +1 for a checkout (that membership must still be active), -1 for a checkin (it must still
   * exist and count at least 1, so the count never goes negative nor creates an item).
   */
  holderCount?: { userId: string; membershipCreatedAt: string; delta: 1 | -1 };
}

type TransactItem = Parameters<typeof transact>[0][number];

/**
 * Stores a created, changed or deleted asset, atomically with: its tag claim (a tag taken
 * by another asset: 409), the asset counts of the locations it leaves and enters (an
 * unknown location: 409), the holder's held-assets count (shared/store/records.ts), and the history events. An
 * asset changed since it was read cancels the whole, to be decided again (ConcurrentChange).
 */
export async function saveAssetChange(change: AssetChange): Promise<void> {
  const { domainId, before, after } = change;
  const table = tableName();
  const items: TransactItem[] = [];
  const explains: (() => Error)[] = [];
  const add = (item: TransactItem, explain: () => Error) => {
    items.push(item);
    explains.push(explain);
  };
  const changed = () => new ConcurrentChange('The asset');

  if (!before && after) {
    add({ Put: { TableName: table, Item: assetItem(after), ConditionExpression: 'attribute_not_exists(pk)' } }, () => new Conflict('An asset with this id exists already; retry the request.'));
  } else if (before && after) {
    add(assetUpdate(after, before.version), changed);
  } else if (before) {
    add(
      {
        Delete: {
          TableName: table,
          Key: keys.asset(domainId, before.id),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      changed,
    );
  }

  const oldTag = before?.tag.toLowerCase();
  const newTag = after?.tag.toLowerCase();
  if (oldTag !== newTag) {
    if (before) {
      add(
        {
          Delete: {
            TableName: table,
            Key: keys.assetTag(domainId, before.tag),
            ConditionExpression: 'assetId = :id',
            ExpressionAttributeValues: { ':id': before.id },
          },
        },
        changed,
      );
    }
    if (after) {
      add(
        {
          Put: {
            TableName: table,
            Item: { ...keys.assetTag(domainId, after.tag), type: 'assetTag', domainId, tag: after.tag, assetId: after.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        () => new TagTaken(after.tag),
      );
    }
  }

  const oldLocation = before?.locationId ?? null;
  const newLocation = after?.locationId ?? null;
  if (oldLocation !== newLocation) {
    const count = (locationId: string, delta: 1 | -1): TransactItem => ({
      Update: {
        TableName: table,
        Key: keys.location(domainId, locationId),
        UpdateExpression: 'SET assetCount = if_not_exists(assetCount, :zero) + :delta',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':delta': delta, ':zero': 0 },
      },
    });
    if (oldLocation !== null) add(count(oldLocation, -1), changed);
    if (newLocation !== null) add(count(newLocation, 1), () => new UnknownLocation(newLocation));
  }

  if (change.holderCount !== undefined) {
    const { userId, membershipCreatedAt, delta } = change.holderCount;
    // Both conditions fail on a missing item (no attribute to compare), so neither Update
    // ever creates a membership; createdAt pins the membership the asset is counted on.
    add(
      {
        Update: {
          TableName: table,
          Key: keys.membership(domainId, userId),
          ...(delta === 1
            ? {
                UpdateExpression: 'SET assetsHeldCount = if_not_exists(assetsHeldCount, :zero) + :one',
                ConditionExpression: '#status = :active AND createdAt = :since',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':active': 'active', ':since': membershipCreatedAt, ':zero': 0, ':one': 1 },
              }
            : {
                UpdateExpression: 'SET assetsHeldCount = assetsHeldCount - :one',
                ConditionExpression: 'createdAt = :since AND assetsHeldCount >= :one',
                ExpressionAttributeValues: { ':since': membershipCreatedAt, ':one': 1 },
              }),
        },
      },
      () => new ConcurrentChange("The holder's membership"),
    );
  }

  for (const event of change.events) add(putHistory(domainId, event), changed);

  await transact(items, (failed) => (explains[failed] ?? changed)());
}

/**
 * The asset and the reservations that could overlap [from, to): those starting before `to`
 * (the key range) and ending after `from` (the filter), in one Query: they share the
 * asset's item collection, reservations sorted by start. Strongly consistent, so the
 * reservationsVersion read matches the reservations read.
 */
export async function getAssetWithReservations(domainId: string, assetId: string, from: string, to: string) {
  const range = keys.assetWithReservations(domainId, assetId, to);
  let asset: AssetRecord | undefined;
  const reservations: ReservationRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        // Reservations ending by `from` cannot overlap the new one: they are left out of the answer.
        FilterExpression: '#type = :asset OR #to > :after',
        ExpressionAttributeNames: { '#type': 'type', '#to': 'to' },
        ExpressionAttributeValues: { ':pk': range.pk, ':first': range.first, ':last': range.last, ':asset': 'asset', ':after': from },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      if (item.type === 'asset' && item.sk === keys.asset(domainId, assetId).sk) asset = withoutKeys(item) as unknown as AssetRecord;
      else if (item.type === 'reservation') reservations.push(withoutKeys(item) as unknown as ReservationRecord);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return { asset, reservations };
}

/**
 * Stores a reservation when no other reservation of the asset was stored since
 * `asset.reservationsVersion` was read (the overlap check was made on that reading).
 */
export async function saveReservation(domainId: string, asset: AssetRecord, reservation: ReservationRecord, event: HistoryEvent): Promise<void> {
  const table = tableName();
  await transact(
    [
      {
        Put: {
          TableName: table,
          Item: {
            ...keys.reservation(domainId, asset.id, reservation.from, reservation.id),
            type: 'reservation',
            domainId,
            ...reservation,
            ttl: Math.floor(Date.parse(reservation.to) / 1000) + RESERVATION_KEPT_AFTER_END_S,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: table,
          Key: keys.asset(domainId, asset.id),
          UpdateExpression: 'SET reservationsVersion = :next',
          ConditionExpression: 'reservationsVersion = :read',
          ExpressionAttributeValues: { ':read': asset.reservationsVersion, ':next': asset.reservationsVersion + 1 },
        },
      },
      putHistory(domainId, event),
    ],
    () => new ConcurrentChange("The asset's reservations"),
  );
}

/** One page of an asset's reservations, by start time. */
export async function listReservations(domainId: string, assetId: string, limit: number, cursor: string | undefined) {
  const range = keys.reservationsOf(domainId, assetId);
  return queryPage<ReservationRecord>(
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: { ':pk': range.pk, ':first': range.first, ':last': range.last },
    },
    limit,
    decodeCursor(cursor, { pk: range.pk, sk: { prefix: range.first } }),
    (item) => ({ pk: item.pk, sk: item.sk }),
  );
}
