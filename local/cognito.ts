/** cognito-local behind the local Cognito front (local/cognito-front.ts). */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { answers, type ManagedChild, manage, waitUntilReady } from '#local/children.ts';
import { type CognitoFront, startCognitoFront } from '#local/cognito-front.ts';
import { freePort } from '#local/ports.ts';

const require = createRequire(import.meta.url);

export interface LocalCognito {
  child: ManagedChild;
  front: CognitoFront;
  /** What cognito-local writes into `iss`: `http://localhost:<COGNITO_PORT>/<userPoolId>`. */
  issuerOf(userPoolId: string): string;
}

/**
 * Starts cognito-local on a loopback port of its own, with its database under
 * `<dir>/cognito/.cognito`, and the front on `port`. Tokens name the front in their issuer.
 * `track` gets the child as soon as it is spawned.
 */
export async function startCognito(dir: string, logDir: string, port: number, track: (child: ManagedChild) => void): Promise<LocalCognito> {
  const cwd = join(dir, 'cognito');
  await mkdir(join(cwd, '.cognito'), { recursive: true });
  const issuerDomain = `http://localhost:${port}`;
  // cognito-local reads .cognito/config.json at start; the issuer follows COGNITO_PORT, not its own port.
  await writeFile(join(cwd, '.cognito', 'config.json'), `${JSON.stringify({ TokenConfig: { IssuerDomain: issuerDomain } }, null, 2)}\n`);
  const upstreamPort = await freePort();
  const bin = require.resolve('cognito-local/lib/bin/start.js');
  const child = spawn(process.execPath, [bin], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(upstreamPort), HOST: '127.0.0.1', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
  });
  const managed = manage('cognito-local', child, join(logDir, 'cognito.log'));
  track(managed);
  await waitUntilReady(managed, () => answers(`http://127.0.0.1:${upstreamPort}/health`));
  const front = await startCognitoFront({ port, upstreamPort, cognitoDir: cwd });
  return { child: managed, front, issuerOf: (userPoolId) => `${issuerDomain}/${userPoolId}` };
}
