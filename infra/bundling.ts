/**
 * How every function is bundled: the stack (infra/function.ts) and `npm run bench` both use
 * these settings, so the bench measures what is deployed.
 *
 * A synth bundles every function once, not once per stack: the first function that needs its
 * bundle builds every function entry the app registered (infra/gatehouse-app.ts) in ONE esbuild
 * build (code splitting off: each output is a self-contained bundle, the same bytes a build of
 * that entry alone gives) into a cache folder of the process. Each function then deploys its
 * folder with `lambda.Code.fromAsset`: the same bundle in every customer's stack is the same
 * asset (same content, same hash), staged into the cloud assembly once. esbuild only: offline,
 * and deterministic (same sources, same bytes, same asset hash).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * esbuild target matching the Lambda runtime the stack uses (nodejs24.x, the newest
 * aws-cdk-lib offers; infra/function.ts). test/infra checks that the two agree.
 */
export const BUNDLE_TARGET = 'node24';

/**
 * Lets the ES-module bundle load the few CommonJS dependencies that call `require`
 * (esbuild cannot turn those into imports).
 */
export const ESM_REQUIRE_BANNER = "import{createRequire as __gh_cr}from'node:module';const require=__gh_cr(import.meta.url);";

/** esbuild build options shared by CDK bundling and the bench. */
export const ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'node',
  target: BUNDLE_TARGET,
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  // The AWS SDK v3 is bundled (not taken from the runtime) so its version is the one tested.
  external: [] as string[],
  legalComments: 'none',
  // Non-ASCII text (the Finnish and French emails) as itself, not as \u escapes.
  charset: 'utf8',
  // index.mjs.map beside the bundle: the functions run with --enable-source-maps (infra/function.ts),
  // so a stack trace in the logs names the TypeScript file and line. Mappings only, no sources:
  // the map stays small, and the code is not shipped twice.
  sourcemap: 'linked',
  sourcesContent: false,
} as const;

/** The bundle's source map, beside it. */
export const SOURCE_MAP_FILE = 'index.mjs.map';

/** What every function's NODE_OPTIONS holds: stack traces through the source maps. */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/** The file a function's folder holds its bundle in; the handler is `index.handler`. */
export const BUNDLE_FILE = 'index.mjs';

/** The repository root: function entries and their files are resolved from it. */
const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** One function's code: its entry (relative to the project root) and the npm files copied beside its bundle. */
export interface FunctionCode {
  entry: string;
  files?: readonly string[];
}

/** What the bundle cache did in this process: tests check that a synth builds once. */
export interface BundleStats {
  /** esbuild builds run. */
  builds: number;
  /** Entries bundled, over all builds. */
  entries: number;
}

let cacheDir: string | undefined;
const registered = new Set<string>();
/** Entry -> its bundle's folder (holding only index.mjs). */
const bundles = new Map<string, string>();
/** Entry and files -> the folder deployed (the bundle's, or a copy with the files beside it). */
const assetDirs = new Map<string, string>();
const stats: BundleStats = { builds: 0, entries: 0 };
let skippedWritten = false;

/** The process's cache folder, made on first use and removed when the process ends (the assets are copies in the cloud assembly). */
function cache(): string {
  if (!cacheDir) {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bundles-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    cacheDir = dir;
  }
  return cacheDir;
}

/** `functions/me/get-me.ts` -> `functions.me.get-me`: one flat folder per entry, never one inside another. */
function folderName(entry: string): string {
  return entry.replace(/\.[cm]?[jt]sx?$/, '').replace(/[\\/]/g, '.');
}

/**
 * Names the function entries of the app, so that the first bundle asked for builds them all in
 * one go. An entry not registered is still bundled when asked for, in a build of its own.
 */
export function registerFunctionEntries(entries: Iterable<string>): void {
  for (const entry of entries) registered.add(entry);
}

/** Bundles, in one esbuild build, `entries` and every registered entry not bundled yet. */
function buildBundles(entries: readonly string[]): void {
  const missing = [...new Set([...registered, ...entries])].filter((entry) => !bundles.has(entry)).sort();
  if (missing.length === 0) return;
  const names = new Map(missing.map((entry) => [entry, folderName(entry)]));
  const taken = new Map([...bundles.keys()].map((entry) => [folderName(entry), entry]));
  for (const [entry, name] of names) {
    const other = taken.get(name);
    if (other !== undefined && other !== entry) throw new Error(`Function entries ${other} and ${entry} would share the bundle folder ${name}`);
    taken.set(name, entry);
  }
  const outdir = join(cache(), 'bundles');
  esbuild.buildSync({
    ...ESBUILD_OPTIONS,
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    external: [...ESBUILD_OPTIONS.external],
    banner: { ...ESBUILD_OPTIONS.banner },
    // Every entry self-contained: no chunks shared between functions.
    splitting: false,
    entryPoints: missing.map((entry) => ({ in: join(PROJECT_ROOT, entry), out: `${names.get(entry)}/index` })),
    outExtension: { '.js': '.mjs' },
    outdir,
    absWorkingDir: PROJECT_ROOT,
    write: true,
    logLevel: 'warning',
  });
  stats.builds += 1;
  stats.entries += missing.length;
  for (const [entry, name] of names) bundles.set(entry, join(outdir, name));
}

/**
 * The folder to deploy for a function: its bundle as `index.mjs`, and each of its files beside
 * it under its base name (where shared/http/route-file.ts looks first). Files are resolved as
 * npm specifiers from the project root, so a missing package fails the synth.
 */
export function functionAssetDir(code: FunctionCode): string {
  const files = code.files ?? [];
  const key = JSON.stringify([code.entry, files]);
  const known = assetDirs.get(key);
  if (known) return known;
  buildBundles([code.entry]);
  const bundleDir = bundles.get(code.entry)!;
  let dir = bundleDir;
  if (files.length > 0) {
    const names = files.map((file) => basename(file));
    if (new Set(names).size !== names.length) throw new Error(`Two route files share a base name: ${files.join(', ')}`);
    const resolve = createRequire(join(PROJECT_ROOT, 'package.json')).resolve;
    const sources = files.map((file) => resolve(file));
    dir = join(cache(), 'with-files', `${folderName(code.entry)}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(bundleDir, BUNDLE_FILE), join(dir, BUNDLE_FILE));
    copyFileSync(join(bundleDir, SOURCE_MAP_FILE), join(dir, SOURCE_MAP_FILE));
    sources.forEach((source, i) => copyFileSync(source, join(dir, names[i]!)));
  }
  assetDirs.set(key, dir);
  return dir;
}

/** Each asset folder's content hash, once per synth (see functionAssetHash). */
const assetHashes = new Map<string, string>();

/**
 * The content hash of an asset folder from functionAssetDir (its files' names and bytes), computed
 * once per synth and given to `Code.fromAsset` as its asset hash: otherwise CDK fingerprints the
 * same folder again in every customer's stack (about 55 MiB of bundles and maps a stack). Same
 * files, same hash: the asset is still staged once and changes exactly when a bundle does.
 */
export function functionAssetHash(dir: string): string {
  let hash = assetHashes.get(dir);
  if (!hash) {
    const digest = createHash('sha256');
    for (const name of readdirSync(dir).sort()) digest.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
    hash = digest.digest('hex');
    assetHashes.set(dir, hash);
  }
  return hash;
}

/**
 * The folder a function deploys when its stack skips bundling (`cdk synth` of other stacks
 * with `--exclusively`, tests with `aws:cdk:bundling-stacks` empty): a stub that fails if it
 * ever runs, as CDK's own skipped bundling yields no code either.
 */
export function skippedBundleDir(): string {
  const dir = join(cache(), 'skipped');
  if (!skippedWritten) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, BUNDLE_FILE), "export const handler = () => { throw new Error('Bundling was skipped for this stack: synthesize it to deploy it'); };\n");
    skippedWritten = true;
  }
  return dir;
}

/** Builds run and entries bundled so far in this process. */
export function bundleStats(): Readonly<BundleStats> {
  return { ...stats };
}

/**
 * Deletes the cache folder once the assets are staged into the cloud assembly (the app calls it
 * after synth; a process that ends also deletes it) and forgets its bundles: the next one asked
 * for builds again, into a new folder. The stats are kept.
 */
export function removeBundleCache(): void {
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  bundles.clear();
  assetDirs.clear();
  cacheDir = undefined;
  skippedWritten = false;
}

/** Forgets every bundle and the stats (the next bundle asked for builds again, into a new folder): tests of determinism. */
export function resetBundleCache(): void {
  bundles.clear();
  assetDirs.clear();
  cacheDir = undefined;
  skippedWritten = false;
  stats.builds = 0;
  stats.entries = 0;
}
