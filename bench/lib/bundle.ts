/**
 * Bundling with the stack's own esbuild settings (infra/bundling.ts), plus a reading of the
 * esbuild metafile: which packages the output bytes come from.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ESBUILD_OPTIONS } from '#infra/bundling.ts';

export interface Bundle {
  /** Absolute path of the written bundle. */
  file: string;
  bytes: number;
  /** Bytes in the output per input file (path as esbuild names it, relative to the root). */
  inputs: Map<string, number>;
}

/** Bundles `entry` (absolute) to `outfile` (absolute) exactly as the CDK stack does. */
export async function bundle(root: string, entry: string, outfile: string): Promise<Bundle> {
  const options: BuildOptions = {
    ...ESBUILD_OPTIONS,
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    external: [...ESBUILD_OPTIONS.external],
    banner: { ...ESBUILD_OPTIONS.banner },
    entryPoints: [entry],
    outfile,
    absWorkingDir: root,
    metafile: true,
    write: true,
    logLevel: 'warning',
  };
  const result = await build(options);
  const bytes = (await stat(outfile)).size;
  return { file: outfile, bytes, inputs: outputInputs(result.metafile!, root, outfile) };
}

function outputInputs(metafile: Metafile, root: string, outfile: string): Map<string, number> {
  const key = path.relative(root, outfile).split(path.sep).join('/');
  const output = metafile.outputs[key];
  if (!output) throw new Error(`esbuild metafile has no output ${key}`);
  return new Map(Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput]));
}

/**
 * The package an input belongs to: the npm package after the last `node_modules/`, or the
 * project folder (first two path segments, e.g. `shared/http`) for project files.
 */
export function packageOf(input: string): string {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at >= 0) {
    const parts = input.slice(at + marker.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]} (project)` : `${input} (project)`;
}

/** Bytes per package, largest first. */
export function byPackage(inputs: ReadonlyMap<string, number>): [string, number][] {
  const totals = new Map<string, number>();
  for (const [input, bytes] of inputs) totals.set(packageOf(input), (totals.get(packageOf(input)) ?? 0) + bytes);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Bytes a bundle holds beyond a reference, per package (inputs the reference lacks, or has fewer bytes of). */
export function excessByPackage(bundle: Bundle, reference: Bundle): [string, number][] {
  const excess = new Map<string, number>();
  for (const [input, bytes] of bundle.inputs) {
    const extra = bytes - (reference.inputs.get(input) ?? 0);
    if (extra > 0) excess.set(input, extra);
  }
  return byPackage(excess);
}
