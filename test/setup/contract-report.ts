/**
 * The contract check's closing note. Each integration project's global setup opens a report
 * directory (`inject('contractDir')`), where every test file's check writes its tally
 * (test/contract/suite-check.ts); each teardown prints its project's count, and the last one
 * the run's total. A violation fails its test and its file already; the teardown fails too.
 *
 * With CONTRACT_OBSERVED_FILE=path, the teardown also merges into that JSON file every
 * (operation, status, problem type) the run observed, the ground truth of which route
 * answers which problem.
 *
 * State is kept on globalThis: Vitest loads each project's global setup in a module graph of
 * its own (as test/setup/child-stack.ts does).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileReport, TallyEntry } from '../contract/suite-check.ts';

interface Registry {
  root?: Promise<string>;
  open: Set<string>;
  checked: number;
  violations: number;
}

const registry: Registry = ((globalThis as { [key: symbol]: Registry })[Symbol.for('gatehouse.test.contract-report')] ??= {
  open: new Set(),
  checked: 0,
  violations: 0,
});

/** The report directory of one project (created now). */
export async function openContractReport(project: string): Promise<string> {
  registry.root ??= mkdtemp(join(tmpdir(), 'gatehouse-contract-'));
  const dir = join(await registry.root, project);
  await mkdir(dir, { recursive: true });
  registry.open.add(project);
  return dir;
}

/** Prints the project's closing note (and the run's, after the last project); throws when an answer broke the contract. */
export async function closeContractReport(project: string): Promise<void> {
  if (!registry.open.delete(project) || !registry.root) return;
  const root = await registry.root;
  const dir = join(root, project);
  const reports: FileReport[] = await Promise.all((await readdir(dir)).map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as FileReport));
  const checked = reports.reduce((sum, report) => sum + report.checked, 0);
  const violations = reports.flatMap((report) => report.violations);
  const tally = reports.flatMap((report) => report.tally);
  registry.checked += checked;
  registry.violations += violations.length;
  console.log(`[contract check] ${project}: ${checked} responses validated in ${reports.length} files, ${violations.length} violations`);
  if (process.env.CONTRACT_OBSERVED_FILE) await mergeObserved(process.env.CONTRACT_OBSERVED_FILE, tally);
  if (registry.open.size === 0) {
    console.log(`contract check: ${registry.checked} responses validated, ${registry.violations} violations`);
    registry.root = undefined;
    await rm(root, { recursive: true, force: true });
  }
  if (violations.length > 0) throw new Error(`[contract check] ${project}: ${violations.length} answers broke the contract:\n${violations.join('\n')}`);
}

/** Adds this run's observations to `file`: one entry per operation, status, problem type and outcome, with counts summed. */
async function mergeObserved(file: string, tally: TallyEntry[]): Promise<void> {
  const merged = new Map<string, TallyEntry>();
  const previous: TallyEntry[] = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : [];
  for (const entry of [...previous, ...tally]) {
    const key = [entry.operation, entry.status, entry.problemType ?? '', entry.outcome, (entry.headers ?? []).join(',')].join(' ');
    const known = merged.get(key);
    if (known) known.count += entry.count;
    else merged.set(key, { ...entry });
  }
  const sorted = [...merged.values()].sort((a, b) => a.operation.localeCompare(b.operation) || a.status - b.status || (a.problemType ?? '').localeCompare(b.problemType ?? ''));
  await writeFile(file, `${JSON.stringify(sorted, null, 1)}\n`);
}
