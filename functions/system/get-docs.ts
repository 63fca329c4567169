import redoc from 'redoc/package.json' with { type: 'json' };
import { RawReply } from '#shared/http/pipeline.ts';
import { makePublicHandler } from '#shared/http/public-handler.ts';
import { getDocs } from '#shared/routes/system.ts';

/**
 * Relative URLs only: the page works at `{apiUrl}/docs` under any stage prefix (`/v1/docs`
 * loads `/v1/docs/redoc.js` and `/v1/openapi.json`). The script's URL names Redoc's version,
 * so the script may be cached for good and an upgrade still reaches every browser. No inline
 * script: Redoc starts itself on the `<redoc spec-url>` element.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gatehouse API reference</title>
</head>
<body>
<redoc spec-url="openapi.json"></redoc>
<script src="docs/redoc.js?v=${encodeURIComponent(redoc.version)}"></script>
</body>
</html>
`;

/**
 * Everything from this origin and nothing from any other: the script and the document are
 * the API's own, so a CDN or font host could not be reached even by a bug. Redoc's
 * styled-components inject style elements (hence inline styles) and its search index runs in
 * a worker made from a blob.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const handler = makePublicHandler(getDocs, async () =>
  new RawReply(PAGE, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }),
);
