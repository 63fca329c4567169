/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), axe-core run on a page, and a screenshot per journey under .local/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export { CHROMIUM, launch } from './chromium.ts';

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core on the page and asserts no serious or critical violation. Evaluated through
 * the DevTools protocol: a script tag would be (rightly) refused by the pages' CSP.
 */
export async function expectAccessible(page: Page): Promise<void> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page (no DOM types in the test's compilation): axe.run() checks the whole document.
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  });
  expect(violations, `axe-core on ${page.url()}`).toEqual([]);
}

/** Collects the page's Content-Security-Policy refusals (Chromium reports each on the console) and uncaught errors. */
export function pageFaults(page: Page): string[] {
  const faults: string[] = [];
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && faults.push(message.text()));
  page.on('pageerror', (error) => faults.push(error.message));
  return faults;
}

/** Saves a full-page screenshot as .local/screenshots/<name>.png (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(process.cwd(), '.local', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A fresh page in its own context (its own sessionStorage: signed out) that records CSP refusals and page errors. */
export async function freshPage(browser: Browser, options: { width?: number; height?: number; locale?: string } = {}): Promise<{ page: Page; faults: string[] }> {
  const { width = 390, height = 844, locale } = options;
  const context = await browser.newContext({ viewport: { width, height }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  return { page, faults: pageFaults(page) };
}

/** Fills the sign-in form the page shows and submits it. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the pages' `/sign-in`; answers once the landing shows. */
export async function signInThroughPage(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${inject('webUrl')}/sign-in`);
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * A fresh page (freshPage) signed in as `user` through `/sign-in`, landed on `/`, then opened at
 * `path` when given (such as `/domains/{id}/members`). 1024 x 800 unless told otherwise.
 */
export async function signedInPage(
  browser: Browser,
  user: { email: string; password: string },
  options: { width?: number; height?: number; path?: string } = {},
): Promise<{ page: Page; faults: string[] }> {
  const { width = 1024, height = 800, path } = options;
  const { page, faults } = await freshPage(browser, { width, height });
  await signInThroughPage(page, user.email, user.password);
  if (path) await page.goto(`${inject('webUrl')}${path}`);
  return { page, faults };
}
