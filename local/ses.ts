/** aws-ses-v2-local: SES v2 emulator whose web page lists the mail sent. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { answers, type ManagedChild, manage, waitUntilReady } from '#local/children.ts';

const require = createRequire(import.meta.url);

/** Starts the SES emulator on `port` (loopback only); resolves once it answers. `track` gets the child at once. */
export async function startSes(logDir: string, port: number, track: (child: ManagedChild) => void): Promise<ManagedChild> {
  const cli = require.resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const managed = manage('aws-ses-v2-local', child, join(logDir, 'ses.log'));
  track(managed);
  await waitUntilReady(managed, () => answers(`http://127.0.0.1:${port}/health-check`));
  return managed;
}
