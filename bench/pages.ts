/**
 * Bench section "Hosted pages" (issue 12's budgets): the pages' JavaScript gzipped (bar 60 KiB
 * in all), the requests a page makes before it is usable (bar 3), and the Largest Contentful
 * Paint of the accept page on the local stack (bar 1 s), measured in Debian's Chromium with a
 * PerformanceObserver, each load in a fresh browser context (empty cache).
 *
 * "Usable" is when the page shows its form's submit button: what a person would click.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch } from '../test/browser/chromium.ts';
import { WEB_DIST } from '../web/build.ts';
import { benchStack } from './lib/bench-stack.ts';
import { benchFixture, type Fixture } from './lib/fixture.ts';
import { ms, percentile, verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

const JS_BUDGET_KIB = 60;
const REQUESTS_BAR = 3;
const LCP_BAR_MS = 1000;
const LCP_LOADS = Number(process.env.BENCH_LCP_LOADS ?? 7);

/** The pages measured: the path (with a fresh token where the page needs one). */
const PAGES: { name: string; path: (f: Fixture) => Promise<string> }[] = [
  { name: 'accept-invitation', path: async (f) => `/accept-invitation?token=${(await f.freshInvitation()).token}` },
  { name: 'sign-in', path: async () => '/sign-in' },
];

interface Load {
  requests: string[];
  usableMs: number;
  lcpMs: number;
}

/** Loads `url` in a fresh context: the requests made until the submit button shows, and the LCP. */
async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const requests: string[] = [];
    let counting = true;
    page.on('request', (request) => {
      const { protocol, pathname } = new URL(request.url());
      if (counting && protocol !== 'data:') requests.push(`${request.method()} ${pathname.replace(/[A-Za-z0-9_-]{40,}/, '{token}')}`);
    });
    const started = Date.now();
    await page.goto(url);
    await page.locator('#app form button[type=submit]').first().waitFor({ state: 'visible', timeout: 15_000 });
    counting = false;
    const usableMs = Date.now() - started;
    // Evaluated as the page's own code (a string: this file compiles without the DOM's types).
    const lcpMs = await page.evaluate<number>(`new Promise((resolve) => new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries.length ? entries[entries.length - 1].startTime : Number.NaN);
    }).observe({ type: 'largest-contentful-paint', buffered: true }))`);
    return { requests, usableMs, lcpMs };
  } finally {
    await context.close();
  }
}

async function gzippedJs(): Promise<{ files: { name: string; bytes: number }[]; total: number }> {
  const dir = join(WEB_DIST, 'app');
  const files = [];
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.js'))) {
    files.push({ name, bytes: gzipSync(await readFile(join(dir, name))).length });
  }
  return { files, total: files.reduce((sum, file) => sum + file.bytes, 0) };
}

export const pages: BenchSection = {
  id: 'pages',
  async run({ log }: BenchContext): Promise<SectionResult> {
    const bench = await benchStack(log);
    const webUrl = bench.stack.webUrl;
    if (!webUrl) throw new Error('the bench stack serves no pages (ports.web)');
    const fixture = await benchFixture(bench);
    const bars: BarCheck[] = [];
    const lines: string[] = ['## Hosted pages', ''];

    const js = await gzippedJs();
    const jsKiB = js.total / 1024;
    bars.push({ subject: 'pages JavaScript gzipped', value: jsKiB, limit: JS_BUDGET_KIB, pass: jsKiB <= JS_BUDGET_KIB, unit: 'KiB' });
    lines.push(
      `The pages' JavaScript (web/dist/app, built by \`npm run build:web\`), gzipped: **${jsKiB.toFixed(1)} KiB** in ${js.files.length} file(s) (${js.files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} KiB`).join(', ')}); bar ${JS_BUDGET_KIB} KiB: ${verdict(jsKiB <= JS_BUDGET_KIB)}.`,
      '',
      `Each load is in a fresh browser context (empty cache) of Debian's Chromium, headless, 1280x800. "Usable": the form's submit button shows. LCP: the last \`largest-contentful-paint\` entry of a PerformanceObserver (buffered). ${LCP_LOADS} loads per page.`,
      '',
      '| page | requests before usable (bar 3) | which | usable p50 | LCP p50 | LCP max | LCP bar |',
      '|---|---|---|---|---|---|---|',
    );

    const browser = await launch();
    try {
      for (const spec of PAGES) {
        const loads: Load[] = [];
        // One load to warm the stack's handlers (their first call loads modules), then the measured ones.
        await loadOnce(browser, `${webUrl}${await spec.path(fixture)}`);
        for (let i = 0; i < LCP_LOADS; i++) loads.push(await loadOnce(browser, `${webUrl}${await spec.path(fixture)}`));
        const requests = Math.max(...loads.map((l) => l.requests.length));
        const lcp = loads.map((l) => l.lcpMs);
        const lcpP50 = percentile(lcp, 50);
        const usableP50 = percentile(loads.map((l) => l.usableMs), 50);
        bars.push({ subject: `${spec.name} requests before usable`, value: requests, limit: REQUESTS_BAR, pass: requests <= REQUESTS_BAR, unit: 'requests' });
        const lcpBar = spec.name === 'accept-invitation';
        if (lcpBar) bars.push({ subject: `${spec.name} LCP p50`, value: lcpP50, limit: LCP_BAR_MS, pass: lcpP50 < LCP_BAR_MS, unit: 'ms' });
        lines.push(
          `| \`/${spec.name}\` | ${requests} ${verdict(requests <= REQUESTS_BAR)} | ${loads[0]?.requests.join(', ')} | ${ms(usableP50)} | ${ms(lcpP50)} | ${ms(Math.max(...lcp))} | ${lcpBar ? `< ${LCP_BAR_MS} ms: ${verdict(lcpP50 < LCP_BAR_MS)}` : '—'} |`,
        );
        log(`pages: ${spec.name} ${requests} requests, LCP p50 ${lcpP50.toFixed(0)} ms`);
      }
    } finally {
      await browser.close();
    }
    lines.push('');
    return { markdown: lines.join('\n'), bars };
  },
};
