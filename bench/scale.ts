/**
 * Bench section "Scale" (SPEC section 10):
 * - the first page of `GET /domains/{d}/members` (limit 25) in a domain of 100 members and
 *   in one of 10,000, through the local gateway. Bar: at most 1.5x;
 * - the daily sweep over the 10,000 members, 100 of them stale, dry run and real run: items
 *   read and written, and time. Bar: the reads follow the 100 stale members, not the 10,000.
 *
 * Members are seeded straight into the table with BatchWriteItem (the store's own
 * membershipItem, every index key included, as the API would write them), as
 * test/integration/sweeps.test.ts does; the domain's role counters are set to match.
 */
import type { MembershipRecord } from '#shared/store/records.ts';
import { benchStack } from './lib/bench-stack.ts';
import { callSummary, type DdbRecorder, type RecordedCall } from './lib/ddb-recorder.ts';
import { benchFixture, expectOk } from './lib/fixture.ts';
import { sharedRecorder } from './lib/shared-recorder.ts';
import { median, ms, percentile, ratio, verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

export const PAGE_BAR = 1.5;
/** Items read per stale member (see the section's text for why 5). */
export const SWEEP_READS_PER_STALE_BAR = 5;

const SMALL = 100;
const LARGE = Number(process.env.BENCH_SCALE_MEMBERS ?? 10_000);
const STALE = 100;
const PAGE_SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 200);
const PAGE_WARMUP = 20;
const DAY_MS = 86_400_000;

interface SweepRun {
  label: string;
  ms: number;
  deactivated: number;
  itemsRead: number;
  itemsWritten: number;
  /** What the recorder saw: every DynamoDB call the run made. */
  calls: RecordedCall[];
  complete: boolean;
}

export const scale: BenchSection = {
  id: 'scale',
  async run(context: BenchContext): Promise<SectionResult> {
    const { log } = context;
    const bench = await benchStack(log);
    const fixture = await benchFixture(bench);
    const recorder = await sharedRecorder();
    const started = performance.now();

    const small = await fixture.newDomain('Scale 100');
    const large = await fixture.newDomain(`Scale ${LARGE}`);
    const seedStart = performance.now();
    await seedMembers(small, SMALL, 0);
    await seedMembers(large, LARGE, STALE);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(`scale: seeded ${SMALL + LARGE} members in ${seedSeconds.toFixed(1)} s (${((SMALL + LARGE) / seedSeconds).toFixed(0)} items/s)`);

    // The first page of each, interleaved, after a warm-up.
    const page = { small: [] as number[], large: [] as number[] };
    const path = (domainId: string) => `/domains/${domainId}/members?limit=25`;
    const items = { small: 0, large: 0 };
    for (let i = 0; i < PAGE_WARMUP + PAGE_SAMPLES; i++) {
      const order: ('small' | 'large')[] = i % 2 === 0 ? ['small', 'large'] : ['large', 'small'];
      for (const which of order) {
        const answer = expectOk(await fixture.api('GET', path(which === 'small' ? small : large), { token: fixture.ownerToken }), `members page of ${which}`);
        if (i >= PAGE_WARMUP) page[which].push(answer.ms);
        items[which] = (answer.body.items as unknown[]).length;
      }
    }
    const pageCalls = {
      small: callSummary((await recorder.record(() => fixture.api('GET', path(small), { token: fixture.ownerToken }))).calls),
      large: callSummary((await recorder.record(() => fixture.api('GET', path(large), { token: fixture.ownerToken }))).calls),
    };
    log(`scale: members page ${ms(median(page.small))} at ${SMALL}, ${ms(median(page.large))} at ${LARGE}`);

    const dry = await sweep(large, true, recorder);
    const real = await sweep(large, false, recorder);
    const again = await sweep(large, false, recorder);
    log(`scale: sweeps ${ms(dry.ms)} (dry), ${ms(real.ms)} (real), ${ms(again.ms)} (again)`);

    const seconds = (performance.now() - started) / 1000;
    return report({ page, items, pageCalls, seedSeconds, runs: [dry, real, again], seconds });
  },
};

/** Writes `count` members (role user) into a domain, the first `stale` of them last active a year ago. */
async function seedMembers(domainId: string, count: number, stale: number): Promise<void> {
  const [{ BatchWriteCommand, UpdateCommand }, { dynamodb }, { tableName }, { membershipItem }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/domain-store.ts'),
  ]);
  const now = new Date().toISOString();
  const yearAgo = new Date(Date.now() - 365 * DAY_MS).toISOString();
  const items = Array.from({ length: count }, (_, i) => {
    const member: MembershipRecord = {
      domainId,
      // Users of their own per domain: a user who is also active elsewhere keeps the account.
      userId: `seeded-${domainId.slice(0, 8)}-${String(i).padStart(5, '0')}`,
      email: `seeded-${domainId.slice(0, 8)}-${i}@example.test`,
      emailVerified: true,
      name: `Seeded Member ${String(i).padStart(5, '0')}`,
      language: 'en',
      role: 'user',
      status: 'active',
      createdAt: i < stale ? yearAgo : now,
      invitedBy: null,
      lastActiveAt: i < stale ? yearAgo : now,
      version: 1,
    };
    return membershipItem(member);
  });
  const batches: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  // Eight batches in flight at a time; what DynamoDB Local leaves unprocessed is sent again.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let request: Record<string, unknown[]> | undefined = { [tableName()]: batch.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length > 0) {
          const out = await dynamodb.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    }),
  );
  // The domain's counters, as the API would have kept them.
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: `DOMAIN#${domainId}`, sk: 'DOMAIN' },
      UpdateExpression: 'SET roleMembers.#user = if_not_exists(roleMembers.#user, :zero) + :n, roleActive.#user = if_not_exists(roleActive.#user, :zero) + :n',
      ExpressionAttributeNames: { '#user': 'user' },
      ExpressionAttributeValues: { ':zero': 0, ':n': count },
    }),
  );
}

/** One run of the daily sweeps over one domain (the scheduled function's code), recorded. */
async function sweep(domainId: string, dryRun: boolean, recorder: DdbRecorder): Promise<SweepRun> {
  const [{ runSweeps }, { cognitoDirectory }, { sesMailer }] = await Promise.all([
    import('#shared/domain/sweeps.ts'),
    import('#shared/directory.ts'),
    import('#shared/mail/mailer.ts'),
  ]);
  const started = performance.now();
  const { result, calls } = await recorder.record(() =>
    runSweeps({
      at: new Date(),
      dryRun,
      deadline: Date.now() + 120_000,
      directory: cognitoDirectory,
      mailer: sesMailer,
      only: { domainIds: [domainId], userIds: [] },
    }),
  );
  const elapsed = performance.now() - started;
  const report = result.domains.find((d) => d.domainId === domainId);
  return {
    label: dryRun ? 'dry run' : 'real run',
    ms: elapsed,
    deactivated: report?.deactivated.length ?? 0,
    itemsRead: result.itemsRead,
    itemsWritten: result.itemsWritten,
    calls,
    complete: result.complete,
  };
}

function report(r: {
  page: { small: number[]; large: number[] };
  items: { small: number; large: number };
  pageCalls: { small: string; large: string };
  seedSeconds: number;
  runs: SweepRun[];
  seconds: number;
}): SectionResult {
  const bars: BarCheck[] = [];
  const lines: string[] = [];
  const smallMs = median(r.page.small);
  const largeMs = median(r.page.large);
  const pageRatio = largeMs / smallMs;
  const pagePass = pageRatio <= PAGE_BAR && r.items.small === 25 && r.items.large === 25;
  bars.push({ subject: `members page ${LARGE} vs ${SMALL}`, value: pageRatio, limit: PAGE_BAR, pass: pagePass });

  lines.push('## Scale', '');
  lines.push(
    `Two domains of the seeded owner: one with ${SMALL} members, one with ${LARGE.toLocaleString('en')} (${STALE} of them last active a year ago, the rest today). ` +
      'Members are written straight into the table with BatchWriteItem (25 a call, 8 calls in flight), each item built by the store\'s `membershipItem` with every index key, as the API writes them; the domains\' role counters are set to match. ' +
      `Seeding ${(SMALL + LARGE).toLocaleString('en')} members took ${r.seedSeconds.toFixed(1)} s (${((SMALL + LARGE) / r.seedSeconds).toFixed(0)} items/s).`,
    '',
    '### First page of members',
    '',
    `\`GET /domains/{domainId}/members?limit=25\` through the local gateway, ${PAGE_SAMPLES} requests per domain after ${PAGE_WARMUP} warm-up rounds, the two domains alternating (which goes first alternates too), one request at a time; medians. Bar: ${PAGE_BAR}x.`,
    '',
    `| Members | DynamoDB calls | Items on the page | Median | p90 | Ratio | Bar ${PAGE_BAR}x |`,
    '|--:|---|--:|--:|--:|--:|:-:|',
    `| ${SMALL} | ${r.pageCalls.small} | ${r.items.small} | ${ms(smallMs)} | ${ms(percentile(r.page.small, 90))} | | |`,
    `| ${LARGE.toLocaleString('en')} | ${r.pageCalls.large} | ${r.items.large} | ${ms(largeMs)} | ${ms(percentile(r.page.large, 90))} | ${ratio(pageRatio)} | ${verdict(pagePass)} |`,
    '',
    '### Sweep over the large domain',
    '',
    `The daily sweeps (shared/domain/sweeps.ts \`runSweeps\`, the scheduled function's code) over the ${LARGE.toLocaleString('en')}-member domain with ${STALE} stale members, in this process, ` +
      'with the real Cognito directory (the seeded members have no accounts: disabling one is a call that finds no user) and the SES emulator for the digest: ' +
      'a dry run, the real run, and the real run again (nothing left to do). "Items read (sweep)" and "written" are the sweep\'s own counts (`itemsRead`, `itemsWritten`); ' +
      '"DynamoDB calls" and "items read (seen)" are what the recorder saw on the document client during the run. ' +
      `Bar: at most ${SWEEP_READS_PER_STALE_BAR} items read per stale member, by both counts: the sweep reads each stale member's index entry and, fresh, the domain and the membership (3), ` +
      'a real run also looks up the deactivated member\'s other memberships before disabling the account (1), plus a few reads per run (the domain list, the administrators); ' +
      `reading the ${LARGE.toLocaleString('en')} members would be ${(LARGE / STALE).toFixed(0)} per stale member.`,
    '',
    '| Run | Deactivated | Items read (sweep) | Items read (seen) | Per stale member | Items written | DynamoDB calls | Time | In DynamoDB calls | Bar ≤ ' + SWEEP_READS_PER_STALE_BAR + ' |',
    '|---|--:|--:|--:|--:|--:|---|--:|--:|:-:|',
  );
  r.runs.forEach((run, i) => {
    const seen = run.calls.reduce((n, c) => n + c.itemsRead, 0);
    const perStale = Math.max(run.itemsRead, seen) / STALE;
    const label = i === 2 ? 'real run again' : run.label;
    const measured = i < 2;
    const pass = perStale <= SWEEP_READS_PER_STALE_BAR && run.complete && (i !== 0 || run.deactivated === STALE) && (i !== 1 || run.deactivated === STALE);
    if (measured) bars.push({ subject: `sweep reads per stale member (${label})`, value: perStale, limit: SWEEP_READS_PER_STALE_BAR, pass, unit: 'items' });
    lines.push(
      `| ${label} | ${run.deactivated} | ${run.itemsRead} | ${seen} | ${perStale.toFixed(2)} | ${run.itemsWritten} | ${callSummary(run.calls)} | ${ms(run.ms)} | ` +
        `${ms(run.calls.reduce((sum, c) => sum + c.end - c.start, 0))} | ${measured ? verdict(pass) : '—'} |`,
    );
  });
  const real = r.runs[1]!;
  const seenReal = real.calls.reduce((n, c) => n + c.itemsRead, 0);
  lines.push(
    '',
    '"In DynamoDB calls" sums the calls\' durations (the sweep makes them one at a time); the rest of a real run is mostly Cognito (disabling each account) and the digest email.',
  );
  if (seenReal !== real.itemsRead) {
    lines.push(
      '',
      `The sweep's own \`itemsRead\` (${real.itemsRead}) misses ${seenReal - real.itemsRead} of the ${seenReal} items the real run read: ` +
        "the lookups of each deactivated member's other memberships (`followInDirectory`, a gsi1 Query per member) are not counted in its budget.",
    );
  }
  const failed = bars.filter((b) => !b.pass);
  lines.push(
    '',
    `**Summary:** first page at ${LARGE.toLocaleString('en')} members ${ratio(pageRatio)} the time at ${SMALL} (bar ${PAGE_BAR}x); ` +
      `the sweep read ${r.runs[0]!.itemsRead} items (dry) and ${r.runs[1]!.itemsRead} (real) for ${STALE} stale members among ${LARGE.toLocaleString('en')}; ` +
      (failed.length === 0 ? 'every bar passes.' : `FAILED: ${failed.map((b) => b.subject).join(', ')}.`) +
      ` Section time ${r.seconds.toFixed(1)} s.`,
    '',
  );
  return { markdown: lines.join('\n'), bars };
}
