/**
 * `npm run token -- EMAIL PASSWORD`: prints an ID token for a user of the local stack
 * (USER_PASSWORD_AUTH against cognito-local, through the local Cognito front). Only the token
 * goes to stdout, so `TOKEN=$(npm run --silent token -- ...)` works.
 */
import { LocalStackError } from '#local/errors.ts';
import { idToken } from '#local/sign-in.ts';
import { applyLocalSettings, localDataDir, noStackFile } from '#local/settings.ts';
import { readStackFile } from '#local/stack-file.ts';

async function main(): Promise<void> {
  // Only the token on stdout and nothing on stderr: the SDK's Node 22 notice is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [email, password, ...rest] = process.argv.slice(2);
  if (!email || !password || rest.length > 0) throw new LocalStackError('Usage: npm run token -- EMAIL PASSWORD');
  // The data directory `npm start` uses: LOCAL_DATA_DIR from the environment or .env.
  applyLocalSettings();
  const dataDir = localDataDir();
  const info = await readStackFile(dataDir);
  if (!info) throw new LocalStackError(noStackFile(dataDir));
  try {
    console.log(await idToken(info, email, password));
  } catch (error) {
    if (error instanceof LocalStackError) throw error;
    const { name, message } = error as Error;
    if (/ECONNREFUSED|fetch failed/i.test(`${message} ${(error as { cause?: Error }).cause?.message ?? ''}`) || name === 'TimeoutError') {
      throw new LocalStackError(`Nothing answers on ${info.cognito.endpoint}: is \`npm start\` running?`);
    }
    throw new LocalStackError(`Sign-in refused: ${message} (${name})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalStackError ? error.message : error);
  process.exit(1);
});
