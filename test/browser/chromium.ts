/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), for the browser
 * tests (test/browser/browser.ts) and the pages' bench (bench/pages.ts). No Vitest here.
 */
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium package; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One headless Chromium with a fresh profile; without the background-networking flags it calls Google's hosts at every start. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
