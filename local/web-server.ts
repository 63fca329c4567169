/**
 * The hosted pages locally: serves the built web/ (web/dist), its HTML with the local stack's API
 * and user pool in a meta element, and the same as `/config.json` (for embedders), with the headers CloudFront sends when deployed (a strict CSP: no
 * inline script, no third-party origin; no referrer, since the pages' URLs carry tokens).
 *
 * Embedding: a page of another origin loads `/gatehouse-elements.js` and its chunks as module
 * scripts, which browsers fetch with CORS. The origins in `embedderOrigins` (the local stack's
 * EMBED_ORIGINS, which its API accepts too) get `Access-Control-Allow-Origin`, as the deployed
 * distribution's CORS policy answers the customer's appOrigins; other origins get none.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { listenLocally } from '#local/listen.ts';
import { connectOrigins, pageHtml, securityHeaders, type WebConfig, withConfigMeta } from '#shared/web-config.ts';

export type { WebConfig };

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dist` on `port` (localhost): files as they are, `/config.json`, console.html for console paths and index.html for every other page path. */
export async function startWebServer(port: number, options: { dist: string; config: WebConfig; embedderOrigins?: readonly string[] }): Promise<WebServer> {
  const headers = securityHeaders(connectOrigins(options.config));
  const configBody = JSON.stringify(options.config);
  const embedders = new Set(options.embedderOrigins ?? []);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    // The answer differs by Origin (a cache must not give one embedder's answer to another).
    const cors: Record<string, string> = embedders.size ? { Vary: 'Origin', ...(origin && embedders.has(origin) ? { 'Access-Control-Allow-Origin': origin } : {}) } : {};
    const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store') => {
      res.writeHead(status, { ...headers, ...cors, 'Content-Type': type, 'Cache-Control': cache, 'Content-Length': String(Buffer.byteLength(body)) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD.\n');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/config.json') return send(res, 200, TYPES['.json'] as string, configBody);
      // A path without an extension is a page: index.html loads the pages' module (web/src/main.ts),
      // console.html the console's (/domains/…; web/src/console/shell.ts).
      const file = extname(path) ? normalize(join(options.dist, path)) : join(options.dist, pageHtml(path));
      if (!file.startsWith(options.dist + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      try {
        // The page's HTML carries the configuration itself (no request for /config.json).
        const body = file.endsWith('.html') ? withConfigMeta(await readFile(file, 'utf8'), configBody) : await readFile(file);
        // Modules and chunks carry a content hash in their names (immutable); the HTML and the
        // embeddable module's stable address (/gatehouse-elements.js) do not (revalidated).
        const hashed = /-[A-Z0-9]{8}\.js$/.test(file);
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      } catch {
        send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      }
    })();
  });
  const listening = await listenLocally(server, port);
  return {
    url: `http://localhost:${listening.port}`,
    close: listening.close,
  };
}
