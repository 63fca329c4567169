/**
 * Key formats: the only place that knows how items are laid out in the table.
 *
 * | item        | pk               | sk              | gsi1 (user -> domains)        | gsi2 (members by name)         |
 * |-------------|------------------|-----------------|-------------------------------|--------------------------------|
 * | domain      | DOMAIN#<d>       | DOMAIN          |                               |                                |
 * | membership  | DOMAIN#<d>       | MEMBER#<u>      | USER#<u> / DOMAIN#<d>         | MEMBERS#<d> / <name>#<u>       |
 * | user        | USER#<u>         | PROFILE         |                               |                                |
 * | email claim | EMAIL#<email>    | EMAIL           |                               |                                |
 * | history     | DOMAIN#<d>       | EVENT#<at>#<id> |                               |                                |
 * | invitation  | DOMAIN#<d>       | INVITE#<id>     |                               |                                |
 * | token       | TOKEN#<sha256>   | TOKEN           |                               |                                |
 * | mail count  | DOMAIN#<d>       | MAILDAY#<day>   |                               |                                |
 * | location    | DOMAIN#<d>       | LOCATION#<l>    |                               | LOCATIONS#<d> / <name>#<l>     |
 * | asset       | DOMAIN#<d>       | ASSET#<a>       | HELD#<d> / <holder>#<name>#<a> (checked out only) | ASSETS#<d> / <name>#<a> |
 * | reservation | DOMAIN#<d>       | ASSET#<a>#RES#<from>#<r> |                      |                                |
 * | asset tag   | DOMAIN#<d>       | ASSETTAG#<tag>  |                               |                                |
 *
 * An asset's reservations sort right after the asset (one Query reads both to check a new
 * reservation for overlaps). An asset tag item claims a tag (lower case) for one asset, so
 * a second asset with the same tag fails its transaction.
 *
 * gsi3 is the sweeps' sparse index (SPEC section 6): only what can fall due is in it.
 * | item                        | gsi3pk                  | gsi3sk                        |
 * |-----------------------------|-------------------------|-------------------------------|
 * | active membership           | DUE#ACTIVE#<d>          | <lastActiveAt or joined>#<u>  |
 * | pending membership          | DUE#PENDING#<d>         | <registered>#<u>              |
 * | user without any membership | DUE#ORPHAN              | <since>#<u>                   |
 * Domains are listed through gsi1 (DOMAINS / DOMAIN#<d>) so the sweeps can go domain by domain.
 * gsi4 holds memberships with a role by role and status: ROLE#<d>#<role> / <status>#<u>.
 */

export const keys = {
  domain: (domainId: string) => ({ pk: `DOMAIN#${domainId}`, sk: 'DOMAIN' }),
  membership: (domainId: string, userId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `MEMBER#${userId}` }),
  membershipByUser: (userId: string, domainId: string) => ({ gsi1pk: `USER#${userId}`, gsi1sk: `DOMAIN#${domainId}` }),
  userMembershipsPartition: (userId: string) => `USER#${userId}`,
  membershipByName: (domainId: string, name: string, userId: string) => ({
    gsi2pk: `MEMBERS#${domainId}`,
    gsi2sk: `${name.toLowerCase()}#${userId}`,
  }),
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  email: (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' }),
  historyEvent: (domainId: string, at: string, eventId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `EVENT#${at}#${eventId}` }),
  invitation: (domainId: string, invitationId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `INVITE#${invitationId}` }),
  invitationPrefix: 'INVITE#',
  token: (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' }),
  mailDay: (domainId: string, day: string) => ({ pk: `DOMAIN#${domainId}`, sk: `MAILDAY#${day}` }),
  allDomains: (domainId: string) => ({ gsi1pk: 'DOMAINS', gsi1sk: `DOMAIN#${domainId}` }),
  bootstrap: () => ({ pk: 'STACK', sk: 'BOOTSTRAP' }),
  activeSince: (domainId: string, since: string, userId: string) => ({ gsi3pk: `DUE#ACTIVE#${domainId}`, gsi3sk: `${since}#${userId}` }),
  pendingSince: (domainId: string, since: string, userId: string) => ({ gsi3pk: `DUE#PENDING#${domainId}`, gsi3sk: `${since}#${userId}` }),
  orphanSince: (since: string, userId: string) => ({ gsi3pk: 'DUE#ORPHAN', gsi3sk: `${since}#${userId}` }),
  byRole: (domainId: string, roleId: string, status: string, userId: string) => ({ gsi4pk: `ROLE#${domainId}#${roleId}`, gsi4sk: `${status}#${userId}` }),
  location: (domainId: string, locationId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `LOCATION#${locationId}` }),
  locationByName: (domainId: string, name: string, locationId: string) => ({
    gsi2pk: `LOCATIONS#${domainId}`,
    gsi2sk: `${name.toLowerCase()}#${locationId}`,
  }),
  asset: (domainId: string, assetId: string) => ({ pk: `DOMAIN#${domainId}`, sk: `ASSET#${assetId}` }),
  assetByName: (domainId: string, name: string, assetId: string) => ({
    gsi2pk: `ASSETS#${domainId}`,
    gsi2sk: `${name.toLowerCase()}#${assetId}`,
  }),
  /** Only a checked-out asset carries these: the holder index is sparse. */
  assetByHolder: (domainId: string, holderId: string, name: string, assetId: string) => ({
    gsi1pk: `HELD#${domainId}`,
    gsi1sk: `${holderId}#${name.toLowerCase()}#${assetId}`,
  }),
  heldAssetsPartition: (domainId: string) => `HELD#${domainId}`,
  /** Ids never hold '#', so this prefix selects exactly one holder's assets. */
  heldByPrefix: (holderId: string) => `${holderId}#`,
  assetTag: (domainId: string, tag: string) => ({ pk: `DOMAIN#${domainId}`, sk: `ASSETTAG#${tag.toLowerCase()}` }),
  reservation: (domainId: string, assetId: string, from: string, reservationId: string) => ({
    pk: `DOMAIN#${domainId}`,
    sk: `ASSET#${assetId}#RES#${from}#${reservationId}`,
  }),
  /** The sort key range of an asset's reservations ('~' sorts after every character keys use). */
  reservationsOf: (domainId: string, assetId: string) => ({ pk: `DOMAIN#${domainId}`, first: `ASSET#${assetId}#RES#`, last: `ASSET#${assetId}#RES#~` }),
  /** The sort key range of an asset and its reservations that start before `startingBefore`, the asset first. */
  assetWithReservations: (domainId: string, assetId: string, startingBefore: string) => ({
    pk: `DOMAIN#${domainId}`,
    first: `ASSET#${assetId}`,
    last: `ASSET#${assetId}#RES#${startingBefore}`,
  }),
};

/** DynamoDB's TTL attribute: epoch seconds. */
export function ttlOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** What the asset filter `q` searches: name and tag, lower case. */
export function assetSearchText(name: string, tag: string): string {
  return `${name}\n${tag}`.toLowerCase();
}

/** What the member filter `q` searches: name and email, lower case. */
export function memberSearchText(name: string, email: string): string {
  return `${name}\n${email}`.toLowerCase();
}

/** Strips the keys and the store's own attributes from an item read from the table. */
export function withoutKeys<T extends Record<string, unknown>>(item: T) {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _e, gsi3sk: _f, gsi4pk: _g, gsi4sk: _h, ttl: _t, type: _type, search: _search, ...rest } = item;
  return rest;
}
