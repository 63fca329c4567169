/**
 * CPU time per process on Linux, from /proc: this process, its descendants (the emulators,
 * the load clients) and the whole machine, so a load run can say which one was busy.
 * Elsewhere it answers nothing and the report leaves the table out.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** user + system CPU seconds so far. */
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineSeconds(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

export interface CpuSnapshot {
  at: number;
  processes: Map<number, { cpuSeconds: number; label: string }>;
  machine: { busy: number; total: number } | undefined;
}

/** This process and every process below it, labelled, plus the machine's totals. */
export function cpuSnapshot(label: (pid: number, commandLine: string) => string): CpuSnapshot {
  const processes = new Map<number, { cpuSeconds: number; label: string }>();
  let all: ProcStat[] = [];
  try {
    all = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => readStat(Number(name)) ?? []);
  } catch {
    return { at: performance.now(), processes, machine: undefined };
  }
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of all) byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), stat]);
  const walk = (stat: ProcStat) => {
    processes.set(stat.pid, { cpuSeconds: stat.cpuSeconds, label: label(stat.pid, commandLine(stat.pid)) });
    for (const child of byParent.get(stat.pid) ?? []) walk(child);
  };
  const self = all.find((s) => s.pid === process.pid);
  if (self) walk(self);
  return { at: performance.now(), processes, machine: machineSeconds() };
}

export interface CpuUse {
  label: string;
  /** CPU seconds used per second of wall time (1 = one core busy). */
  cores: number;
}

/** CPU used between two snapshots, by label, and by the rest of the machine. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { uses: CpuUse[]; others: number | undefined; machineCores: number | undefined } {
  const seconds = (after.at - before.at) / 1000;
  const byLabel = new Map<string, number>();
  let ours = 0;
  for (const [pid, now] of after.processes) {
    const used = now.cpuSeconds - (before.processes.get(pid)?.cpuSeconds ?? 0);
    byLabel.set(now.label, (byLabel.get(now.label) ?? 0) + used);
    ours += used;
  }
  const uses = [...byLabel].map(([label, used]) => ({ label, cores: used / seconds })).sort((a, b) => b.cores - a.cores);
  if (!before.machine || !after.machine) return { uses, others: undefined, machineCores: undefined };
  const busy = after.machine.busy - before.machine.busy;
  return { uses, others: Math.max(0, busy - ours) / seconds, machineCores: busy / seconds };
}
