/**
 * The one definition of the Gatehouse table: keys, global secondary indexes, the TTL
 * attribute and the stream. The CDK data construct and the local stack both build the
 * table from this module, so an index is added here and nowhere else.
 *
 * Only the store layer (shared/store) knows the key formats written into these attributes.
 */

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Why the index exists: the access pattern it serves. */
  serves: string;
}

export const TABLE = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** Epoch seconds; DynamoDB deletes the item some time after this moment. */
  ttlAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  indexes: [
    {
      name: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      serves: "a user's memberships across domains (GET /me, GET /domains)",
    },
    {
      name: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      serves: "a domain's members sorted by name; later lists that need a second order",
    },
    {
      name: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      serves:
        'the daily sweeps, sparse: an item is in it only while it can fall due (active members by last activity, pending registrations by age, users left without a membership), so a sweep reads what is due, not the table',
    },
    {
      name: 'gsi4',
      partitionKey: { name: 'gsi4pk', type: 'S' },
      sortKey: { name: 'gsi4sk', type: 'S' },
      serves: "a domain's members by role and status: the active administrators who get the sweeps' digests and reminders, without reading every member",
    },
  ],
} as const satisfies {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  ttlAttribute: string;
  stream: 'NEW_AND_OLD_IMAGES';
  indexes: readonly IndexDefinition[];
};

export type IndexName = (typeof TABLE.indexes)[number]['name'];

/** The CreateTable input for this definition (DynamoDB Local and tests use it). */
export function createTableInput(tableName: string) {
  const attributes = new Map<string, 'S' | 'N'>();
  for (const key of [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
    attributes.set(key.name, key.type);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.stream },
  };
}
