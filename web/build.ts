/**
 * `npm run build:web [-- --watch]`: bundles the hosted pages (web/src) with esbuild into
 * web/dist: the code and its stylesheet as one ES module with a content hash in its name
 * (web/dist/app/main-XXXXXXXX.js), and index.html loading it. `--watch` rebuilds on change (`npm run dev:web`).
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** web/ in this checkout. */
export const WEB_ROOT = dirname(fileURLToPath(import.meta.url));
/** What the static server serves (local/web-server.ts). */
export const WEB_DIST = join(WEB_ROOT, 'dist');

/** The module's file name in a build (main-XXXXXXXX.js), from esbuild's metafile. */
export function entryModule(metafile: esbuild.Metafile | undefined): string | undefined {
  const entry = Object.entries(metafile?.outputs ?? {}).find(([, output]) => output.entryPoint)?.[0];
  return entry?.split('/').pop();
}

/** web/index.html loading the module under its hashed name (the deployed stack serves the same). */
export function indexHtml(module: string): string {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  if (!html.includes('src="/app/main.js"')) throw new Error('web/index.html must load /app/main.js');
  return html.replace('src="/app/main.js"', `src="/app/${module}"`);
}

/**
 * Writes index.html beside the module, pointing at the module's hashed name: everything under
 * app/ can be cached for ever, and only index.html is revalidated.
 */
const writeIndex: esbuild.Plugin = {
  name: 'write-index',
  setup(build) {
    build.onEnd(async (result) => {
      const module = entryModule(result.metafile);
      if (module) await writeFile(join(WEB_DIST, 'index.html'), indexHtml(module));
    });
  },
};

/**
 * The esbuild options of the pages: one entry, one module (no splitting: a page loads with the
 * HTML, this module and its API call), the stylesheet inside it as text, minified, no source maps served.
 */
export function buildOptions(): esbuild.BuildOptions {
  return {
    absWorkingDir: dirname(WEB_ROOT),
    entryPoints: [join(WEB_ROOT, 'src/main.ts')],
    outdir: join(WEB_DIST, 'app'),
    // The content hash in the name (main-XXXXXXXX.js): cacheable for ever, index.html names it.
    entryNames: '[name]-[hash]',
    bundle: true,
    splitting: false,
    loader: { '.css': 'text' },
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    metafile: true,
    legalComments: 'none',
    // The strings as they are (served as UTF-8), not \x escapes: smaller, and readable in the bundle.
    charset: 'utf8',
    logLevel: 'warning',
    tsconfig: join(WEB_ROOT, 'tsconfig.json'),
    plugins: [writeIndex],
  };
}

/** Builds web/dist once; answers esbuild's metafile (sizes per output). */
export async function buildWeb(): Promise<esbuild.Metafile> {
  await rm(WEB_DIST, { recursive: true, force: true });
  await mkdir(WEB_DIST, { recursive: true });
  const result = await esbuild.build(buildOptions());
  return result.metafile as esbuild.Metafile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--watch')) {
    await mkdir(WEB_DIST, { recursive: true });
    const context = await esbuild.context(buildOptions());
    await context.watch();
    console.log(`Watching web/ and rebuilding into ${WEB_DIST} (Ctrl-C stops).`);
  } else {
    const meta = await buildWeb();
    const { gzipSync } = await import('node:zlib');
    const { readFile } = await import('node:fs/promises');
    let total = 0;
    for (const file of Object.keys(meta.outputs)) {
      const gz = gzipSync(await readFile(file)).length;
      total += gz;
      console.log(`  ${file}  ${(gz / 1024).toFixed(1)} KiB gzipped`);
    }
    console.log(`web/dist built: ${(total / 1024).toFixed(1)} KiB of JavaScript gzipped in all.`);
  }
}
