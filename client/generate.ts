/**
 * Regenerates the client from the route table (`npm run client`): the OpenAPI document as
 * client/openapi.json, and its types as client/src/schema.ts through openapi-typescript. Both
 * are committed, so a front end needs neither this repository's back end nor a running API;
 * test/unit/client-fresh.test.ts fails when either is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../shared/http/openapi.ts';
import { ROUTES } from '../shared/routes/index.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('./openapi.json', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('./src/schema.ts', import.meta.url));

const BANNER = `/**
 * Generated from client/openapi.json by openapi-typescript: do not edit.
 * Run \`npm run client\` to regenerate it after changing a route or a schema.
 */

`;

/** The two generated files' contents, built in memory from the route table. */
export async function generateClient(): Promise<{ openapi: string; schema: string }> {
  // JSON.stringify keeps the generator's insertion order, which follows the route table, so
  // the same routes always give the same bytes (and a route added shows as one hunk).
  const document = openApiDocument(ROUTES);
  const openapi = `${JSON.stringify(document, null, 2)}\n`;
  // Parse the text we write, not the live object: the types come from exactly the committed JSON.
  const ast = await openapiTS(JSON.parse(openapi) as OpenAPI3, { silent: true });
  const schema = BANNER + astToString(ast);
  return { openapi, schema };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { openapi, schema } = await generateClient();
  await Promise.all([writeFile(OPENAPI_FILE, openapi), writeFile(SCHEMA_FILE, schema)]);
  console.log(`wrote ${OPENAPI_FILE} and ${SCHEMA_FILE}`);
}
