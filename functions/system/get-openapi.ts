import { makePublicHandler } from '#shared/http/public-handler.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { getOpenApi } from '#shared/routes/system.ts';

let document: Record<string, unknown> | undefined;

export const handler = makePublicHandler(getOpenApi, async () => {
  document ??= openApiDocument(ROUTES);
  return document;
});
