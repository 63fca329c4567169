/** aws-ses-v2-local: SES v2 emulator whose web page lists the mail sent, kept across restarts (local/ses-emulator.ts). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { answers, type ManagedChild, manage, waitUntilReady } from '#local/children.ts';
import { PROJECT_ROOT } from '#local/stack-file.ts';

/** Where the sent mail is kept in a data directory: one JSON object a line. */
export const mailStoreFile = (dataDir: string) => join(dataDir, 'mail.jsonl');

/**
 * Starts the SES emulator on `port` (loopback only), with the mail sent so far in `dataDir`;
 * resolves once it answers. `track` gets the child at once.
 */
export async function startSes(dataDir: string, logDir: string, port: number, track: (child: ManagedChild) => void): Promise<ManagedChild> {
  const args = ['--import', 'tsx', join(PROJECT_ROOT, 'local', 'ses-emulator.ts'), '--port', String(port), '--host', '127.0.0.1', '--store', mailStoreFile(dataDir)];
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const managed = manage('aws-ses-v2-local', child, join(logDir, 'ses.log'));
  track(managed);
  await waitUntilReady(managed, () => answers(`http://127.0.0.1:${port}/health-check`));
  return managed;
}
