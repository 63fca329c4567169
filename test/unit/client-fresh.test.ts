import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateClient, OPENAPI_FILE, SCHEMA_FILE } from '../../client/generate.ts';

describe('the committed client', () => {
  // Built in memory from the route table, exactly as `npm run client` writes it.
  const fresh = generateClient();

  it('has the OpenAPI document the route table gives (client/openapi.json)', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8');
    expect(committed === (await fresh).openapi, 'client/openapi.json is stale: run `npm run client` and commit the result').toBe(true);
  });

  it('has the types that document gives (client/src/schema.ts)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed === (await fresh).schema, 'client/src/schema.ts is stale: run `npm run client` and commit the result').toBe(true);
  });
});
