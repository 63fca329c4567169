/**
 * Schemas of locations, assets and reservations (SPEC section 4). Each is built on first
 * use, so a function builds only those of its own route.
 */
import * as z from 'zod/mini';
import { freeText, id, lazy, name, pageQuery, timestamp } from '#shared/http/schemas.ts';

export const locationParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id(), locationId: id() }));
export const assetParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id(), assetId: id() }));
export const holderParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id(), userId: id() }));

const description = /* @__PURE__ */ lazy(() => z.string().check(z.trim(), z.maxLength(500, 'must be at most 500 characters'), freeText()));

export const locationCreate = /* @__PURE__ */ lazy(() => z.strictObject({ name: name(), description: z.optional(description()) }));

export const locationPatch = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({ name: z.optional(name()), description: z.optional(description()) })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change: name or description')),
);

export const locationBody = /* @__PURE__ */ lazy(() =>
  z.object({
    id: id(),
    name: z.string(),
    description: z.string(),
    /** Assets kept at this location: a location is deleted only at 0. */
    assetCount: z.int(),
    version: z.int(),
  }),
);

/**
 * An asset's state: `available`, or `checked_out` to `holderId` (who keeps it, listed
 * against their name, even after their membership is deactivated or removed).
 */
export const ASSET_STATUSES = ['available', 'checked_out'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export const assetStatus = /* @__PURE__ */ lazy(() => z.enum(ASSET_STATUSES));

/** A label or barcode: unique in a domain whatever its case. */
export const tag = /* @__PURE__ */ lazy(() =>
  z.string().check(
    z.trim(),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9 ._:\/#\-]{0,63}$/, 'must be 1 to 64 letters, digits, spaces or . _ : / # -, starting with a letter or digit'),
  ),
);

export const assetCreate = /* @__PURE__ */ lazy(() =>
  z.strictObject({ name: name(), tag: tag(), locationId: z.optional(z.nullable(id())) }),
);

export const assetPatch = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({ name: z.optional(name()), tag: z.optional(tag()), locationId: z.optional(z.nullable(id())) })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change: name, tag or locationId')),
);

export const assetQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...pageQuery().shape,
    q: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100, 'must be at most 100 characters'))),
    locationId: z.optional(id()),
    holderId: z.optional(id()),
    status: z.optional(assetStatus()),
  }),
);

export const assetBody = /* @__PURE__ */ lazy(() =>
  z.object({
    id: id(),
    name: z.string(),
    tag: z.string(),
    locationId: z.nullable(z.string()),
    /** Who holds it while checked out, else null. */
    holderId: z.nullable(z.string()),
    /** The holder's name when it was checked out. */
    holderName: z.nullable(z.string()),
    status: assetStatus(),
    checkedOutAt: z.nullable(timestamp()),
    createdAt: timestamp(),
    version: z.int(),
  }),
);

/** Checkout: to the caller by default; to another active member with assets:update. An absent body is `{}`. */
export const checkoutBody = /* @__PURE__ */ lazy(() => z.optional(z.strictObject({ holderId: z.optional(id()) })));

const instant = /* @__PURE__ */ lazy(() => z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2026-01-31T12:00:00Z' }));

/** A reservation covers [from, to): one ending at 11:00 and one starting at 11:00 do not overlap. */
export const reservationCreate = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({ from: instant(), to: instant() })
    .check(z.refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'must be later than from', path: ['to'] })),
);

export const reservationBody = /* @__PURE__ */ lazy(() =>
  z.object({ id: id(), assetId: id(), from: timestamp(), to: timestamp(), by: z.string(), createdAt: timestamp() }),
);
