/**
 * The API reference page (`GET /docs`) and the Redoc script it runs (`GET /docs/redoc.js`),
 * over HTTP: the page is held to what a browser needs to render it from this origin alone
 * (relative URLs that resolve under a stage prefix, a script that is Redoc's npm bundle, a
 * CSP that admits no other origin); then rendered in Chromium, which proves it works.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '#shared/routes/index.ts';
import { REDOC_SCRIPT } from '#shared/routes/system.ts';
import { api, stack } from './helpers.ts';

const run = promisify(execFile);
const redoc = readFileSync(createRequire(import.meta.url).resolve(REDOC_SCRIPT), 'utf8');
const redocVersion = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('redoc/package.json'), 'utf8')) as { version: string }).version;

/** The CSP's directives, by name. */
function csp(header: string | undefined): Map<string, string[]> {
  return new Map((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name as string, values]));
}

describe('GET /docs', () => {
  it('serves an HTML page that loads Redoc and the OpenAPI document by relative URLs', async () => {
    const res = await api('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = res.body as string;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<redoc spec-url="openapi.json"></redoc>');
    expect(page).toContain(`<script src="docs/redoc.js?v=${redocVersion}"></script>`);
    // No absolute URL and no inline script: everything comes from the API, through the CSP.
    expect(page).not.toMatch(/(https?:)?\/\//);
    expect(page.match(/<script[^>]*>/g)).toEqual([`<script src="docs/redoc.js?v=${redocVersion}">`]);
  });

  it('resolves its URLs under the deployed stage prefix and locally alike', async () => {
    const page = (await api('GET', '/docs')).body as string;
    const script = /<script src="([^"]+)"/.exec(page)?.[1] ?? '';
    const spec = /spec-url="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(new URL(script, 'https://abc.execute-api.eu-west-1.amazonaws.com/v1/docs').pathname).toBe('/v1/docs/redoc.js');
    expect(new URL(spec, 'https://abc.execute-api.eu-west-1.amazonaws.com/v1/docs').pathname).toBe('/v1/openapi.json');
    const pageUrl = `${stack().apiUrl}/docs`;
    const [scriptRes, specRes] = await Promise.all([fetch(new URL(script, pageUrl)), fetch(new URL(spec, pageUrl))]);
    expect(scriptRes.status).toBe(200);
    expect(scriptRes.headers.get('content-type')).toContain('javascript');
    await scriptRes.arrayBuffer();
    expect(specRes.status).toBe(200);
    expect(((await specRes.json()) as { openapi: string }).openapi).toMatch(/^3\.1\./);
  });

  it('admits no other origin: its CSP allows scripts, styles, fonts, images and fetches from the API only', async () => {
    const res = await api('GET', '/docs');
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of policy) {
      for (const value of values) expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    }
    // No eval, and inline code only for styles (Redoc's styled-components), never for scripts.
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('does not reflect the query string into the page (no markup injection)', async () => {
    const res = await api('GET', `/docs?q=${encodeURIComponent('"><script>alert(1)</script>')}&v=${encodeURIComponent('</script><img src=x onerror=alert(1)>')}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe((await api('GET', '/docs')).body);
  });
});

describe('GET /docs/redoc.js', () => {
  it("serves Redoc's standalone bundle from npm, byte for byte but its source map comment, as JavaScript cached for good", async () => {
    const res = await api('GET', `/docs/redoc.js?v=${redocVersion}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const script = res.body as string;
    expect(script.length).toBeGreaterThan(1_000_000);
    // Booleans, not toBe: a failure would print a megabyte.
    expect(script === redoc.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n')).toBe(true);
    expect(/sourceMappingURL=\S*\s*$/.test(script)).toBe(false);
    // Redoc starts itself on the page's <redoc spec-url> element: the page needs no inline script.
    expect(script.includes('getAttribute("spec-url")')).toBe(true);
  });

  it('serves that one file whatever the query or a path around it names (no file read from the request)', async () => {
    const [plain, named] = await Promise.all([api('GET', '/docs/redoc.js'), api('GET', '/docs/redoc.js?file=../../package.json&v=../../.env')]);
    expect(named.body === plain.body && plain.body.length > 1_000_000).toBe(true);
    for (const path of ['/docs/..%2Fpackage.json', '/docs/redoc.js%2F..%2F..%2Fpackage.json', '/docs/package.json', '/docs/redoc.js/x']) {
      const res = await api('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toContain('application/problem+json');
    }
  });
});

describe('the reference in a browser', () => {
  it("renders in Debian's Chromium under its own CSP: the problem catalogue first, then every operation of the route table", async () => {
    // `--dump-dom` prints the page as rendered after the virtual time budget: scripts run, the document fetched.
    // A fresh profile, and none of Chromium's own calls home: the machine's network is closed.
    const profile = await mkdtemp(join(tmpdir(), 'gatehouse-chromium-'));
    const { stdout } = await run(chromium(), [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--virtual-time-budget=20000',
      '--dump-dom',
      `${stack().apiUrl}/docs`,
    ]).finally(() => rm(profile, { recursive: true, force: true }));
    expect(stdout).toContain('Problem types');
    expect(stdout).toContain('https://gatehouse.dev/problems/&lt;slug&gt;');
    const rendered = ROUTES.filter((route) => stdout.includes(`operation/${route.id}`)).map((route) => route.id);
    expect(rendered).toEqual(ROUTES.map((route) => route.id));
  }, 120_000);
});

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it), or CHROMIUM_PATH. */
function chromium(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`);
  return path;
}
