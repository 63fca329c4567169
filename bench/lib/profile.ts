/**
 * A CPU profile of this process while `work` runs (V8's sampling profiler through
 * node:inspector), summed by where the code lives: npm package, project folder, Node
 * internals, and V8's own (idle, garbage collection).
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CpuProfileSummary {
  wallMs: number;
  /** Self time per place, largest first; share of the profile's total. */
  groups: { name: string; ms: number; share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface RawProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** Where a function lives, for grouping. */
export function placeOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(idle)') return 'idle (waiting for I/O: DynamoDB Local answering)';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 and native code (program)';
    return `native (${functionName || 'anonymous'})`;
  }
  if (url === 'node:inspector') return 'the profiler itself';
  if (url.startsWith('node:')) {
    if (url.includes('undici')) return 'node: undici (fetch client)';
    if (/_http_|internal\/http|node:http/.test(url)) return 'node: http';
    if (/net|stream|tls|dns/.test(url)) return 'node: net and streams';
    return 'node: other internals';
  }
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const at = file.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = file.slice(at + 'node_modules/'.length).split('/');
    const pkg = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
    return pkg === 'tsx' || pkg === 'esbuild' ? 'tsx (TypeScript loader)' : pkg;
  }
  const relative = path.relative(root, file);
  if (relative.startsWith('..')) return 'other';
  const parts = relative.split(path.sep);
  return parts.length > 2 ? `project: ${parts[0]}/${parts[1]}` : `project: ${relative}`;
}

export async function profileCpu(work: () => Promise<void>, samplingIntervalUs = 200): Promise<CpuProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await session.post('Profiler.start');
    const started = performance.now();
    let stopped: { profile: RawProfile } | undefined;
    try {
      await work();
    } finally {
      stopped = (await session.post('Profiler.stop')) as unknown as { profile: RawProfile };
    }
    const wallMs = performance.now() - started;
    const { profile } = stopped;
    // A native function (writev, a C++ binding) is counted where its nearest JavaScript caller lives.
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
    const placeById = new Map<number, string>();
    for (const node of profile.nodes) {
      let place = placeOf(node.callFrame);
      if (place.startsWith('native (')) {
        for (let up = parentOf.get(node.id); up !== undefined; up = parentOf.get(up)) {
          const caller = nodeById.get(up)!;
          if (caller.callFrame.url) {
            place = `${placeOf(caller.callFrame)}, native`;
            break;
          }
        }
      }
      placeById.set(node.id, place);
    }
    const totals = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const place = placeById.get(id) ?? 'unknown';
      // Stopping the profiler (serializing the profile) is not the work's time.
      if (place.startsWith('the profiler itself')) return;
      totals.set(place, (totals.get(place) ?? 0) + us);
      total += us;
    });
    const groups = [...totals]
      .map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 }))
      .sort((a, b) => b.ms - a.ms);
    return { wallMs, groups };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}
