/** The hosted pages' local server (local/web-server.ts): its headers, /config.json, page paths and what it refuses. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/ports.ts';
import { startWebServer, type WebServer } from '#local/web-server.ts';

const CONFIG = { apiUrl: 'http://localhost:3000', region: 'us-east-1', userPoolId: 'local_pool', clientId: 'client', cognitoEndpoint: 'http://localhost:9229' };
let dir: string;
let server: WebServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-web-'));
  await mkdir(join(dir, 'app'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>pages</title></head><body></body></html>');
  await writeFile(join(dir, 'app', 'main.js'), 'export {};');
  await writeFile(join(dir, 'secret.txt'), 'inside dist, but only files are served');
  server = await startWebServer(await freePort(), { dist: join(dir), config: CONFIG });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the hosted pages server', () => {
  it('serves every page path as index.html under a CSP with no inline script and no third-party origin', async () => {
    const res = await fetch(`${server.url}/accept-invitation?token=abc`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<title>pages</title>');
    // The configuration travels in the page itself, attribute-escaped: no request for /config.json.
    const meta = page.match(/<meta name="gatehouse-config" content="([^"]*)">/)?.[1] ?? '';
    expect(JSON.parse(meta.replaceAll('&quot;', '"').replaceAll('&amp;', '&'))).toEqual(CONFIG);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("connect-src 'self' http://localhost:3000 http://localhost:9229");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers /config.json with the API and the user pool', async () => {
    const res = await fetch(`${server.url}/config.json`);
    expect(await res.json()).toEqual(CONFIG);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves modules as JavaScript and refuses paths that climb out of web/dist', async () => {
    const js = await fetch(`${server.url}/app/main.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const climb = await fetch(`${server.url}/app/%2e%2e/%2e%2e/%2e%2e/etc/passwd.txt`);
    expect(climb.status).toBe(404);
    const post = await fetch(`${server.url}/sign-in`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });
});

describe('the hosted pages server, embedded by another origin', () => {
  const EMBEDDER = 'http://localhost:5174';
  let embedding: WebServer;
  beforeAll(async () => {
    await mkdir(join(dir, 'console'), { recursive: true });
    await writeFile(join(dir, 'console', 'members-ABCDEF12.js'), 'export {};');
    await writeFile(join(dir, 'gatehouse-elements.js'), "export * from './console/gatehouse-elements-ABCDEF12.js';");
    await writeFile(join(dir, 'console.html'), '<!doctype html><html><head><title>console</title></head><body></body></html>');
    embedding = await startWebServer(await freePort(), { dist: join(dir), config: CONFIG, embedderOrigins: [EMBEDDER] });
  });
  afterAll(async () => {
    await embedding?.close();
  });

  it('answers the embedding origin with CORS: the stable module revalidated, the hashed chunks immutable', async () => {
    const stable = await fetch(`${embedding.url}/gatehouse-elements.js`, { headers: { Origin: EMBEDDER } });
    expect(stable.headers.get('access-control-allow-origin')).toBe(EMBEDDER);
    expect(stable.headers.get('vary')).toBe('Origin');
    expect(stable.headers.get('cache-control')).toBe('no-cache');
    expect(stable.headers.get('content-type')).toMatch(/^text\/javascript/);
    const chunk = await fetch(`${embedding.url}/console/members-ABCDEF12.js`, { headers: { Origin: EMBEDDER } });
    expect(chunk.headers.get('access-control-allow-origin')).toBe(EMBEDDER);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("answers the console's paths with console.html, with the configuration, and other pages with index.html", async () => {
    for (const path of ['/domains/01JDX', '/domains/01JDX/members', '/domains/01JDX/members/01JDY']) {
      const page = await (await fetch(`${embedding.url}${path}`)).text();
      expect(page, path).toContain('<title>console</title>');
      expect(page, path).toContain('<meta name="gatehouse-config"');
    }
    expect(await (await fetch(`${embedding.url}/account`)).text()).toContain('<title>pages</title>');
  });

  it('gives no CORS header to an origin it was not told of, nor without embedders', async () => {
    const foreign = await fetch(`${embedding.url}/gatehouse-elements.js`, { headers: { Origin: 'http://localhost:6666' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const plain = await fetch(`${server.url}/app/main.js`, { headers: { Origin: EMBEDDER } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});
