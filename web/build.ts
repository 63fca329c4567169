/**
 * `npm run build:web [-- --watch]`: bundles the hosted pages (web/src) with esbuild into
 * web/dist: index.html and styles.css as they are, the code as ES modules split per page
 * (web/dist/app). `--watch` rebuilds on change (`npm run dev:web`).
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** web/ in this checkout. */
export const WEB_ROOT = dirname(fileURLToPath(import.meta.url));
/** What the static server serves (local/web-server.ts). */
export const WEB_DIST = join(WEB_ROOT, 'dist');

const STATIC = ['index.html', 'styles.css'];

const copyStatic: esbuild.Plugin = {
  name: 'copy-static',
  setup(build) {
    build.onEnd(async () => {
      for (const file of STATIC) await copyFile(join(WEB_ROOT, file), join(WEB_DIST, file));
    });
  },
};

/** The esbuild options of the pages: one entry, one chunk per page, minified, no source maps served. */
export function buildOptions(): esbuild.BuildOptions {
  return {
    absWorkingDir: dirname(WEB_ROOT),
    entryPoints: [join(WEB_ROOT, 'src/main.ts')],
    outdir: join(WEB_DIST, 'app'),
    bundle: true,
    splitting: true,
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
    plugins: [copyStatic],
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
