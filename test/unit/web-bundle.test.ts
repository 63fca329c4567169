/**
 * The hosted pages' bundle (web/build.ts), built in memory: within the issue's budget of 60 KiB
 * of JavaScript gzipped in all, with the pages' strings but none of the emails', and an
 * index.html that loads only its own files (no inline script, no third-party origin).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as en from '#shared/mail/messages/en.ts';
import { buildOptions, WEB_ROOT } from '../../web/build.ts';

const BUDGET_BYTES = 60 * 1024;

describe('the hosted pages bundle', () => {
  const built = esbuild.build({ ...buildOptions(), write: false, plugins: [] });

  it('stays within 60 KiB of JavaScript gzipped in all', async () => {
    const { outputFiles } = await built;
    const gzipped = outputFiles.filter((f) => f.path.endsWith('.js')).reduce((sum, f) => sum + gzipSync(f.contents).length, 0);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
  });

  it("holds the pages' strings of every language and none of the emails'", async () => {
    const code = (await built).outputFiles.map((f) => f.text).join('\n');
    // Booleans: a failure would otherwise print the whole bundle.
    expect(code.includes(en.pages.problems.invitationRevoked), 'English pages strings').toBe(true);
    expect(code.includes('Liity työtilaan'), 'Finnish pages strings').toBe(true);
    expect(code.includes(en.invitation.button), "the invitation email's button").toBe(false);
    expect(code.includes(en.staleDigest.reactivate), "the stale digest's text").toBe(false);
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
