/**
 * `npm run sweep [-- --dry-run] [--days-ahead N] [--domain ID]`: the daily sweeps, run once
 * against the local stack by the same code as the scheduled Lambda. `--dry-run` prints what
 * would change and changes nothing; `--days-ahead N` runs as if N days had passed (the local
 * clock moves, nothing sleeps). Prints a summary per domain and sweep.
 */
import { parseArgs } from 'node:util';
import { LocalStackError } from '#local/errors.ts';
import { DEFAULT_DATA_DIR, readStackFile, stackFilePath } from '#local/stack-file.ts';
import { applyHandlerEnvironment, handlerEnvironment, localSettingsFromEnv } from '#local/stack-info.ts';

const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false }, 'days-ahead': { type: 'string', default: '0' }, domain: { type: 'string', multiple: true } },
  });
  const daysAhead = Number(values['days-ahead']);
  if (!Number.isFinite(daysAhead) || daysAhead < 0) throw new LocalStackError('--days-ahead takes a number of days, 0 or more.');
  const dataDir = process.env.LOCAL_DATA_DIR || DEFAULT_DATA_DIR;
  const info = await readStackFile(dataDir);
  if (!info) throw new LocalStackError(`No ${stackFilePath(dataDir)}: start the local stack with \`npm start\` first.`);
  applyHandlerEnvironment(handlerEnvironment(info, process.env.ROLE_PRESET || 'asset-management', localSettingsFromEnv()));

  const [{ runSweeps }, { cognitoDirectory }, { sesMailer }, { formatSweepReport }] = await Promise.all([
    import('#shared/domain/sweeps.ts'),
    import('#shared/directory.ts'),
    import('#shared/mail/mailer.ts'),
    import('#local/sweep-report.ts'),
  ]);
  const report = await runSweeps({
    at: new Date(Date.now() + daysAhead * DAY_MS),
    dryRun: values['dry-run'],
    deadline: Date.now() + 10 * 60_000,
    directory: cognitoDirectory,
    mailer: sesMailer,
    ...(values.domain ? { only: { domainIds: values.domain, userIds: [] } } : {}),
  });
  console.log(formatSweepReport(report));
}

main().catch((error: unknown) => {
  const refused = /ECONNREFUSED|fetch failed/i.test(String((error as Error)?.message ?? ''));
  console.error(error instanceof LocalStackError ? error.message : refused ? 'Nothing answers on the local stack: is `npm start` running?' : error);
  process.exit(1);
});
