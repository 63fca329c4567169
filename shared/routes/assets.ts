import { defineRoute } from '#shared/http/route.ts';
import { domainParams, page, pageQuery } from '#shared/http/schemas.ts';
import {
  assetBody,
  assetCreate,
  assetParams,
  assetPatch,
  assetQuery,
  checkoutBody,
  holderParams,
  locationBody,
  locationCreate,
  locationParams,
  locationPatch,
  reservationBody,
  reservationCreate,
} from '#shared/schemas/assets.ts';

export const listLocations = /* @__PURE__ */ defineRoute({
  id: 'listLocations',
  method: 'GET',
  path: '/domains/{domainId}/locations',
  summary: "The domain's locations sorted by name, each with the number of assets kept there",
  access: 'locations:view',
  handler: 'functions/locations/list-locations.ts',
  request: { params: domainParams, query: pageQuery },
  response: { status: 200, body: /* @__PURE__ */ page(locationBody) },
  table: ['Query'],
});

export const createLocation = /* @__PURE__ */ defineRoute({
  id: 'createLocation',
  method: 'POST',
  path: '/domains/{domainId}/locations',
  summary: 'Create a location',
  access: 'locations:create',
  handler: 'functions/locations/create-location.ts',
  request: { params: domainParams, body: locationCreate },
  response: { status: 201, body: locationBody },
  table: ['TransactWriteItems'],
  problems: ['conflict'],
});

export const patchLocation = /* @__PURE__ */ defineRoute({
  id: 'patchLocation',
  method: 'PATCH',
  path: '/domains/{domainId}/locations/{locationId}',
  summary: "Change a location's name or description; If-Match makes it conditional",
  access: 'locations:update',
  handler: 'functions/locations/patch-location.ts',
  request: { params: locationParams, body: locationPatch, ifMatch: true },
  response: { status: 200, body: locationBody },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['busy'],
});

export const deleteLocation = /* @__PURE__ */ defineRoute({
  id: 'deleteLocation',
  method: 'DELETE',
  path: '/domains/{domainId}/locations/{locationId}',
  summary: 'Delete a location; one that still has assets: 409 naming how many',
  access: 'locations:delete',
  handler: 'functions/locations/delete-location.ts',
  request: { params: locationParams, ifMatch: true },
  response: { status: 204 },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['location-not-empty', 'busy'],
});

export const listAssets = /* @__PURE__ */ defineRoute({
  id: 'listAssets',
  method: 'GET',
  path: '/domains/{domainId}/assets',
  summary: "The domain's assets sorted by name; q searches name and tag; locationId, holderId and status filter",
  access: 'assets:view',
  handler: 'functions/assets/list-assets.ts',
  request: { params: domainParams, query: assetQuery },
  response: { status: 200, body: /* @__PURE__ */ page(assetBody) },
  table: ['Query'],
});

export const createAsset = /* @__PURE__ */ defineRoute({
  id: 'createAsset',
  method: 'POST',
  path: '/domains/{domainId}/assets',
  summary: 'Create an asset; its tag must be free in the domain (409) and its location must exist (409)',
  access: 'assets:create',
  handler: 'functions/assets/create-asset.ts',
  request: { params: domainParams, body: assetCreate },
  response: { status: 201, body: assetBody },
  table: ['TransactWriteItems'],
  problems: ['tag-taken', 'unknown-location', 'conflict', 'busy'],
});

export const getAsset = /* @__PURE__ */ defineRoute({
  id: 'getAsset',
  method: 'GET',
  path: '/domains/{domainId}/assets/{assetId}',
  summary: 'One asset, with its version as ETag',
  access: 'assets:view',
  handler: 'functions/assets/get-asset.ts',
  request: { params: assetParams },
  response: { status: 200, body: assetBody },
  table: ['GetItem'],
});

export const patchAsset = /* @__PURE__ */ defineRoute({
  id: 'patchAsset',
  method: 'PATCH',
  path: '/domains/{domainId}/assets/{assetId}',
  summary: "Change an asset's name, tag or location; If-Match makes it conditional",
  access: 'assets:update',
  handler: 'functions/assets/patch-asset.ts',
  request: { params: assetParams, body: assetPatch, ifMatch: true },
  response: { status: 200, body: assetBody },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['tag-taken', 'unknown-location', 'busy'],
});

export const deleteAsset = /* @__PURE__ */ defineRoute({
  id: 'deleteAsset',
  method: 'DELETE',
  path: '/domains/{domainId}/assets/{assetId}',
  summary: 'Delete an asset; 409 while it is checked out',
  access: 'assets:delete',
  handler: 'functions/assets/delete-asset.ts',
  request: { params: assetParams, ifMatch: true },
  response: { status: 204 },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['asset-checked-out', 'busy'],
});

export const checkoutAsset = /* @__PURE__ */ defineRoute({
  id: 'checkoutAsset',
  method: 'POST',
  path: '/domains/{domainId}/assets/{assetId}/checkout',
  summary: 'Check an asset out to the caller, or to another active member (needs assets:update too); 409 if it is out already',
  access: 'assets:checkout',
  handler: 'functions/assets/checkout-asset.ts',
  request: { params: assetParams, body: checkoutBody, ifMatch: true },
  response: { status: 200, body: assetBody },
  table: ['GetItem', 'BatchGetItem', 'TransactWriteItems'],
  problems: ['asset-checked-out', 'holder-not-active', 'busy'],
});

export const checkinAsset = /* @__PURE__ */ defineRoute({
  id: 'checkinAsset',
  method: 'POST',
  path: '/domains/{domainId}/assets/{assetId}/checkin',
  summary: 'Check an asset in, clearing its holder: by the holder, or by anyone who also holds assets:update',
  access: 'assets:checkin',
  handler: 'functions/assets/checkin-asset.ts',
  request: { params: assetParams, ifMatch: true },
  response: { status: 200, body: assetBody },
  table: ['GetItem', 'TransactWriteItems'],
  problems: ['asset-not-checked-out', 'busy'],
});

export const createReservation = /* @__PURE__ */ defineRoute({
  id: 'createReservation',
  method: 'POST',
  path: '/domains/{domainId}/assets/{assetId}/reservations',
  summary: 'Reserve an asset for [from, to); 409 when it overlaps another reservation of the asset',
  access: 'assets:reserve',
  handler: 'functions/assets/create-reservation.ts',
  request: { params: assetParams, body: reservationCreate },
  response: { status: 201, body: reservationBody },
  table: ['Query', 'TransactWriteItems'],
  problems: ['reservation-overlaps', 'busy'],
});

export const listReservations = /* @__PURE__ */ defineRoute({
  id: 'listReservations',
  method: 'GET',
  path: '/domains/{domainId}/assets/{assetId}/reservations',
  summary: "An asset's reservations by start time",
  access: 'assets:view',
  handler: 'functions/assets/list-reservations.ts',
  request: { params: assetParams, query: pageQuery },
  response: { status: 200, body: /* @__PURE__ */ page(reservationBody) },
  table: ['GetItem', 'Query'],
});

export const listMemberAssets = /* @__PURE__ */ defineRoute({
  id: 'listMemberAssets',
  method: 'GET',
  path: '/domains/{domainId}/members/{userId}/assets',
  summary: 'The assets a user holds, from the holder index; still listed after the member is deactivated or removed',
  access: 'assets:view',
  handler: 'functions/assets/list-member-assets.ts',
  request: { params: holderParams, query: pageQuery },
  response: { status: 200, body: /* @__PURE__ */ page(assetBody) },
  table: ['Query'],
});
