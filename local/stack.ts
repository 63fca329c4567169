/**
 * The local stack, programmatically: DynamoDB Local, cognito-local (behind the local Cognito
 * front), aws-ses-v2-local and the local API gateway, seeded with an owner administrator and
 * the domain `Demo`. `npm start` (local/start.ts) and the integration tests' global setup
 * (test/setup/local-stack.ts) both run it through `startLocalStack`.
 *
 * The handlers run in this process and read their configuration from process.env when they
 * load, so one process holds one stack at a time, and a later one only with the same ports
 * and data (a restart).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createCognitoAuthorizer } from '#local/authorizer.ts';
import type { ManagedChild } from '#local/children.ts';
import { type LocalCognito, startCognito } from '#local/cognito.ts';
import { ensureTable, startDynamoDb } from '#local/dynamodb.ts';
import { LocalStackError } from '#local/errors.ts';
import { type Gateway, startGateway } from '#local/gateway.ts';
import { assertPortsFree, portsFromEnv, type StackPorts } from '#local/ports.ts';
import { startSes } from '#local/ses.ts';
import { DEFAULT_DATA_DIR, PROJECT_ROOT, readStackFile, writeStackFile } from '#local/stack-file.ts';
import {
  applyHandlerEnvironment,
  handlerEnvironment,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  localSettingsFromEnv,
  type StackInfo,
} from '#local/stack-info.ts';
import type { RouteHandler } from '#shared/http/pipeline.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { ROLE_PRESET_NAMES } from '#shared/permissions.ts';

export { DEFAULT_DATA_DIR, readStackFile, stackFilePath } from '#local/stack-file.ts';
export type { StackInfo } from '#local/stack-info.ts';

export const TABLE_NAME = 'gatehouse-local';

export interface LocalStackOptions {
  /** Data of every component and stack.json; default `.local/`. */
  dataDir?: string;
  /** Default: API_PORT, DYNAMODB_PORT, COGNITO_PORT, SES_PORT or 3000, 8000, 9229, 8005. */
  ports?: StackPorts;
  /** Wipe dataDir first. */
  reset?: boolean;
  /** Default: ROLE_PRESET or `asset-management`. */
  rolePreset?: string;
  /** No per-request log lines from the gateway. */
  quiet?: boolean;
  /** Where progress and request lines go (default console.log). */
  log?: (line: string) => void;
  /** Let requests move the handlers' clock with the x-gatehouse-clock-offset header (tests only). */
  testClock?: boolean;
}

export interface LocalStack {
  info: StackInfo;
  rolePreset: string;
  /** The environment the handlers run with (local/stack-info.ts handlerEnvironment). */
  environment: Record<string, string>;
  dataDir: string;
  /** Milliseconds from the call to a stack that answers. */
  startupMs: number;
  stop(): Promise<void>;
}

let running = false;
/** The environment the handlers of this process were loaded with: modules load once, so it cannot change. */
let loadedWith: string | undefined;

/** Starts every component, seeds, writes `<dataDir>/stack.json`; `stop()` ends every child process. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (running) throw new LocalStackError('A local stack is running in this process already: the handlers read their configuration once per process.');
  const started = performance.now();
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const ports = options.ports ?? portsFromEnv();
  const rolePreset = options.rolePreset ?? process.env.ROLE_PRESET ?? 'asset-management';
  if (!(ROLE_PRESET_NAMES as string[]).includes(rolePreset)) {
    throw new LocalStackError(`ROLE_PRESET=${rolePreset} is no role preset: use one of ${ROLE_PRESET_NAMES.join(', ')}.`);
  }
  await assertPortsFree(ports);
  running = true;

  const children: ManagedChild[] = [];
  let cognito: LocalCognito | undefined;
  let gateway: Gateway | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await gateway?.close();
      await cognito?.front.close();
      await Promise.all(children.map((child) => child.stop()));
      running = false;
    })());

  try {
    if (options.reset) await rm(dataDir, { recursive: true, force: true });
    const logDir = join(dataDir, 'logs');
    await mkdir(logDir, { recursive: true });
    const previous = await readStackFile(dataDir);

    const endpoints = {
      dynamodb: `http://localhost:${ports.dynamodb}`,
      cognito: `http://localhost:${ports.cognito}`,
      ses: `http://localhost:${ports.ses}`,
    };
    const base = {
      region: LOCAL_REGION,
      dynamodb: { endpoint: endpoints.dynamodb, tableName: TABLE_NAME },
      cognito: { endpoint: endpoints.cognito, userPoolId: '', clientId: '' },
      ses: { endpoint: endpoints.ses },
    };
    const settings = localSettingsFromEnv();
    // Endpoints and table first: the seed module's store imports read them when they load.
    applyHandlerEnvironment(localDefaults(handlerEnvironment(base, rolePreset, settings), options.quiet));

    // The JVM takes longest. Start all three children at once; as soon as Cognito answers,
    // provision the pool and the admin, then load the handlers, while DynamoDB Local warms up.
    const track = (child: ManagedChild) => void children.push(child);
    const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const seedModule = import('#local/seed.ts');
    const dynamoSide = startDynamoDb(dataDir, logDir, ports.dynamodb, track).then(async () => {
      const dynamo = new DynamoDBClient({ ...clientConfig, endpoint: endpoints.dynamodb });
      await ensureTable(dynamo, TABLE_NAME).finally(() => dynamo.destroy());
    });
    const cognitoSide = Promise.all([startCognito(dataDir, logDir, ports.cognito, track), seedModule]).then(async ([started, seed]) => {
      cognito = started;
      const idp = new CognitoIdentityProviderClient({ ...clientConfig, endpoint: endpoints.cognito });
      try {
        const pool = await seed.provisionUserPool(idp, { userPoolId: previous?.cognito.userPoolId, clientId: previous?.cognito.clientId });
        const admin =
          previous?.admin.email === seed.ADMIN_EMAIL ? previous.admin : { email: seed.ADMIN_EMAIL, password: seed.generatePassword() };
        const adminSub = await seed.provisionCognitoUser(idp, pool.userPoolId, admin.email, admin.password, { resetPassword: admin !== previous?.admin });
        return { seed, pool, admin, adminSub, issuer: started.issuerOf(pool.userPoolId) };
      } finally {
        idp.destroy();
      }
    });
    const handlersSide = cognitoSide.then(async ({ pool }) => {
      // Every variable the handlers read is known now: set them before the first handler loads.
      const env = handlerEnvironment({ ...base, cognito: { endpoint: endpoints.cognito, ...pool } }, rolePreset, settings);
      if (loadedWith !== undefined && loadedWith !== JSON.stringify(env)) {
        throw new LocalStackError('This process ran a local stack with other ports or data before, and its handlers keep that configuration: start this one in a new process.');
      }
      loadedWith = JSON.stringify(env);
      applyHandlerEnvironment(env);
      const { ROUTES } = await import('#shared/routes/index.ts');
      const loadHandler = handlerLoader();
      // Load every handler now, as a cold start would: a module that fails to load is reported
      // here and answers 502, without keeping the other routes from working.
      await Promise.all(
        ROUTES.map((route) =>
          loadHandler(route).catch((error: unknown) => {
            console.error(`[gateway] ${route.method} ${route.path}: ${route.handler} failed to load: ${(error as Error).message}`);
          }),
        ),
      );
      return { ROUTES, loadHandler, environment: env };
    });
    const sesSide = startSes(logDir, ports.ses, track);
    const settled = await Promise.allSettled([dynamoSide, cognitoSide, handlersSide, sesSide]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const { seed, pool, admin, adminSub, issuer } = await cognitoSide;
    const { ROUTES, loadHandler, environment } = await handlersSide;

    const info: StackInfo = {
      apiUrl: `http://localhost:${ports.api}`,
      ...base,
      cognito: { endpoint: endpoints.cognito, ...pool },
      admin,
      demoDomainId: '',
    };
    await seed.provisionOwnerProfile(adminSub, admin.email);
    info.demoDomainId = await seed.provisionDemoDomain(adminSub, admin.email, previous?.demoDomainId);

    const authorizer = await createCognitoAuthorizer({
      issuer,
      clientId: pool.clientId,
      jwksUri: `${endpoints.cognito}/${pool.userPoolId}/.well-known/jwks.json`,
    });
    gateway = await startGateway(ports.api, {
      routes: ROUTES,
      loadHandler,
      authorizer,
      region: LOCAL_REGION,
      quiet: options.quiet,
      log: options.log,
      testClock: options.testClock,
    });

    await writeStackFile(dataDir, info);
    for (const child of children) {
      void child.exited.then(() => {
        if (!stopping) console.error(`[local stack] ${child.name} stopped unexpectedly; its log is ${child.logFile}. Restart the stack.`);
      });
    }
    return { info, rolePreset, environment, dataDir, startupMs: Math.round(performance.now() - started), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Imports each handler module once; the promise is cached, so a failed load fails every call. */
function handlerLoader(): (route: RouteDefinition) => Promise<RouteHandler> {
  const cache = new Map<string, Promise<RouteHandler>>();
  return (route) => {
    let loaded = cache.get(route.handler);
    if (!loaded) {
      loaded = import(pathToFileURL(join(PROJECT_ROOT, route.handler)).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`${route.handler} exports no function named handler`);
        return module.handler as RouteHandler;
      });
      cache.set(route.handler, loaded);
    }
    return loaded;
  };
}

/** Local output defaults, unless the developer set them: warnings and errors only, no EMF metrics on stdout. */
function localDefaults(env: Record<string, string>, quiet: boolean | undefined): Record<string, string> {
  return {
    ...env,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? (quiet ? 'ERROR' : 'WARN'),
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    POWERTOOLS_METRICS_NAMESPACE: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'gatehouse-local',
    // The SDK's notice that its 2027 releases need Node 22 is noise for a local run on Node 20.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true',
  };
}
