/**
 * Bench section "Synth" (issue 14): the wall time of `npx cdk synth` (every stack, as an operator
 * runs it) for the customer files in infra/customers, and for 2 and 10 generated customers in a
 * scratch folder (the `customersDir` context, infra/gatehouse-app.ts). Bars: infra/customers in
 * at most 60 s; 10 customers in at most 1.5x the time of 2.
 *
 * Each synth is a fresh CLI process writing a fresh cloud assembly; the rounds interleave the
 * three folders so that a change in the machine's load touches all of them alike.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CUSTOMERS_DIR, customerNames } from '#infra/customer-config.ts';
import { median } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

export const SYNTH_SECONDS_BAR = 60;
export const SYNTH_SCALE_BAR = 1.5;
/** Synths per folder (odd, so the median is a sample). */
const SAMPLES = Number(process.env.BENCH_SYNTH_SAMPLES ?? 3);
const GENERATED = [2, 10] as const;

interface Run {
  wallSeconds: number;
  /** User + system CPU seconds of the CLI and everything it started (the app, esbuild). */
  cpuSeconds: number;
}

interface Subject {
  label: string;
  dir: string;
  customers: number;
  runs: Run[];
  /** Of the last run: stacks, function assets in the assembly, and their bytes. */
  assembly?: { stacks: number; functionAssets: number; functionAssetBytes: number; functions: number };
}

/** N customer files in `dir`, each a copy of a shipped file (in turn) under a new name. */
async function generateCustomers(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const shipped = customerNames();
  if (shipped.length === 0) throw new Error(`synth: no customer file in ${CUSTOMERS_DIR} to copy`);
  for (let i = 0; i < count; i++) {
    const source = JSON.parse(await readFile(path.join(CUSTOMERS_DIR, `${shipped[i % shipped.length]}.json`), 'utf8')) as Record<string, unknown>;
    const name = `bench-${String(i + 1).padStart(2, '0')}`;
    await writeFile(path.join(dir, `${name}.json`), JSON.stringify({ ...source, name }, null, 2));
  }
}

/** One `npx cdk synth` (all stacks) into a fresh output folder, timed; its CPU from the shell's `times`. */
async function synth(root: string, customersDir: string, outdir: string): Promise<Run> {
  const command = `npx cdk synth -c customersDir=${JSON.stringify(customersDir)} -o ${JSON.stringify(outdir)} >/dev/null; code=$?; times; exit $code`;
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`synth: npx cdk synth failed (${code}) for ${customersDir}:\n${stderr.slice(-2000)}`);
  // `times`: the shell's own user and system time, then its children's (the CLI and below).
  const children = stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`synth: cannot read the CPU time from \`times\`: ${stdout}`);
  return { wallSeconds, cpuSeconds: seconds[0]! + seconds[1]! };
}

/** Stacks, Node.js functions, and function assets (folders holding a bundle, index.mjs) in a cloud assembly. */
async function readAssembly(outdir: string): Promise<NonNullable<Subject['assembly']>> {
  const entries = await readdir(outdir);
  const templates = entries.filter((name) => name.endsWith('.template.json'));
  let functionAssets = 0;
  let functionAssetBytes = 0;
  for (const name of entries.filter((entry) => entry.startsWith('asset.'))) {
    const bundle = await stat(path.join(outdir, name, 'index.mjs')).catch(() => undefined);
    if (!bundle) continue;
    functionAssets += 1;
    for (const file of await readdir(path.join(outdir, name))) functionAssetBytes += (await stat(path.join(outdir, name, file))).size;
  }
  let functions = 0;
  for (const template of templates) {
    const resources = Object.values((JSON.parse(await readFile(path.join(outdir, template), 'utf8')) as { Resources: Record<string, { Type: string; Properties?: { Runtime?: string } }> }).Resources);
    functions += resources.filter((r) => r.Type === 'AWS::Lambda::Function' && String(r.Properties?.Runtime).startsWith('nodejs')).length;
  }
  return { stacks: templates.length, functionAssets, functionAssetBytes, functions };
}

const loadNow = (): string => os.loadavg().map((value) => value.toFixed(2)).join(', ');
const secs = (value: number): string => `${value.toFixed(1)} s`;

export const synthBench: BenchSection = {
  id: 'synth',
  async run(context: BenchContext): Promise<SectionResult> {
    const { root, workDir, log } = context;
    const subjects: Subject[] = [{ label: '`infra/customers`', dir: CUSTOMERS_DIR, customers: customerNames().length, runs: [] }];
    for (const count of GENERATED) {
      const dir = path.join(workDir, `customers-${count}`);
      await generateCustomers(dir, count);
      subjects.push({ label: `${count} generated customers`, dir, customers: count, runs: [] });
    }
    const loadBefore = loadNow();
    for (let round = 0; round < SAMPLES; round++) {
      for (const subject of subjects) {
        const outdir = path.join(workDir, `cdk.out-${subject.customers}-${subjects.indexOf(subject)}-${round}`);
        const run = await synth(root, subject.dir, outdir);
        subject.runs.push(run);
        if (round === SAMPLES - 1) subject.assembly = await readAssembly(outdir);
        log(`synth: ${subject.label} round ${round + 1}/${SAMPLES}: ${secs(run.wallSeconds)} wall, ${secs(run.cpuSeconds)} CPU`);
      }
    }
    const loadAfter = loadNow();
    return report(subjects, { loadBefore, loadAfter });
  },
};

function report(subjects: Subject[], load: { loadBefore: string; loadAfter: string }): SectionResult {
  const [shipped, two, ten] = subjects as [Subject, Subject, Subject];
  const wall = (s: Subject) => median(s.runs.map((r) => r.wallSeconds));
  const cpu = (s: Subject) => median(s.runs.map((r) => r.cpuSeconds));
  const shippedBar: BarCheck = { subject: 'synth infra/customers', value: wall(shipped), limit: SYNTH_SECONDS_BAR, pass: wall(shipped) <= SYNTH_SECONDS_BAR, unit: 's' };
  const scale = wall(ten) / wall(two);
  const scaleBar: BarCheck = { subject: 'synth 10 / 2 customers', value: scale, limit: SYNTH_SCALE_BAR, pass: scale <= SYNTH_SCALE_BAR };
  const lines: string[] = [
    '## Synth',
    '',
    '`npx cdk synth` (every stack; cdk-nag and CDK\'s template validation run on each) as an operator runs it: a fresh CLI process, a fresh output folder, ' +
      'for the customer files of `infra/customers` and for 2 and 10 customers generated in a scratch folder (copies of the shipped files under new names, ' +
      'read through `-c customersDir=<folder>`). ' +
      `${SAMPLES} synths per folder, the folders taking turns; figures are medians. CPU is user + system time of the CLI and everything it started (the app, esbuild), on ${os.cpus().length} cores. ` +
      'Every function is bundled once per synth (infra/bundling.ts), whatever the number of stacks: the function assets in the assembly do not grow with the customers.',
    '',
    `| Customer files | Stacks | Wall (median) | Bar | CPU (median) | Function assets / functions | Assets' size |`,
    '|---|--:|--:|:-:|--:|--:|--:|',
  ];
  for (const s of subjects) {
    const a = s.assembly!;
    const bar = s === shipped ? `${SYNTH_SECONDS_BAR} s: ${shippedBar.pass ? 'pass' : '**FAIL**'}` : '';
    lines.push(`| ${s.label} | ${a.stacks} | ${secs(wall(s))} | ${bar} | ${secs(cpu(s))} | ${a.functionAssets} / ${a.functions} | ${(a.functionAssetBytes / 1024 / 1024).toFixed(1)} MiB |`);
  }
  lines.push(
    '',
    `**10 customers / 2:** ${scale.toFixed(2)}x wall (CPU ${(cpu(ten) / cpu(two)).toFixed(2)}x), bar ${SYNTH_SCALE_BAR}x: ${scaleBar.pass ? 'pass' : '**FAIL**'}. ` +
      `Each customer beyond the second adds ${secs((wall(ten) - wall(two)) / 8)} wall (${secs((cpu(ten) - cpu(two)) / 8)} CPU); the rest is paid once per synth. ` +
      `Load average (1, 5, 15 min) before the synths ${load.loadBefore}, after ${load.loadAfter}.`,
    '',
  );
  return { markdown: lines.join('\n'), bars: [shippedBar, scaleBar] };
}
