/**
 * How items are laid out in the table. The key formats themselves are in key-formats.ts,
 * imported as `import * as keys from '#shared/store/key-formats.ts'` (so bundles keep only
 * the formats they use); with this module they are the only place that knows the layout.
 *
 * | item        | pk               | sk              | gsi1 (user -> domains)        | gsi2 (members by name)         |
 * |-------------|------------------|-----------------|-------------------------------|--------------------------------|
 * | domain      | DOMAIN#<d>       | DOMAIN          |                               |                                |
 * | membership  | DOMAIN#<d>       | MEMBER#<u>      | USER#<u> / DOMAIN#<d>         | MEMBERS#<d> / <name>#<u>       |
 * | member search | DOMAIN#<d>     | MEMBERSEARCH#<00-63>, MEMBERSEARCH#00#READY |   |                                |
 * | user        | USER#<u>         | PROFILE         |                               |                                |
 * | email claim | EMAIL#<email>    | EMAIL           |                               |                                |
 * | history     | DOMAIN#<d>       | EVENT#<at>#<id> |                               |                                |
 * | invitation  | DOMAIN#<d>       | INVITE#<id>     |                               |                                |
 * | token       | TOKEN#<sha256>   | TOKEN           |                               |                                |
 * | token expiry| TOKEN#<sha256>   | EXPIRY          |                               |                                |
 * | registration| REGISTRATION#<email> | REGISTRATION |                              |                                |
 * | mail count  | DOMAIN#<d>       | MAILDAY#<day>   |                               |                                |
 * | location    | DOMAIN#<d>       | LOCATION#<l>    |                               | LOCATIONS#<d> / <name>#<l>     |
 * | asset       | DOMAIN#<d>       | ASSET#<a>       | HELD#<d> / <holder>#<name>#<a> (checked out only) | ASSETS#<d> / <name>#<a> |
 * | reservation | DOMAIN#<d>       | ASSET#<a>#RES#<from>#<r> |                      |                                |
 * | asset tag   | DOMAIN#<d>       | ASSETTAG#<tag>  |                               |                                |
 * | reset token | RESET#<sha256>   | RESET           |                               |                                |
 * | reset rate  | RESETRATE#<sha256 of address> | RESETRATE |                         |                                |
 * | mail job    | MAILJOB#<job>    | MAILJOB         |                               |                                |
 * | suppression | DOMAIN#<d>       | SUPPRESSED#<email> |                            |                                |
 *
 * A mail job is the outbox's entry for one email (written with the invitation it mails);
 * the mail worker reads it from the table's stream (its INSERT). A suppression item holds an
 * address SES reported as bounced or complained about, per domain.
 *
 * A token expiry item keeps only `expiresAt` (TTL: 30 days after it) so a link whose token
 * TTL deleted still answers 410 expired. A registration item holds an unverified link
 * registration (the Cognito account's id, the current verification token's hash); it has
 * no profile, no email claim and no membership until its address is verified.
 *
 * A member search bucket packs, in one string with a version, the entries (user id, status,
 * role, email, name) of the memberships whose user id hashes to it: the compact projection a
 * filtered member list reads instead of the members (shared/store/member-search.ts), read and
 * written back in each membership's own transaction. MEMBERSEARCH#00#READY says a domain's
 * buckets hold every member.
 *
 * An asset's reservations sort right after the asset (one Query reads both to check a new
 * reservation for overlaps). An asset tag item claims a tag (lower case) for one asset, so
 * a second asset with the same tag fails its transaction.
 *
 * A membership carries `assetsHeldCount` (the assets checked out to it, moved by each
 * checkout's and checkin's transaction) and a checked-out asset `heldCountedOn` (the
 * createdAt of the membership counting it): the holder index may lag, the count does not.
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


/** The key formats as one namespace, for tests and scripts (bundled code imports key-formats.ts itself). */
export * as keys from '#shared/store/key-formats.ts';

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
