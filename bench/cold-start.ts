/**
 * Bench section "Bundle size and cold start" (SPEC section 10): per function, the minified
 * bundle size and the time to import it in a fresh Node process, each beside a reference
 * bundle holding only the AWS SDK clients that function uses.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROUTES } from '#shared/routes/index.ts';
import type { RouteDefinition, ServiceClient } from '#shared/http/route.ts';
import { type Bundle, bundle, excessByPackage } from './lib/bundle.ts';
import { FUNCTION_NODE_OPTIONS } from '#infra/bundling.ts';
import { FUNCTION_ENV, importTime } from './lib/import-time.ts';
import { kib, median, ms, ratio, relativeMad, verdict } from './lib/stats.ts';
import { CLIENT_LABEL, referenceClients, referenceKey, referenceSource, routeClients } from './references.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

export const BUNDLE_BAR = 1.25;
export const IMPORT_BAR = 1.2;

/** Import samples per bundle (odd, so the median is a sample). */
const SAMPLES = Number(process.env.BENCH_IMPORT_SAMPLES ?? 21);
/**
 * 1 (default): samples one at a time. 2: each function sample runs at the same moment as
 * its reference sample (never more than 2 processes at once). On a 2-core machine, 2 at
 * once roughly doubled every import time (each Node process also uses helper threads for
 * compilation and GC) and blurred the ratios, so the bench samples sequentially.
 */
const CONCURRENCY = Number(process.env.BENCH_IMPORT_CONCURRENCY ?? 1);

interface Row {
  route: RouteDefinition;
  clients: ServiceClient[];
  refKey: string;
  fn: Bundle;
  ref: Bundle;
  fnMs: number[];
  refMs: number[];
  /** Bytes of the route's `files`, deployed beside the bundle (0 for most functions). */
  files: number;
}

/** Bytes of the files a route's function reads at run time (the Redoc script of getDocsScript). */
async function filesBytes(root: string, route: RouteDefinition): Promise<number> {
  const resolve = createRequire(path.join(root, 'package.json')).resolve;
  const sizes = await Promise.all((route.files ?? []).map(async (file) => (await stat(resolve(file))).size));
  return sizes.reduce((sum, bytes) => sum + bytes, 0);
}

export const coldStart: BenchSection = {
  id: 'cold-start',
  async run(context: BenchContext): Promise<SectionResult> {
    const { root, workDir, log } = context;
    const started = performance.now();
    await mkdir(path.join(workDir, 'functions'), { recursive: true });
    await mkdir(path.join(workDir, 'references'), { recursive: true });

    // Builds, all at once (esbuild runs them in parallel); each distinct reference once.
    const references = new Map<string, Promise<Bundle>>();
    const referenceFor = (clients: ServiceClient[]): Promise<Bundle> => {
      const key = referenceKey(clients);
      let built = references.get(key);
      if (!built) {
        const entry = path.join(workDir, 'references', `${key}.entry.mjs`);
        built = writeFile(entry, referenceSource(clients)).then(() =>
          bundle(root, entry, path.join(workDir, 'references', `${key}.mjs`)),
        );
        references.set(key, built);
      }
      return built;
    };
    const rows: Row[] = await Promise.all(
      ROUTES.map(async (route) => {
        const refClients = referenceClients(route);
        const [fn, ref, files] = await Promise.all([
          bundle(root, path.join(root, route.handler), path.join(workDir, 'functions', `${route.id}.mjs`)),
          referenceFor(refClients),
          filesBytes(root, route),
        ]);
        return { route, clients: routeClients(route), refKey: referenceKey(refClients), fn, ref, fnMs: [], refMs: [], files };
      }),
    );
    const buildSeconds = (performance.now() - started) / 1000;
    log(`cold-start: ${rows.length} functions and ${references.size} reference(s) bundled in ${buildSeconds.toFixed(1)} s`);

    // Warm-up: one discarded import of every bundle (file cache, first-spawn effects).
    for (const file of new Set(rows.flatMap((row) => [row.fn.file, row.ref.file]))) await importTime(file);

    // Samples, interleaved: every round takes one sample of each function and of its
    // reference, alternating which goes first.
    const sampleStart = performance.now();
    for (let round = 0; round < SAMPLES; round++) {
      for (const row of rows) {
        const fnFirst = round % 2 === 0;
        if (CONCURRENCY >= 2) {
          const [a, b] = await Promise.all([importTime(row.fn.file), importTime(row.ref.file)]);
          row.fnMs.push(a);
          row.refMs.push(b);
        } else if (fnFirst) {
          row.fnMs.push(await importTime(row.fn.file));
          row.refMs.push(await importTime(row.ref.file));
        } else {
          row.refMs.push(await importTime(row.ref.file));
          row.fnMs.push(await importTime(row.fn.file));
        }
      }
      if ((round + 1) % 5 === 0 || round + 1 === SAMPLES) log(`cold-start: import round ${round + 1}/${SAMPLES}`);
    }
    const sampleSeconds = (performance.now() - sampleStart) / 1000;

    // What the source maps cost at a cold start: the largest bundles, imported with and without
    // --enable-source-maps, interleaved.
    const mapped = [...rows].sort((a, b) => b.fn.bytes - a.fn.bytes).slice(0, SOURCE_MAP_ROWS);
    const sourceMaps: SourceMapCost[] = mapped.map((row) => ({ row, withMs: [], withoutMs: [] }));
    for (let round = 0; round < SAMPLES; round++) {
      for (const cost of sourceMaps) {
        const on = () => importTime(cost.row.fn.file).then((t) => cost.withMs.push(t));
        const off = () => importTime(cost.row.fn.file, { sourceMaps: false }).then((t) => cost.withoutMs.push(t));
        if (round % 2 === 0) await on().then(off);
        else await off().then(on);
      }
    }
    log(`cold-start: source-map cost sampled on ${sourceMaps.length} bundles`);

    return report(rows, references, { buildSeconds, sampleSeconds }, sourceMaps);
  },
};

/** Bundles whose source-map cost is sampled (the largest). */
const SOURCE_MAP_ROWS = 3;

interface SourceMapCost {
  row: Row;
  withMs: number[];
  withoutMs: number[];
}

async function report(
  rows: Row[],
  references: Map<string, Promise<Bundle>>,
  timing: { buildSeconds: number; sampleSeconds: number },
  sourceMaps: SourceMapCost[],
): Promise<SectionResult> {
  const bars: BarCheck[] = [];
  const lines: string[] = [];
  const figures = rows.map((row) => {
    // Files are counted on both sides: the bar then holds the code deployed around them to the
    // same limit as every other function's, neither hiding them nor failing on them.
    const bundleRatio = (row.fn.bytes + row.files) / (row.ref.bytes + row.files);
    const fnMedian = median(row.fnMs);
    const refMedian = median(row.refMs);
    const importRatio = fnMedian / refMedian;
    const bundleBar: BarCheck = { subject: `bundle ${row.route.id}`, value: bundleRatio, limit: BUNDLE_BAR, pass: bundleRatio <= BUNDLE_BAR };
    const importBar: BarCheck = { subject: `import ${row.route.id}`, value: importRatio, limit: IMPORT_BAR, pass: importRatio <= IMPORT_BAR };
    bars.push(bundleBar, importBar);
    return { row, bundleRatio, fnMedian, refMedian, importRatio, bundleBar, importBar };
  });

  const clientsLabel = (clients: readonly ServiceClient[]): string =>
    clients.length === 0 ? 'none' : clients.map((client) => CLIENT_LABEL[client]).join(', ');
  const env = Object.entries(FUNCTION_ENV)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

  lines.push('## Bundle size and cold start', '');
  lines.push(
    'Each function is bundled with the stack\'s esbuild settings (`ESBUILD_OPTIONS`, infra/bundling.ts: minified, ESM, node24, with a linked source map). ' +
      'Its reference is a bundle, built with the same settings, of an entry that only imports and instantiates the AWS SDK clients the function uses ' +
      '(the DynamoDB document client when it uses none) and exports a handler sending one command per client, so nothing is tree-shaken.',
      '',
    `Import time: a fresh \`node\` process per sample times \`await import(bundle)\` with \`performance.now()\` (env ${env}); ` +
      `${SAMPLES} samples per bundle after one discarded warm-up, function and reference samples interleaved ` +
      (CONCURRENCY >= 2
        ? '(each function sample runs alongside its reference sample, 2 processes at once)'
        : '(one process at a time, alternating which goes first; two at once roughly doubled every import time on 2 cores)') +
      '; the figure is the median. Ratios are function / reference, measured in this run.',
    '',
    'A function that reads files at run time (its route\'s `files`: getDocsScript serves Redoc\'s standalone script, ' +
      'copied beside its bundle at deployment, never into it) shows them as "+ files"; its bundle ratio counts them on both sides, ' +
      '(bundle + files) / (reference + files), so the bar still measures the code it deploys. They are not read at import.',
    '',
  );
  lines.push(
    `| Route | Function | SDK clients | Bundle | Reference | Ratio | Bar ${BUNDLE_BAR}x | Import (median) | Reference | Ratio | Bar ${IMPORT_BAR}x |`,
    '|---|---|---|--:|--:|--:|:-:|--:|--:|--:|:-:|',
  );
  for (const f of figures) {
    const { row } = f;
    lines.push(
      `| \`${row.route.method} ${row.route.path}\` | ${row.route.id} | ${clientsLabel(row.clients)} | ${kib(row.fn.bytes)}${row.files > 0 ? ` + files ${kib(row.files)}` : ''} | ${kib(row.ref.bytes)} | ` +
        `${ratio(f.bundleRatio)} | ${verdict(f.bundleBar.pass)} | ${ms(f.fnMedian)} | ${ms(f.refMedian)} | ${ratio(f.importRatio)} | ${verdict(f.importBar.pass)} |`,
    );
  }
  const worstBundle = figures.reduce((a, b) => (b.bundleRatio > a.bundleRatio ? b : a));
  const worstImport = figures.reduce((a, b) => (b.importRatio > a.importRatio ? b : a));
  const failed = bars.filter((bar) => !bar.pass);
  lines.push(
    '',
    `**Summary:** worst bundle ratio ${ratio(worstBundle.bundleRatio)} (${worstBundle.row.route.id}, bar ${BUNDLE_BAR}x), ` +
      `worst import ratio ${ratio(worstImport.importRatio)} (${worstImport.row.route.id}, bar ${IMPORT_BAR}x); ` +
      (failed.length === 0 ? 'every function passes both bars.' : `${failed.length} bar(s) FAILED: ${failed.map((b) => b.subject).join(', ')}.`),
    '',
  );

  lines.push('### References', '', '| Reference | Clients | Bundle |', '|---|---|--:|');
  for (const [key, built] of references) {
    const ref = await built;
    lines.push(`| ${key} | ${clientsLabel(key.split('+') as ServiceClient[])} | ${kib(ref.bytes)} |`);
  }
  lines.push('');

  lines.push(
    '### What a function adds to its reference',
    '',
    'Bytes in the function bundle beyond its reference (esbuild metafile, per input file, grouped by package or project folder), largest five.',
    '',
    '| Function | Added | Largest additions |',
    '|---|--:|---|',
  );
  for (const f of figures) {
    const excess = excessByPackage(f.row.fn, f.row.ref);
    const total = excess.reduce((sum, [, bytes]) => sum + bytes, 0);
    const top = excess
      .slice(0, 5)
      .map(([name, bytes]) => `${name.replace(/\|/g, '\\|')} ${kib(bytes)}`)
      .join(', ');
    lines.push(`| ${f.row.route.id} | ${kib(total)} | ${top || '(nothing)'} |`);
  }
  lines.push('');

  lines.push(
    '### What the source maps cost',
    '',
    `Every function runs with NODE_OPTIONS=${FUNCTION_NODE_OPTIONS} and its bundle's map beside it (mappings only, no sources), so the import times above, ` +
      'of functions and references alike, are taken that way, as deployed. Here the largest bundles are imported with and without the option ' +
      `(${SAMPLES} samples each, interleaved; medians). Not a bar: the import bar above holds with the maps on.`,
    '',
    '| Function | Bundle | Map | Import with maps | without | Cost |',
    '|---|--:|--:|--:|--:|--:|',
  );
  for (const cost of sourceMaps) {
    const on = median(cost.withMs);
    const off = median(cost.withoutMs);
    const mapBytes = (await stat(`${cost.row.fn.file}.map`)).size;
    lines.push(`| ${cost.row.route.id} | ${kib(cost.row.fn.bytes)} | ${kib(mapBytes)} | ${ms(on)} | ${ms(off)} | ${ms(on - off)} (${(((on - off) / off) * 100).toFixed(0)}%) |`);
  }
  lines.push('');

  const noise = figures.map((f) => Math.max(relativeMad(f.row.fnMs), relativeMad(f.row.refMs)));
  lines.push(
    `Builds took ${timing.buildSeconds.toFixed(1)} s, import samples ${timing.sampleSeconds.toFixed(1)} s; ` +
      `sample spread (median absolute deviation / median) at most ${(Math.max(...noise) * 100).toFixed(1)}%.`,
    '',
  );
  return { markdown: lines.join('\n'), bars };
}
