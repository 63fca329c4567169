/**
 * `npm run build:web [-- --watch]`: bundles the hosted pages (web/src) with esbuild into web/dist:
 *
 * - app/main-XXXXXXXX.js: the pages, code and stylesheet as one ES module (no splitting);
 * - console/*-XXXXXXXX.js: the console, split per section, with two entries: its shell
 *   (console-XXXXXXXX.js, for /domains/…) and the embeddable elements (gatehouse-elements-XXXXXXXX.js);
 * - index.html loading the pages module (and naming the console shell in a meta element);
 * - console.html loading the console shell: the servers answer it for /domains/… paths, so a
 *   console page loads nothing of the pages module;
 * - gatehouse-elements.js, the embeddable module's stable address, re-exporting its hashed entry.
 *
 * Everything with a hash is cached for ever; the HTML and gatehouse-elements.js are
 * revalidated. `--watch` rebuilds on change (`npm run dev:web`).
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

/** The embeddable module's stable path (revalidated): it imports the console's hashed entry. */
export const EMBED_MODULE = 'gatehouse-elements.js';
/** The meta element of index.html naming the console shell's hashed module (web/src/main.ts imports it). */
export const CONSOLE_META = 'gatehouse-console';
/** The console's entries: the shell of Gatehouse's own console pages, and the embeddable elements. */
const CONSOLE_SHELL = 'web/src/console/shell.ts';
const CONSOLE_EMBED = 'web/src/console/embed.ts';

/** The pages module's file name in a build (main-XXXXXXXX.js), from esbuild's metafile. */
export function entryModule(metafile: esbuild.Metafile | undefined): string | undefined {
  const entry = Object.entries(metafile?.outputs ?? {}).find(([, output]) => output.entryPoint)?.[0];
  return entry?.split('/').pop();
}

/** The file name (console-XXXXXXXX.js) of the console build's output for the entry `source`. */
function consoleOutput(metafile: esbuild.Metafile | undefined, source: string): string | undefined {
  const entry = Object.entries(metafile?.outputs ?? {}).find(([, output]) => output.entryPoint === source)?.[0];
  return entry?.split('/').pop();
}

/** What the HTML and the stable embed module name: the hashed pages module and the console's two entries. */
export interface WebEntries {
  /** app/main-XXXXXXXX.js's file name. */
  pages: string;
  /** console/console-XXXXXXXX.js's file name: the console shell (/domains/…). */
  consoleShell: string;
  /** console/gatehouse-elements-XXXXXXXX.js's file name: the embeddable elements. */
  embed: string;
}

/** The entries of the two builds' metafiles. */
export function webEntries(pages: esbuild.Metafile | undefined, split: esbuild.Metafile | undefined): WebEntries {
  const found = { pages: entryModule(pages), consoleShell: consoleOutput(split, CONSOLE_SHELL), embed: consoleOutput(split, CONSOLE_EMBED) };
  for (const [name, file] of Object.entries(found)) if (!file) throw new Error(`The web build (web/build.ts) produced no ${name} module`);
  return found as WebEntries;
}

/** web/index.html, checked to load /app/main.js. */
function template(): string {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  if (!html.includes('src="/app/main.js"')) throw new Error('web/index.html must load /app/main.js');
  if (!html.includes('</head>')) throw new Error('web/index.html has no </head>');
  return html;
}

/**
 * web/index.html loading the pages module under its hashed name (the deployed stack serves the
 * same), with the console shell's hashed path in a meta element, which web/src/main.ts imports
 * should a server answer index.html for a console path.
 */
export function indexHtml(entries: Pick<WebEntries, 'pages' | 'consoleShell'>): string {
  return template()
    .replace('src="/app/main.js"', `src="/app/${entries.pages}"`)
    .replace('</head>', `  <meta name="${CONSOLE_META}" content="/console/${entries.consoleShell}">\n  </head>`);
}

/** The console's page (answered for /domains/…): web/index.html loading the console shell instead of the pages module. */
export function consoleHtml(entries: Pick<WebEntries, 'consoleShell'>): string {
  return template().replace('src="/app/main.js"', `src="/console/${entries.consoleShell}"`);
}


/**
 * The embeddable module at its stable path (/gatehouse-elements.js, revalidated): it only
 * re-exports the console build's hashed entry, so everything it loads can be cached for ever.
 */
export function embedModule(entries: Pick<WebEntries, 'embed'>): string {
  return `export * from './console/${entries.embed}';\n`;
}

/** What both builds share: ES modules for current browsers, minified, the stylesheets as text. */
function common(): esbuild.BuildOptions {
  return {
    absWorkingDir: dirname(WEB_ROOT),
    bundle: true,
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
  };
}

/**
 * The esbuild options of the pages: one entry, one module (no splitting: a page loads with the
 * HTML, this module and its API call), the stylesheet inside it as text, minified, no source maps
 * served. The console is not in it: main.ts imports the console's shell by the URL in index.html.
 */
export function buildOptions(): esbuild.BuildOptions {
  return {
    ...common(),
    entryPoints: [join(WEB_ROOT, 'src/main.ts')],
    outdir: join(WEB_DIST, 'app'),
    // The content hash in the name (main-XXXXXXXX.js): cacheable for ever, index.html names it.
    entryNames: '[name]-[hash]',
    splitting: false,
  };
}

/**
 * The esbuild options of the console (web/dist/console/): split, so each section is a chunk
 * loaded when it is first shown, with two entries sharing those chunks: the shell of the hosted
 * console (web/src/console/shell.ts, which console.html loads) and the embeddable elements
 * (web/src/console/embed.ts). Lit, the client and the strings are in the pages module too, but
 * a second copy here keeps the pages' own bar (sign-in: the HTML, one module, one API call) free
 * of any shared chunk, and a console page loads only this build.
 */
export function consoleBuildOptions(): esbuild.BuildOptions {
  return {
    ...common(),
    entryPoints: [
      { in: CONSOLE_SHELL, out: 'console' },
      { in: CONSOLE_EMBED, out: 'gatehouse-elements' },
    ],
    outdir: join(WEB_DIST, 'console'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    splitting: true,
  };
}

/** Writes index.html and the stable embed module once both builds have ended (watch mode: after every rebuild). */
function writeEntries(): { pages: esbuild.Plugin; console: esbuild.Plugin } {
  const metas: { pages?: esbuild.Metafile; console?: esbuild.Metafile } = {};
  const plugin = (which: 'pages' | 'console'): esbuild.Plugin => ({
    name: `write-entries-${which}`,
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        metas[which] = result.metafile;
        if (!metas.pages || !metas.console) return;
        const entries = webEntries(metas.pages, metas.console);
        await writeFile(join(WEB_DIST, 'index.html'), indexHtml(entries));
        await writeFile(join(WEB_DIST, 'console.html'), consoleHtml(entries));
        await writeFile(join(WEB_DIST, EMBED_MODULE), embedModule(entries));
      });
    },
  });
  return { pages: plugin('pages'), console: plugin('console') };
}

/** Builds web/dist once; answers esbuild's metafiles (sizes per output) of the pages and the console. */
export async function buildWeb(): Promise<{ pages: esbuild.Metafile; console: esbuild.Metafile }> {
  await rm(WEB_DIST, { recursive: true, force: true });
  await mkdir(WEB_DIST, { recursive: true });
  const plugins = writeEntries();
  const [pages, split] = await Promise.all([esbuild.build({ ...buildOptions(), plugins: [plugins.pages] }), esbuild.build({ ...consoleBuildOptions(), plugins: [plugins.console] })]);
  return { pages: pages.metafile as esbuild.Metafile, console: split.metafile as esbuild.Metafile };
}

/**
 * The JavaScript a console page (console.html) loads: the console shell and the chunks it
 * imports statically, and the section's own chunk with its static imports (output paths of the
 * console build's metafile). `section` is the source of the section's element module.
 */
export function consolePageOutputs(split: esbuild.Metafile, section: string): string[] {
  const outputs = split.outputs;
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  for (const source of [CONSOLE_SHELL, section]) {
    const output = Object.entries(outputs).find(([, o]) => o.entryPoint === source)?.[0];
    if (!output) throw new Error(`No output of the console build for ${source}`);
    visit(output);
  }
  return [...seen];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--watch')) {
    await mkdir(WEB_DIST, { recursive: true });
    const plugins = writeEntries();
    const contexts = await Promise.all([esbuild.context({ ...buildOptions(), plugins: [plugins.pages] }), esbuild.context({ ...consoleBuildOptions(), plugins: [plugins.console] })]);
    await Promise.all(contexts.map((context) => context.watch()));
    console.log(`Watching web/ and rebuilding into ${WEB_DIST} (Ctrl-C stops).`);
  } else {
    const meta = await buildWeb();
    const { gzipSync } = await import('node:zlib');
    const { readFile } = await import('node:fs/promises');
    const gz = async (file: string) => gzipSync(await readFile(file)).length;
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    const sum = async (files: string[]) => (await Promise.all(files.map(gz))).reduce((a, b) => a + b, 0);
    for (const file of [...Object.keys(meta.pages.outputs), ...Object.keys(meta.console.outputs)]) console.log(`  ${file}  ${kib(await gz(file))} gzipped`);
    const pages = await sum(Object.keys(meta.pages.outputs));
    const split = await sum(Object.keys(meta.console.outputs));
    const members = await sum(consolePageOutputs(meta.console, 'web/src/console/members.ts'));
    console.log(`web/dist built, JavaScript gzipped: the pages ${kib(pages)} (one module); the console ${kib(split)} in all; the members page loads ${kib(members)}.`);
  }
}
