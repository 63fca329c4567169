/**
 * The function bundles (infra/bundling.ts): built once per synth, in one esbuild build, each
 * self-contained and byte-identical to a build of its entry alone (what `npm run bench`
 * measures), the route's files beside it, and deterministic (the same asset hash from a new
 * build in a new folder). stack.test.ts checks the deployed bundles of a whole synth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileSystem } from 'aws-cdk-lib';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_HANDLER } from '#infra/bootstrap.ts';
import {
  BUNDLE_FILE,
  SOURCE_MAP_FILE,
  bundleStats,
  ESBUILD_OPTIONS,
  ESM_REQUIRE_BANNER,
  type FunctionCode,
  functionAssetDir,
  registerFunctionEntries,
  removeBundleCache,
  resetBundleCache,
} from '#infra/bundling.ts';
import { PROJECT_ROOT } from '#infra/function.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { REDOC_SCRIPT } from '#shared/routes/system.ts';

const route = (id: string): FunctionCode => {
  const found = ROUTES.find((r) => r.id === id);
  if (!found) throw new Error(`No route ${id}`);
  return { entry: found.handler, files: found.files ?? [] };
};
// A route without files, the one with files, and a function that sends (non-ASCII) email text.
const CODES: FunctionCode[] = [route('getMe'), route('getDocsScript'), { entry: BOOTSTRAP_HANDLER }];

/** The bundle of one entry built on its own with the shared options, as bench/lib/bundle.ts builds it. */
async function aloneBuild(entry: string): Promise<Uint8Array> {
  const result = await esbuild.build({
    ...ESBUILD_OPTIONS,
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    external: [...ESBUILD_OPTIONS.external],
    banner: { ...ESBUILD_OPTIONS.banner },
    entryPoints: [join(PROJECT_ROOT, entry)],
    // Named as deployed: the bundle's last line names its map (index.mjs.map).
    outfile: join(PROJECT_ROOT, '.bench', 'alone', BUNDLE_FILE),
    absWorkingDir: PROJECT_ROOT,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles.find((file) => file.path.endsWith(BUNDLE_FILE))!.contents;
}

describe('function bundles', () => {
  let dirs: string[];
  beforeAll(() => {
    resetBundleCache();
    registerFunctionEntries(CODES.map((code) => code.entry));
    dirs = CODES.map((code) => functionAssetDir(code));
  });
  afterAll(() => removeBundleCache());

  it('builds every registered entry in one esbuild build, once however many functions ask', () => {
    expect(bundleStats()).toEqual({ builds: 1, entries: CODES.length });
    // A second stack asks again: the same folders, no new build.
    expect(CODES.map((code) => functionAssetDir(code))).toEqual(dirs);
    expect(bundleStats().builds).toBe(1);
  });

  it('gives each function the same bytes as a build of its entry alone: self-contained (no shared chunk), minified, with the banner', async () => {
    for (const [i, code] of CODES.entries()) {
      const deployed = readFileSync(join(dirs[i]!, BUNDLE_FILE));
      expect(Buffer.from(await aloneBuild(code.entry)).equals(deployed), code.entry).toBe(true);
      const text = deployed.toString('utf8');
      expect(text.startsWith(ESM_REQUIRE_BANNER), code.entry).toBe(true);
      expect(text.split('\n').length, `${code.entry} looks unminified`).toBeLessThan(100);
    }
  });

  it('maps each bundle back to the TypeScript sources (mappings only, no source text): stack traces name the file and line', () => {
    for (const [i, code] of CODES.entries()) {
      const map = JSON.parse(readFileSync(join(dirs[i]!, SOURCE_MAP_FILE), 'utf8')) as { sources: string[]; sourcesContent?: unknown };
      expect(map.sources.some((source) => source.endsWith(code.entry)), code.entry).toBe(true);
      expect(map.sourcesContent, code.entry).toBeUndefined();
      expect(readFileSync(join(dirs[i]!, BUNDLE_FILE), 'utf8').trimEnd().endsWith(`//# sourceMappingURL=${SOURCE_MAP_FILE}`), code.entry).toBe(true);
    }
  });

  it('writes one bundle per entry and nothing else: no chunk shared between functions', () => {
    const built = dirname(dirs[0]!);
    expect(readdirSync(built).sort()).toEqual(CODES.map((code) => code.entry.replace(/\.ts$/, '').replaceAll('/', '.')).sort());
    for (const folder of readdirSync(built)) expect(readdirSync(join(built, folder)).sort()).toEqual([BUNDLE_FILE, SOURCE_MAP_FILE]);
  });

  it("puts a route's files beside its bundle, and nothing beside the others", () => {
    const listing = CODES.map((_, i) => readdirSync(dirs[i]!).sort());
    expect(listing).toEqual([[BUNDLE_FILE, SOURCE_MAP_FILE], [BUNDLE_FILE, SOURCE_MAP_FILE, basename(REDOC_SCRIPT)].sort(), [BUNDLE_FILE, SOURCE_MAP_FILE]]);
  });

  it('is deterministic: after the cache folder is removed, a new build in a new folder gives every function the same asset hash', () => {
    const hashes = dirs.map((dir) => FileSystem.fingerprint(dir));
    // As the app does after synth: the cache folder goes, and the bundles are forgotten.
    removeBundleCache();
    expect(dirs.filter((dir) => existsSync(dir))).toEqual([]);
    const again = CODES.map((code) => functionAssetDir(code));
    expect(bundleStats().builds).toBe(2);
    expect(again.every((dir, i) => dir !== dirs[i])).toBe(true);
    expect(again.map((dir) => FileSystem.fingerprint(dir))).toEqual(hashes);
  });
});
