/**
 * The hosted pages' bundles (web/build.ts), built in memory: the pages as one module within 60
 * KiB of JavaScript gzipped, with the pages' strings but none of the emails', and nothing of the
 * console; the console split per section, within 120 KiB gzipped in all, and its members page
 * (console.html: the console shell and the members chunk with what they import, none of the
 * pages module) within 60 KiB; HTML that loads only its own files (no inline script, no
 * third-party origin).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as en from '#shared/mail/messages/en.ts';
import { buildOptions, CONSOLE_META, consoleBuildOptions, consoleHtml, consolePageOutputs, embedModule, indexHtml, WEB_ROOT, webEntries } from '../../web/build.ts';

const KIB = 1024;
const PAGES_BUDGET = 60 * KIB;
const CONSOLE_BUDGET = 120 * KIB;
const MEMBERS_PAGE_BUDGET = 60 * KIB;

describe('the hosted pages bundle', () => {
  const pages = esbuild.build({ ...buildOptions(), write: false, plugins: [] });
  const split = esbuild.build({ ...consoleBuildOptions(), write: false, plugins: [] });
  const gzipped = (files: esbuild.OutputFile[]) => files.filter((f) => f.path.endsWith('.js')).reduce((sum, f) => sum + gzipSync(f.contents).length, 0);

  it('makes the pages one module (no shared chunk on /sign-in), within 60 KiB of JavaScript gzipped, without the console', async () => {
    const { outputFiles, metafile } = await pages;
    expect(outputFiles.map((f) => f.path.split('/').pop())).toEqual([expect.stringMatching(/^main-[A-Z0-9]{8}\.js$/)]);
    expect(gzipped(outputFiles)).toBeLessThan(PAGES_BUDGET);
    const sources = Object.keys(metafile!.inputs);
    expect(sources.filter((source) => source.startsWith('web/src/console/') || source === 'web/src/pages/console.ts')).toEqual([]);
  });

  it("holds the pages' strings of every language and none of the emails'", async () => {
    const code = (await pages).outputFiles.map((f) => f.text).join('\n');
    // Booleans: a failure would otherwise print the whole bundle.
    expect(code.includes(en.pages.problems.invitationRevoked), 'English pages strings').toBe(true);
    expect(code.includes('Liity työtilaan'), 'Finnish pages strings').toBe(true);
    expect(code.includes(en.invitation.button), "the invitation email's button").toBe(false);
    expect(code.includes(en.staleDigest.reactivate), "the stale digest's text").toBe(false);
  });

  it('splits the console per section, within 120 KiB gzipped in all, and its members page loads at most 60 KiB', async () => {
    const { outputFiles, metafile } = await split;
    const total = gzipped(outputFiles);
    expect(total).toBeLessThan(CONSOLE_BUDGET);
    // Each registered section is a chunk of its own, loaded when first shown.
    const sectionChunks = Object.values(metafile!.outputs).filter((o) => o.entryPoint?.startsWith('web/src/console/') && o.entryPoint !== 'web/src/console/embed.ts');
    expect(sectionChunks.map((o) => o.entryPoint)).toContain('web/src/console/members.ts');
    const byPath = new Map(outputFiles.map((f) => [f.path, f]));
    const membersPage = consolePageOutputs(metafile!, 'web/src/console/members.ts').map((path) => byPath.get(join(consoleBuildOptions().absWorkingDir!, path))!);
    expect(membersPage.every(Boolean)).toBe(true);
    // No other section's code comes with the members page.
    const otherSections = sectionChunks.filter((o) => o.entryPoint !== 'web/src/console/members.ts').length;
    expect(membersPage.length).toBeLessThan(outputFiles.length - otherSections);
    const membersBytes = gzipped(membersPage);
    expect(membersBytes).toBeLessThan(MEMBERS_PAGE_BUDGET);
  });

  it('loads the console shell from console.html (and names it in index.html), and re-exports the hashed embed entry at the stable address', async () => {
    const entries = webEntries((await pages).metafile, (await split).metafile);
    expect(entries.consoleShell).toMatch(/^console-[A-Z0-9]{8}\.js$/);
    expect(entries.embed).toMatch(/^gatehouse-elements-[A-Z0-9]{8}\.js$/);
    const html = indexHtml(entries);
    expect(html).toContain(`<script type="module" src="/app/${entries.pages}"></script>`);
    expect(html).toContain(`<meta name="${CONSOLE_META}" content="/console/${entries.consoleShell}">`);
    const consolePage = consoleHtml(entries);
    expect(consolePage).toContain(`<script type="module" src="/console/${entries.consoleShell}"></script>`);
    expect(consolePage).not.toContain('/app/');
    expect(embedModule(entries)).toBe(`export * from './console/${entries.embed}';\n`);
  });

  it('loads from index.html with no inline script and no third-party origin', async () => {
    const html = await readFile(join(WEB_ROOT, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(body?.trim(), tag).toBe('');
      expect(tag).toMatch(/src="\/[^/]/);
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/\sstyle=|<style/);
  });
});
