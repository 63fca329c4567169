/**
 * The embed example (web/embed-example.html) served as a customer's own app would serve it:
 * from another origin, one the stack lists in its app origins (EMBED_ORIGINS locally, appOrigins
 * deployed), under a strict CSP of its own. It loads `/gatehouse-elements.js` from the pages
 * with CORS, signs in with its own small form (Cognito InitiateAuth) and answers the elements'
 * `gatehouse-token` event; the members list then works through it: rows appear, search narrows
 * them. Only the members element's chunk is fetched. axe-core, no CSP refusal, no page error.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listenLocally } from '#local/listen.ts';
import { idToken } from '#local/sign-in.ts';
import { WEB_ROOT } from '../../web/build.ts';
import { addMembership, createUser, newDomain, stack } from '../integration/helpers.ts';
import { expectAccessible, freshPage, launch, screenshot } from './browser.ts';

const POLL = { timeout: 15_000 };
let browser: Browser;
let host: { close: () => Promise<void> };
let domain: { id: string; name: string };
let admin: { email: string; password: string };

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The example as the customer's app serves it: the pages' URL in its script tag, and its own CSP. */
async function customerApp(): Promise<{ html: string; csp: string }> {
  const webUrl = inject('webUrl');
  const info = stack();
  const html = (await readFile(join(WEB_ROOT, 'embed-example.html'), 'utf8')).replaceAll('http://localhost:5173', webUrl);
  const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!).filter((body) => body.trim());
  const csp = [
    "default-src 'none'",
    `script-src ${webUrl} ${inline('script').map(sha256).join(' ')}`,
    `style-src ${inline('style').map(sha256).join(' ')}`,
    `connect-src ${webUrl} ${info.apiUrl} ${new URL(info.cognito.endpoint).origin}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return { html, csp };
}

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  domain = await newDomain(await idToken(info, info.admin.email, info.admin.password), `Embedded ${randomUUID().slice(0, 6)}`);
  const ada = await createUser({ name: 'Ada Embedder' });
  admin = ada;
  await addMembership(domain.id, ada.userId, 'administrator', 'active');
  const people = await Promise.all(['Quentin Quarry', 'Rosa Ridge', 'Sam Stone'].map((name) => createUser({ name })));
  await Promise.all(people.map((person) => addMembership(domain.id, person.userId, 'user', 'active')));

  const { html, csp } = await customerApp();
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
    res.end(html);
  });
  host = await listenLocally(server, Number(new URL(inject('embedOrigin')).port));
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

describe('the console embedded in another origin', () => {
  it("is an origin the stack's API accepts (APP_ORIGINS) besides its own pages", () => {
    const origins = inject('handlerEnvironment').APP_ORIGINS?.split(',') ?? [];
    expect(origins).toEqual([new URL(inject('webUrl')).origin, inject('embedOrigin')]);
  });

  it('loads the elements with one script tag, signs in with its own form, and works the members list: rows appear, search narrows them', async () => {
    const embedOrigin = inject('embedOrigin');
    const { page, faults } = await freshPage(browser, { width: 1024, height: 800 });
    const modules: Response[] = [];
    page.on('response', (response) => new URL(response.url()).pathname.endsWith('.js') && modules.push(response));
    await page.goto(`${embedOrigin}/`);
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toBe(`Signed in as ${admin.email}.`);

    const rows = page.locator('gatehouse-members tbody tr');
    // Ada, the three people, and the stack's administrator who made the domain.
    await expect.poll(() => rows.count(), POLL).toBe(5);
    expect(await page.getByLabel('Domain').inputValue()).toBe(domain.id);
    await expectAccessible(page);
    await screenshot(page, 'embed-example');

    await page.getByLabel('Search').pressSequentially('rOSa', { delay: 30 });
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().locator('td').first().innerText()).toBe('Rosa Ridge');

    // The module and its chunks came from the pages, with CORS for this origin; the stable
    // module is revalidated, the hashed ones immutable; no other section's chunk was fetched.
    const paths = modules.map((response) => new URL(response.url()).pathname);
    expect(paths[0]).toBe('/gatehouse-elements.js');
    expect(paths.some((path) => /^\/console\/members-[A-Z0-9]{8}\.js$/.test(path)), paths.join(', ')).toBe(true);
    expect(paths.filter((path) => /^\/console\/(assets|locations)-/.test(path))).toEqual([]);
    for (const response of modules) {
      expect(new URL(response.url()).origin).toBe(inject('webUrl'));
      expect(await response.headerValue('access-control-allow-origin'), response.url()).toBe(embedOrigin);
      expect(await response.headerValue('cache-control')).toBe(new URL(response.url()).pathname === '/gatehouse-elements.js' ? 'no-cache' : 'public, max-age=31536000, immutable');
    }
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
