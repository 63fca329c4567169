import { makeHandler } from '#shared/http/pipeline.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { getOpenApi } from '#shared/routes/system.ts';

let document: Record<string, unknown> | undefined;

export const handler = makeHandler(getOpenApi, async () => {
  document ??= openApiDocument(ROUTES);
  return document;
});
