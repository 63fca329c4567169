/**
 * `npm run sweep [-- --dry-run] [--days-ahead N [--yes]] [--domain ID]`: the daily sweeps, run
 * once against the local stack by the same code as the scheduled Lambda. `--dry-run` prints
 * what would change and changes nothing; `--days-ahead N` runs as if N days had passed (the
 * local clock moves, nothing sleeps). Applying a sweep ahead of time changes the local data for
 * good, as if those days had passed, so it needs `--yes`. Prints a summary per domain and sweep.
 */
import { parseArgs } from 'node:util';
import { LocalStackError } from '#local/errors.ts';
import { applyLocalSettings, localDataDir, noStackFile } from '#local/settings.ts';
import { readStackFile } from '#local/stack-file.ts';
import { applyHandlerEnvironment, handlerEnvironment, localSettingsFromEnv } from '#local/stack-info.ts';

const DAY_MS = 86_400_000;

/** Why a sweep ahead of time waits for --yes. */
function aheadOfTime(days: number): string {
  return [
    `--days-ahead ${days} applies the sweeps as if ${days} days had passed, and that cannot be undone: idle members become`,
    'inactive, old pending registrations and accounts without a membership are deleted, and digest and reminder emails go out.',
    `  See what would change:  npm run sweep -- --days-ahead ${days} --dry-run`,
    `  Apply it anyway:        npm run sweep -- --days-ahead ${days} --yes`,
    '  Start clean afterwards: npm start -- --reset',
  ].join('\n');
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      'days-ahead': { type: 'string', default: '0' },
      yes: { type: 'boolean', default: false },
      domain: { type: 'string', multiple: true },
    },
  });
  const daysAhead = Number(values['days-ahead']);
  if (!Number.isFinite(daysAhead) || daysAhead < 0) throw new LocalStackError('--days-ahead takes a number of days, 0 or more.');
  if (daysAhead > 0 && !values['dry-run'] && !values.yes) throw new LocalStackError(aheadOfTime(daysAhead));
  applyLocalSettings();
  const dataDir = localDataDir();
  const info = await readStackFile(dataDir);
  if (!info) throw new LocalStackError(noStackFile(dataDir));
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
