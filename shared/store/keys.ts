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
};

/** What the member filter `q` searches: name and email, lower case. */
export function memberSearchText(name: string, email: string): string {
  return `${name}\n${email}`.toLowerCase();
}

/** Strips the keys and the store's own attributes from an item read from the table. */
export function withoutKeys<T extends Record<string, unknown>>(item: T) {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ttl: _t, type: _type, search: _search, ...rest } = item;
  return rest;
}
