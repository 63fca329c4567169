/**
 * The load section's clients, in a process of their own (so that they do not share an event
 * loop with the stack they load): `clients` concurrent loops, each sending one request at a
 * time (fetch, keep-alive), going round the request mix, for a warm-up and then `durationMs`.
 * Reads its job from BENCH_LOAD (JSON); prints TIMED and DONE when the timed window starts
 * and ends, then the results as one JSON line on stdout.
 */

export interface LoadJob {
  apiUrl: string;
  token: string;
  clients: number;
  warmupMs: number;
  durationMs: number;
  mix: { name: string; path: string }[];
}

export interface LoadResult {
  /** Per request of the timed window: the mix entry, milliseconds, status (0: network error). */
  samples: { mix: number; ms: number; status: number }[];
  errors: Record<string, number>;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_LOAD ?? '') as LoadJob;
  const samples: LoadResult['samples'] = [];
  const errors: Record<string, number> = {};
  const headers = { authorization: `Bearer ${job.token}` };
  const startAt = performance.now() + job.warmupMs;
  const endAt = startAt + job.durationMs;
  // Marks for the parent, which measures CPU use over the timed window.
  setTimeout(() => process.stdout.write('TIMED\n'), job.warmupMs);
  setTimeout(() => process.stdout.write('DONE\n'), job.warmupMs + job.durationMs);

  const client = async (index: number) => {
    let n = index;
    while (performance.now() < endAt) {
      const mix = n++ % job.mix.length;
      const sent = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${job.apiUrl}${job.mix[mix]!.path}`, { headers });
        await response.arrayBuffer();
        status = response.status;
        if (status < 200 || status >= 300) {
          const key = `${job.mix[mix]!.name}: HTTP ${status}`;
          if (sent >= startAt) errors[key] = (errors[key] ?? 0) + 1;
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const key = `${job.mix[mix]!.name}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
        if (sent >= startAt) errors[key] = (errors[key] ?? 0) + 1;
      }
      const done = performance.now();
      // A request counts when it was sent inside the timed window.
      if (sent >= startAt && sent < endAt) samples.push({ mix, ms: done - sent, status });
    }
  };
  await Promise.all(Array.from({ length: job.clients }, (_, i) => client(i)));
  const result: LoadResult = { samples, errors };
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`load client crashed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
