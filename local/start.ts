/**
 * `npm start [-- --reset] [-- --quiet]`: the whole product locally (SPEC section 8). Prints the
 * URLs, the administrator's credentials and what to run next; Ctrl-C stops every process.
 * A problem the developer can fix (a port in use, no Java) is one line on stderr and exit 1.
 *
 * `--test-clock` is for the integration tests' second stack (test/setup/child-stack.ts) only:
 * requests may move the handlers' clock, and the gateway serves its /__local/ test routes.
 */
import { LocalStackError } from '#local/errors.ts';
import { assertPortsFree, portsFromEnv } from '#local/ports.ts';
import { applyLocalSettings, localDataDir } from '#local/settings.ts';
import { type LocalStack, stackFilePath, startLocalStack } from '#local/stack.ts';

const USAGE = [
  'Usage: npm start [-- --reset] [-- --quiet]',
  '  ports: API_PORT, DYNAMODB_PORT, COGNITO_PORT, SES_PORT, WEB_PORT (3000, 8000, 9229, 8005, 5173), EVENTS_PORT (any free one)',
  '  handlers: ROLE_PRESET (asset-management), PRODUCT_NAME, APP_URL, SES_FROM_ADDRESS, EMBED_ORIGINS (apps embedding the console); data: LOCAL_DATA_DIR (.local)',
  '  TTL: LOCAL_TTL_SWEEP_SECONDS (5; 0 = never delete expired items)',
  '  each may be set in .env (or the file LOCAL_ENV_FILE names), which npm run token and npm run sweep read too',
].join('\n');

const OPTIONS = ['--reset', '--quiet', '--test-clock', '--help', '-h'];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !OPTIONS.includes(arg));
  if (args.includes('--help') || args.includes('-h') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`Unknown option ${unknown.join(' ')}.`);
    console.error(USAGE);
    process.exit(unknown.length > 0 ? 1 : 0);
  }
  // The same settings as `npm run token` and `npm run sweep`: the environment, then .env.
  applyLocalSettings();
  // LOCAL_DATA_DIR moves the data away from .local/ (the integration tests start the CLI that way).
  const dataDir = localDataDir();

  let stack: LocalStack | undefined;
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping the local stack...`);
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  // `npm start` runs this under `sh -c`; a SIGTERM sent to npm kills that shell without passing
  // the signal on, and this process is handed to init. A new parent means whoever started
  // us is gone: stop rather than leave the emulators running unattended.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && shutdown('npm went away'), 1000).unref();

  // Checked before anything is printed, so that a taken port is the only line of output.
  const ports = portsFromEnv();
  await assertPortsFree(ports);
  console.log(args.includes('--reset') ? `Starting the local stack from scratch in ${dataDir} ...` : `Starting the local stack (data in ${dataDir}) ...`);
  stack = await startLocalStack({
    dataDir,
    ports,
    reset: args.includes('--reset'),
    quiet: args.includes('--quiet'),
    testClock: args.includes('--test-clock'),
  });
  if (stopping) {
    await stack.stop();
    return;
  }
  const { info } = stack;
  const lines = [
    '',
    `Gatehouse runs locally (started in ${(stack.startupMs / 1000).toFixed(1)} s, role preset ${stack.rolePreset}).`,
    '',
    ...(stack.webUrl ? [`  Web pages        ${stack.webUrl}   (sign in as the administrator below: ${stack.webUrl}/sign-in)`] : []),
    `  API              ${info.apiUrl}          (try ${info.apiUrl}/health)`,
    `  Sent mail (SES)  ${info.ses.endpoint}`,
    `  Cognito          ${info.cognito.endpoint}   pool ${info.cognito.userPoolId}, client ${info.cognito.clientId}`,
    `  DynamoDB         ${info.dynamodb.endpoint}   table ${info.dynamodb.tableName} (its stream feeds ${stack.environment.EVENT_BUS_NAME})`,
    `  EventBridge      ${stack.events.endpoint}   bus ${stack.environment.EVENT_BUS_NAME}: every event in ${stack.events.file}`,
    `  Links in emails  ${stack.environment.APP_URL}   (APP_URL)`,
    ...(stack.environment.APP_ORIGINS?.includes(',') ? [`  App origins      ${stack.environment.APP_ORIGINS}   (APP_URL's and EMBED_ORIGINS: may embed the console)`] : []),
    '',
    `  Administrator    ${info.admin.email}`,
    `  Password         ${info.admin.password}`,
    `  Domain Demo      ${info.demoDomainId}`,
    '',
    `  Written to ${stackFilePath(dataDir)}; emulator logs in ${dataDir}/logs.`,
    '',
    'Next:',
    `  TOKEN=$(npm run --silent token -- ${info.admin.email} '${info.admin.password}')`,
    `  curl -H "Authorization: Bearer $TOKEN" ${info.apiUrl}/me`,
    '',
    'Ctrl-C stops everything. Requests:',
  ];
  console.log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  if (error instanceof LocalStackError) {
    console.error(error.message);
  } else {
    console.error('The local stack failed to start:', error);
  }
  process.exit(1);
});
