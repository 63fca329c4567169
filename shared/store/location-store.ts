/**
 * Locations of a domain. A location counts the assets kept there (`assetCount`, moved by
 * the asset transactions in asset-store.ts), so DynamoDB itself refuses to delete a
 * location that still has assets, even while an asset is being moved into it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict } from '#shared/http/errors.ts';
import { decodeCursor } from '#shared/store/cursor.ts';
import { ConcurrentChange, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import { withoutKeys } from '#shared/store/keys.ts';
import { queryPage } from '#shared/store/query-page.ts';
import type { HistoryEvent } from '#shared/store/records.ts';

export interface LocationRecord {
  domainId: string;
  id: string;
  name: string;
  description: string;
  /** Assets whose locationId is this location; kept by the asset transactions. */
  assetCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function locationItem(l: LocationRecord) {
  return { ...keys.location(l.domainId, l.id), ...keys.locationByName(l.domainId, l.name, l.id), type: 'location', ...l };
}

export async function getLocation(domainId: string, locationId: string): Promise<LocationRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.location(domainId, locationId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as LocationRecord);
}

/** One page of a domain's locations sorted by name (gsi2). */
export async function listLocations(domainId: string, limit: number, cursor: string | undefined) {
  const partition = keys.locationByName(domainId, '', '').gsi2pk;
  return queryPage<LocationRecord>(
    { TableName: tableName(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': partition } },
    limit,
    decodeCursor(cursor, { gsi2pk: partition, gsi2sk: { prefix: '' }, pk: keys.domain(domainId).pk, sk: { prefix: 'LOCATION#' } }),
    (item) => ({ gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk, pk: item.pk, sk: item.sk }),
  );
}

/** Stores a new location with its history event. */
export async function createLocation(location: LocationRecord, event: HistoryEvent): Promise<void> {
  await transact(
    [
      { Put: { TableName: tableName(), Item: locationItem(location), ConditionExpression: 'attribute_not_exists(pk)' } },
      putHistory(location.domainId, event),
    ],
    () => new Conflict('A location with this id exists already; retry the request.'),
  );
}

/**
 * Changes a location's name and description when it is still at `before.version`. An
 * Update, not a Put: the asset count moves under it in other transactions.
 */
export async function updateLocation(before: LocationRecord, after: LocationRecord, event: HistoryEvent): Promise<void> {
  const { gsi2sk } = keys.locationByName(after.domainId, after.name, after.id);
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.location(after.domainId, after.id),
          UpdateExpression: 'SET #name = :name, description = :description, gsi2sk = :gsi2sk, updatedAt = :updatedAt, version = :next',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':name': after.name,
            ':description': after.description,
            ':gsi2sk': gsi2sk,
            ':updatedAt': after.updatedAt,
            ':next': after.version,
            ':expected': before.version,
          },
        },
      },
      putHistory(after.domainId, event),
    ],
    () => new ConcurrentChange('The location'),
  );
}

/**
 * Deletes a location that holds no asset and is still at `before.version`; any asset
 * moved in or location change since the read cancels it, and the caller decides again.
 */
export async function deleteLocation(before: LocationRecord, event: HistoryEvent): Promise<void> {
  await transact(
    [
      {
        Delete: {
          TableName: tableName(),
          Key: keys.location(before.domainId, before.id),
          ConditionExpression: 'version = :expected AND assetCount = :zero',
          ExpressionAttributeValues: { ':expected': before.version, ':zero': 0 },
        },
      },
      putHistory(before.domainId, event),
    ],
    () => new ConcurrentChange('The location'),
  );
}
