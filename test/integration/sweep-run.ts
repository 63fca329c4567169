/**
 * The daily sweeps as the scheduled Lambda runs them (runSweeps with the user pool and SES),
 * scoped to the domains and users a test file seeds: other test files run alongside.
 */
import { DAY_MS } from './helpers.ts';

/** Runs the sweeps now (or `at`), over `domainIds` and `userIds` only. */
export async function sweep(options: { domainIds: string[]; userIds?: string[]; at?: Date; dryRun?: boolean; maxChanges?: number }) {
  const [{ runSweeps }, { cognitoDirectory }, { sesMailer }] = await Promise.all([
    import('#shared/domain/sweeps.ts'),
    import('#shared/directory.ts'),
    import('#shared/mail/mailer.ts'),
  ]);
  return runSweeps({
    at: options.at ?? new Date(),
    dryRun: options.dryRun ?? false,
    deadline: Date.now() + 120_000,
    ...(options.maxChanges !== undefined ? { maxChanges: options.maxChanges } : {}),
    directory: cognitoDirectory,
    mailer: sesMailer,
    only: { domainIds: options.domainIds, userIds: options.userIds ?? [] },
  });
}

/** An ISO time `days` ago. */
export const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
