import { RawReply } from '#shared/http/pipeline.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { readRouteFile } from '#shared/http/route-file.ts';
import { getDocsScript, REDOC_SCRIPT } from '#shared/routes/system.ts';

/** Read on the first request, not at import: a cold start that serves no script never reads 1 MB. */
let script: string | undefined;

export const handler = makePublicHandler(getDocsScript, async () => {
  // Without its source map comment: the map is not deployed, and a browser's developer tools would ask for it.
  script ??= readRouteFile(REDOC_SCRIPT).replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  return new RawReply(script, {
    'Content-Type': 'text/javascript; charset=utf-8',
    // The page names Redoc's version in the script's URL (functions/system/get-docs.ts): a new version is a new URL.
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
});
