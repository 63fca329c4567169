/**
 * Bench section "Scale" (SPEC section 10):
 * - the first page of `GET /domains/{d}/members` (limit 25) in a domain of 100 members and
 *   in one of 10,000, through the local gateway. Bar: at most 1.5x;
 * - a keyword search (`q`) at 10,000 members, a rare keyword (one match) and a common one
 *   (every member), beside the unfiltered first page at 100: a full page or the definite end
 *   in one request, at most 3x the time, at most 2 MB read from DynamoDB;
 * - `GET /me` for a member of 1 domain and of 1,000 (no bar: reported side by side);
 * - the daily sweep over the 10,000 members, 100 of them stale, dry run and real run: items
 *   read and written, and time. Bar: the reads follow the 100 stale members, not the 10,000.
 *
 * Members are seeded straight into the table with BatchWriteItem (the store's own
 * membershipItem, every index key included, as the API would write them), as
 * test/integration/sweeps.test.ts does; the domain's role counters are set to match.
 */
import type { MembershipRecord } from '#shared/store/records.ts';
import { benchStack } from './lib/bench-stack.ts';
import { callSummary, type DdbRecorder, READ_OPERATIONS, type RecordedCall, sendAgain } from './lib/ddb-recorder.ts';
import { benchFixture, expectOk, type Fixture } from './lib/fixture.ts';
import { sharedRecorder } from './lib/shared-recorder.ts';
import { kib, median, ms, percentile, ratio, verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

export const PAGE_BAR = 1.5;
/** A search at LARGE members against the unfiltered first page at SMALL. */
export const SEARCH_BAR = 3;
/** Bytes a search may read from DynamoDB. */
export const SEARCH_BYTES_BAR = 2 * 1024 * 1024;
/** Items read per stale member (see the section's text for why 5). */
export const SWEEP_READS_PER_STALE_BAR = 5;

const SMALL = 100;
const LARGE = Number(process.env.BENCH_SCALE_MEMBERS ?? 10_000);
const STALE = 100;
const PAGE_SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 200);
const PAGE_WARMUP = 20;
const DAY_MS = 86_400_000;
const SEARCH_SAMPLES = Number(process.env.BENCH_SEARCH_SAMPLES ?? 100);
const SEARCH_WARMUP = 10;
/** One seeded name holds it (names are `Seeded Member 00000`..). */
const RARE = 'member 04242';
/** Every seeded name holds it: the most matches a keyword can have. */
const COMMON = 'member 0';
const ME_MEMBERSHIPS = 1000;
const ME_SAMPLES = Number(process.env.BENCH_ME_SAMPLES ?? 30);
const ME_WARMUP = 3;

type SearchCase = 'base' | 'rare' | 'common';

interface SearchFigures {
  samples: Record<SearchCase, number[]>;
  answers: Record<SearchCase, { items: number; nextCursor: boolean }>;
  calls: Record<SearchCase, string>;
  bytes: Record<SearchCase, number>;
  /** Matches of each keyword among the seeded members. */
  expected: { rare: number; common: number };
}

interface MeFigures {
  samples: { one: number[]; thousand: number[] };
  memberships: { one: number; thousand: number };
  calls: { one: string; thousand: string };
  answerBytes: { one: number; thousand: number };
  seedSeconds: number;
}

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

    const search = await searches(fixture, recorder, small, large);
    log(`scale: search ${ms(median(search.samples.rare))} (rare), ${ms(median(search.samples.common))} (common), first page at ${SMALL} ${ms(median(search.samples.base))}`);
    const me = await meAtScale(fixture, recorder);
    log(`scale: GET /me ${ms(median(me.samples.one))} at 1 membership, ${ms(median(me.samples.thousand))} at ${ME_MEMBERSHIPS}`);

    const dry = await sweep(large, true, recorder);
    const real = await sweep(large, false, recorder);
    const again = await sweep(large, false, recorder);
    log(`scale: sweeps ${ms(dry.ms)} (dry), ${ms(real.ms)} (real), ${ms(again.ms)} (again)`);

    const seconds = (performance.now() - started) / 1000;
    return report({ page, items, pageCalls, seedSeconds, runs: [dry, real, again], seconds, search, me });
  },
};

/** Writes `count` members (role user) into a domain, the first `stale` of them last active a year ago. */
async function seedMembers(domainId: string, count: number, stale: number): Promise<void> {
  const [{ BatchWriteCommand, UpdateCommand }, { dynamodb }, { tableName }, { membershipItem }, { writeSearchEntries }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/domain-store.ts'),
    import('#shared/store/member-search.ts'),
  ]);
  const now = new Date().toISOString();
  const yearAgo = new Date(Date.now() - 365 * DAY_MS).toISOString();
  const members = Array.from({ length: count }, (_, i): MembershipRecord => ({
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
  }));
  const items = members.map(membershipItem);
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
  // Their entries in the domain's member search projection, as each membership's transaction writes them.
  await writeSearchEntries(members);
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

/**
 * Bytes a request read from DynamoDB: its recorded read calls sent again with
 * ReturnConsumedCapacity, each read capacity unit 4 KB of a strongly consistent read and
 * 8 KB of an eventually consistent one (DynamoDB Local reports capacity as DynamoDB does).
 * Rounded up per item (GetItem, BatchGetItem) or per call (Query) to 4 KB, as billed.
 */
async function bytesRead(calls: readonly RecordedCall[]): Promise<number> {
  const { dynamodb } = await import('#shared/clients/dynamodb.ts');
  let bytes = 0;
  for (const call of calls) {
    if (!READ_OPERATIONS.has(call.operation)) continue;
    const out = (await sendAgain(dynamodb, { ...call, input: { ...call.input, ReturnConsumedCapacity: 'TOTAL' } })) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
    const units = [out.ConsumedCapacity ?? []].flat().reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
    const consistent = call.operation === 'BatchGetItem' ? Object.values((call.input.RequestItems ?? {}) as Record<string, { ConsistentRead?: boolean }>).every((r) => r.ConsistentRead) : call.input.ConsistentRead === true;
    bytes += units * 4096 * (consistent ? 1 : 2);
  }
  return bytes;
}

/** A keyword search at LARGE (rare and common keyword) beside the unfiltered first page at SMALL, interleaved. */
async function searches(fixture: Fixture, recorder: DdbRecorder, small: string, large: string): Promise<SearchFigures> {
  const paths: Record<SearchCase, string> = {
    base: `/domains/${small}/members?limit=25`,
    rare: `/domains/${large}/members?limit=25&q=${encodeURIComponent(RARE)}`,
    common: `/domains/${large}/members?limit=25&q=${encodeURIComponent(COMMON)}`,
  };
  const cases: SearchCase[] = ['base', 'rare', 'common'];
  const samples: Record<SearchCase, number[]> = { base: [], rare: [], common: [] };
  const answers = {} as SearchFigures['answers'];
  for (let i = 0; i < SEARCH_WARMUP + SEARCH_SAMPLES; i++) {
    // Each case goes first, second and third in turn.
    const order = cases.map((_, k) => cases[(i + k) % cases.length]!);
    for (const which of order) {
      const answer = expectOk(await fixture.api('GET', paths[which], { token: fixture.ownerToken }), `members ${which}`);
      if (i >= SEARCH_WARMUP) samples[which].push(answer.ms);
      answers[which] = { items: (answer.body.items as unknown[]).length, nextCursor: answer.body.nextCursor !== null };
    }
  }
  const calls = {} as SearchFigures['calls'];
  const bytes = {} as SearchFigures['bytes'];
  for (const which of cases) {
    const recorded = (await recorder.record(() => fixture.api('GET', paths[which], { token: fixture.ownerToken }))).calls;
    calls[which] = callSummary(recorded);
    bytes[which] = await bytesRead(recorded);
  }
  // The seeded names: `Seeded Member 00000` to LARGE - 1, each once.
  const names = Array.from({ length: LARGE }, (_, i) => `seeded member ${String(i).padStart(5, '0')}`);
  return { samples, answers, calls, bytes, expected: { rare: names.filter((n) => n.includes(RARE)).length, common: names.filter((n) => n.includes(COMMON)).length } };
}

/** `GET /me` of an account with one membership and of one with ME_MEMBERSHIPS, interleaved. */
async function meAtScale(fixture: Fixture, recorder: DdbRecorder): Promise<MeFigures> {
  const [{ createDomain }, { getUser }] = await Promise.all([import('#shared/domain/domains.ts'), import('#shared/store/user-store.ts')]);
  const one = await fixture.freshAccount();
  const thousand = await fixture.freshAccount();
  // The second account's other domains, made by the domain code as POST /domains does, 25 at a time.
  const seedStart = performance.now();
  const profile = await getUser(thousand.userId);
  const caller = { userId: thousand.userId, email: thousand.email } as Parameters<typeof createDomain>[0];
  for (let made = 1; made < ME_MEMBERSHIPS; ) {
    const batch = Math.min(25, ME_MEMBERSHIPS - made);
    await Promise.all(Array.from({ length: batch }, (_, k) => createDomain(caller, `Me scale ${made + k}`, profile)));
    made += batch;
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const samples = { one: [] as number[], thousand: [] as number[] };
  const memberships = { one: 0, thousand: 0 };
  const answerBytes = { one: 0, thousand: 0 };
  const accounts = { one, thousand };
  for (let i = 0; i < ME_WARMUP + ME_SAMPLES; i++) {
    const order: ('one' | 'thousand')[] = i % 2 === 0 ? ['one', 'thousand'] : ['thousand', 'one'];
    for (const which of order) {
      const answer = expectOk(await fixture.api('GET', '/me', { token: accounts[which].token }), `GET /me (${which})`);
      if (i >= ME_WARMUP) samples[which].push(answer.ms);
      memberships[which] = (answer.body.memberships as unknown[]).length;
      answerBytes[which] = Buffer.byteLength(JSON.stringify(answer.body));
    }
  }
  const calls = {
    one: callSummary((await recorder.record(() => fixture.api('GET', '/me', { token: one.token }))).calls),
    thousand: callSummary((await recorder.record(() => fixture.api('GET', '/me', { token: thousand.token }))).calls),
  };
  return { samples, memberships, calls, answerBytes, seedSeconds };
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
  search: SearchFigures;
  me: MeFigures;
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
    ...searchLines(r.search, bars),
    ...meLines(r.me),
    '### Sweep over the large domain',
    '',
    `The daily sweeps (shared/domain/sweeps.ts \`runSweeps\`, the scheduled function's code) over the ${LARGE.toLocaleString('en')}-member domain with ${STALE} stale members, in this process, ` +
      'with the real Cognito directory (the seeded members have no accounts: disabling one is a call that finds no user) and the SES emulator for the digest: ' +
      'a dry run, the real run, and the real run again (nothing left to do). "Items read (sweep)" and "written" are the sweep\'s own counts (`itemsRead`, `itemsWritten`); ' +
      '"DynamoDB calls" and "items read (seen)" are what the recorder saw on the document client during the run. ' +
      `Bar: at most ${SWEEP_READS_PER_STALE_BAR} items read per stale member, by both counts: the sweep reads each stale member's index entry and, fresh, the domain and the membership (3), ` +
      'a real run also looks up the deactivated member\'s other memberships before disabling the account (1), plus a few reads per run (the domain list, the administrators) ' +
      'and the member search buckets its changes rewrite (each read once per run: at most 64 per domain, README "Searching members"); ' +
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
      `search at ${LARGE.toLocaleString('en')} ${ratio(median(r.search.samples.rare) / median(r.search.samples.base))} (rare) and ${ratio(median(r.search.samples.common) / median(r.search.samples.base))} (common) the first page at ${SMALL} (bar ${SEARCH_BAR}x), ` +
      `reading ${kib(r.search.bytes.rare)} and ${kib(r.search.bytes.common)} (bar ${kib(SEARCH_BYTES_BAR)}); ` +
      `GET /me ${ms(median(r.me.samples.thousand))} at ${ME_MEMBERSHIPS.toLocaleString('en')} memberships, ${ms(median(r.me.samples.one))} at 1; ` +
      `the sweep read ${r.runs[0]!.itemsRead} items (dry) and ${r.runs[1]!.itemsRead} (real) for ${STALE} stale members among ${LARGE.toLocaleString('en')}; ` +
      (failed.length === 0 ? 'every bar passes.' : `FAILED: ${failed.map((b) => b.subject).join(', ')}.`) +
      ` Section time ${r.seconds.toFixed(1)} s.`,
    '',
  );
  return { markdown: lines.join('\n'), bars };
}

function searchLines(f: SearchFigures, bars: BarCheck[]): string[] {
  const base = median(f.samples.base);
  const lines = [
    '### Keyword search',
    '',
    `\`GET /domains/{domainId}/members?limit=25&q=...\` in the ${LARGE.toLocaleString('en')}-member domain, a rare keyword (\`${RARE}\`: ${f.expected.rare} match) and a common one (\`${COMMON}\`: ${f.expected.common.toLocaleString('en')} matches, every member), ` +
      `beside the unfiltered first page (\`limit=25\`) of the ${SMALL}-member domain; ${SEARCH_SAMPLES} requests each after ${SEARCH_WARMUP} warm-up rounds, the three interleaved (each goes first in turn), one request at a time; medians. ` +
      'A search reads the domain\'s member search projection (64 bucket items, four range queries in parallel) and the page\'s members (one BatchGetItem): README "Searching members". ' +
      '"Read from DynamoDB" is the consumed read capacity of the request\'s read calls (sent again with ReturnConsumedCapacity) in bytes: 4 KB a unit strongly consistent, 8 KB eventually consistent, the authorization read included. ' +
      `"Complete" means a full page with a cursor, or every match with none: never a short page with a cursor. Bars: ${SEARCH_BAR}x the first page at ${SMALL}, ${kib(SEARCH_BYTES_BAR)} read.`,
    '',
    `| Request | DynamoDB calls | Items on the page | Cursor | Complete | Median | p90 | Ratio | Bar ${SEARCH_BAR}x | Read from DynamoDB | Bar 2 MB |`,
    '|---|---|--:|:-:|:-:|--:|--:|--:|:-:|--:|:-:|',
    `| first page at ${SMALL}, no filter | ${f.calls.base} | ${f.answers.base.items} | ${f.answers.base.nextCursor ? 'yes' : 'no'} | | ${ms(base)} | ${ms(percentile(f.samples.base, 90))} | | | ${kib(f.bytes.base)} | |`,
  ];
  for (const which of ['rare', 'common'] as const) {
    const value = median(f.samples[which]);
    const answer = f.answers[which];
    const complete = which === 'rare' ? answer.items === f.expected.rare && !answer.nextCursor : answer.items === 25 && answer.nextCursor;
    const timePass = value / base <= SEARCH_BAR && complete;
    const bytesPass = f.bytes[which] <= SEARCH_BYTES_BAR;
    bars.push({ subject: `search ${which} at ${LARGE} vs first page at ${SMALL}`, value: value / base, limit: SEARCH_BAR, pass: timePass });
    bars.push({ subject: `search ${which} bytes read`, value: f.bytes[which] / 1024, limit: SEARCH_BYTES_BAR / 1024, pass: bytesPass, unit: 'KiB' });
    lines.push(
      `| q=\`${which === 'rare' ? RARE : COMMON}\` at ${LARGE.toLocaleString('en')} (${which}) | ${f.calls[which]} | ${answer.items} | ${answer.nextCursor ? 'yes' : 'no'} | ${complete ? 'yes' : '**no**'} | ` +
        `${ms(value)} | ${ms(percentile(f.samples[which], 90))} | ${ratio(value / base)} | ${verdict(timePass)} | ${kib(f.bytes[which])} | ${verdict(bytesPass)} |`,
    );
  }
  lines.push('');
  return lines;
}

function meLines(f: MeFigures): string[] {
  const one = median(f.samples.one);
  const thousand = median(f.samples.thousand);
  return [
    '### GET /me of a member of many domains',
    '',
    `Two accounts (accepted invitations): one member of 1 domain, one of ${ME_MEMBERSHIPS.toLocaleString('en')} (its other domains made by the domain code of POST /domains, 25 at a time: ${f.seedSeconds.toFixed(1)} s). ` +
      `\`GET /me\` answers every membership at once (its OpenAPI description says so); ${ME_SAMPLES} requests each after ${ME_WARMUP} warm-up rounds, interleaved; medians. No bar: reported side by side (SPEC section 10).`,
    '',
    '| Memberships | DynamoDB calls | Memberships answered | Answer size | Median | p90 | Ratio |',
    '|--:|---|--:|--:|--:|--:|--:|',
    `| 1 | ${f.calls.one} | ${f.memberships.one} | ${kib(f.answerBytes.one)} | ${ms(one)} | ${ms(percentile(f.samples.one, 90))} | |`,
    `| ${ME_MEMBERSHIPS.toLocaleString('en')} | ${f.calls.thousand} | ${f.memberships.thousand} | ${kib(f.answerBytes.thousand)} | ${ms(thousand)} | ${ms(percentile(f.samples.thousand, 90))} | ${ratio(thousand / one)} |`,
    '',
  ];
}
