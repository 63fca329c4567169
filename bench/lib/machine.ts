/** Where the bench ran, for the head of BENCHMARKS.md. */
import os from 'node:os';

export function machineSummary(): { date: string; node: string; machine: string } {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    machine: `${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} x ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  };
}

/** The 1-minute load average, as text (how busy the machine was: other work skews every time). */
export function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(2);
}
