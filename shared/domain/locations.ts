/**
 * Locations where a domain keeps its assets: list, create, rename, delete. A location that
 * still has assets is not deleted (409 naming how many); its asset count is kept by the
 * asset transactions, so the refusal holds while assets move.
 */
import { randomUUID } from 'node:crypto';
import { now } from '#shared/clock.ts';
import { retryOnConflict } from '#shared/domain/retry.ts';
import type { Caller, DomainAccess } from '#shared/http/access.ts';
import { Conflict, NotFound, VersionMismatch } from '#shared/http/errors.ts';
import { historyEvent } from '#shared/store/history.ts';
import {
  createLocation as storeLocation,
  deleteLocation as removeLocation,
  getLocation,
  listLocations as listStored,
  type LocationRecord,
  updateLocation as saveLocation,
} from '#shared/store/location-store.ts';

/** A location as the API shows it. */
export function locationView(l: LocationRecord) {
  return { id: l.id, name: l.name, description: l.description, assetCount: l.assetCount ?? 0, version: l.version };
}

export async function listLocations(access: DomainAccess, limit: number, cursor: string | undefined) {
  const page = await listStored(access.domain.id, limit, cursor);
  return { items: page.items.map(locationView), nextCursor: page.nextCursor };
}

async function loadLocation(domainId: string, locationId: string, ifMatch: number | undefined): Promise<LocationRecord> {
  const location = await getLocation(domainId, locationId);
  if (!location) throw new NotFound(`No location ${locationId} in this domain.`);
  if (ifMatch !== undefined && ifMatch !== location.version) throw new VersionMismatch(location.version);
  return location;
}

export async function createLocation(access: DomainAccess, caller: Caller, input: { name: string; description?: string }) {
  const at = now().toISOString();
  const location: LocationRecord = {
    domainId: access.domain.id,
    id: randomUUID(),
    name: input.name,
    description: input.description ?? '',
    assetCount: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const event = historyEvent({ at, actor: caller.userId, action: 'location.created', targetType: 'location', targetId: location.id, before: null, after: locationView(location) });
  await storeLocation(location, event);
  return locationView(location);
}

export async function updateLocation(
  access: DomainAccess,
  caller: Caller,
  locationId: string,
  patch: { name?: string; description?: string },
  ifMatch: number | undefined,
) {
  return retryOnConflict(async () => {
    const before = await loadLocation(access.domain.id, locationId, ifMatch);
    const at = now().toISOString();
    const after: LocationRecord = {
      ...before,
      name: patch.name ?? before.name,
      description: patch.description ?? before.description,
      updatedAt: at,
      version: before.version + 1,
    };
    if (after.name === before.name && after.description === before.description) return locationView(before);
    const fields = (['name', 'description'] as const).filter((f) => before[f] !== after[f]);
    const event = historyEvent({
      at,
      actor: caller.userId,
      action: 'location.updated',
      targetType: 'location',
      targetId: locationId,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, after[f]])),
    });
    await saveLocation(before, after, event);
    return locationView(after);
  });
}

/** Deletes an empty location; one that still has assets answers 409 with their number. */
export async function deleteLocation(access: DomainAccess, caller: Caller, locationId: string, ifMatch: number | undefined) {
  await retryOnConflict(async () => {
    const before = await loadLocation(access.domain.id, locationId, ifMatch);
    const count = before.assetCount ?? 0;
    if (count > 0) {
      throw new Conflict(
        `The location ${before.name} still has ${count} asset${count === 1 ? '' : 's'}: move or delete ${count === 1 ? 'it' : 'them'} first.`,
        'location-not-empty',
      );
    }
    const event = historyEvent({ at: now().toISOString(), actor: caller.userId, action: 'location.deleted', targetType: 'location', targetId: locationId, before: locationView(before), after: null });
    await removeLocation(before, event);
  });
}
