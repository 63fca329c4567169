/**
 * The local stack, programmatically: DynamoDB Local, cognito-local (behind the local Cognito
 * front), aws-ses-v2-local, the local API gateway, the local EventBridge bus, the table
 * stream's poller and the TTL reaper, seeded with an owner administrator and the domain
 * `Demo`. `npm start` (local/start.ts) and the integration tests' global setup
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
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createCognitoAuthorizer } from '#local/authorizer.ts';
import type { ManagedChild } from '#local/children.ts';
import { type LocalCognito, startCognito } from '#local/cognito.ts';
import { ensureTable, startDynamoDb } from '#local/dynamodb.ts';
import { LocalStackError } from '#local/errors.ts';
import { type EventBus, startEventBus } from '#local/event-bus.ts';
import { type Gateway, startGateway } from '#local/gateway.ts';
import { assertPortsFree, portsFromEnv, type StackPorts } from '#local/ports.ts';
import { startSes } from '#local/ses.ts';
import { DEFAULT_DATA_DIR, PROJECT_ROOT, readStackFile, writeStackFile } from '#local/stack-file.ts';
import {
  applyHandlerEnvironment,
  handlerEnvironment,
  LOCAL_CREDENTIALS,
  LOCAL_EVENT_BUS,
  LOCAL_REGION,
  localSettingsFromEnv,
  type StackInfo,
} from '#local/stack-info.ts';
import { isMailJobInsert, MAIL_BATCH_SIZE, MAIL_WORKER_HANDLER, STREAM_HANDLER, type StreamPoller, type StreamPollerStats, startStreamPoller } from '#local/stream-poller.ts';
import { startTtlReaper, type SweepOptions, type TtlReaper } from '#local/ttl-reaper.ts';
import { startWebServer, type WebServer } from '#local/web-server.ts';
import { HttpError } from '#shared/http/errors.ts';
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
  /**
   * Tests only: let requests move the handlers' clock with the x-gatehouse-clock-offset header,
   * and serve the gateway's test routes (POST /__local/ttl-sweep and the like).
   */
  testClock?: boolean;
  /** Milliseconds between TTL sweeps with the real clock; 0 for none. Default: LOCAL_TTL_SWEEP_SECONDS or 5 s. */
  ttlSweepEveryMs?: number;
}

export interface LocalStack {
  info: StackInfo;
  /** The hosted pages' URL (local/web-server.ts), when `ports.web` is set. */
  webUrl?: string;
  rolePreset: string;
  /** The environment the handlers run with (local/stack-info.ts handlerEnvironment). */
  environment: Record<string, string>;
  dataDir: string;
  /** The local EventBridge bus: its endpoint (EVENTBRIDGE_ENDPOINT) and `<dataDir>/events.jsonl`. */
  events: { endpoint: string; file: string };
  /** Deletes the items expired at now + offsetMs, as DynamoDB's TTL would (local/ttl-reaper.ts). */
  sweepExpired(options?: SweepOptions): Promise<number>;
  /** What the stream poller handed to the stream handler so far. */
  streamStats(): StreamPollerStats;
  /** Resolves once the mail worker has handled every mail job written before the call (StreamPoller.settled). */
  mailSettled(): Promise<void>;
  /** Milliseconds from the call to a stack that answers. */
  startupMs: number;
  stop(): Promise<void>;
}

let running = false;
/** The environment the handlers of this process were loaded with: modules load once, so it cannot change. */
let loadedWith: string | undefined;
/** The event bus port the first stack of this process got, so that a restart here keeps its environment. */
let eventsPortOfProcess: number | undefined;
const DEFAULT_TTL_SWEEP_MS = 5000;

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
  const ttlSweepEveryMs = options.ttlSweepEveryMs ?? ttlSweepFromEnv();
  await assertPortsFree(ports);
  running = true;

  const log = options.log ?? ((line: string) => console.log(line));
  const logError = (line: string, error?: unknown) => (error === undefined ? console.error(line) : console.error(line, error));
  const children: ManagedChild[] = [];
  let cognito: LocalCognito | undefined;
  let gateway: Gateway | undefined;
  let web: WebServer | undefined;
  let bus: EventBus | undefined;
  let poller: StreamPoller | undefined;
  let mailPoller: StreamPoller | undefined;
  let reaper: TtlReaper | undefined;
  const clients: { destroy(): void }[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await gateway?.close();
      await web?.close();
      // The reaper first, then the poller hands over the REMOVE records of its last deletes.
      await reaper?.stop();
      await poller?.stop();
      await mailPoller?.stop();
      await bus?.close();
      for (const client of clients) client.destroy();
      await cognito?.front.close();
      await Promise.all(children.map((child) => child.stop()));
      running = false;
    })());

  try {
    if (options.reset) await rm(dataDir, { recursive: true, force: true });
    const logDir = join(dataDir, 'logs');
    await mkdir(logDir, { recursive: true });
    const previous = await readStackFile(dataDir);

    // The bus first (it takes milliseconds): the handlers' environment names its endpoint.
    bus = await startEventBus(ports.events ?? eventsPortOfProcess ?? 0, { dataDir, busName: LOCAL_EVENT_BUS });
    eventsPortOfProcess = Number(new URL(bus.endpoint).port);
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
      eventbridge: { endpoint: bus.endpoint },
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
      // The stream function likewise: if it fails to load, every batch fails and is skipped with that error.
      const streamHandler = loadModuleHandler<(event: DynamoDBStreamEvent) => Promise<unknown>>(STREAM_HANDLER);
      streamHandler.catch((error: unknown) => console.error(`[stream] ${STREAM_HANDLER} failed to load: ${(error as Error).message}`));
      const mailHandler = loadModuleHandler<(event: unknown) => Promise<unknown>>(MAIL_WORKER_HANDLER);
      mailHandler.catch((error: unknown) => console.error(`[mail] ${MAIL_WORKER_HANDLER} failed to load: ${(error as Error).message}`));
      return { ROUTES, loadHandler, streamHandler, mailHandler, environment: env };
    });
    const sesSide = startSes(dataDir, logDir, ports.ses, track);
    const settled = await Promise.allSettled([dynamoSide, cognitoSide, handlersSide, sesSide]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const { seed, pool, admin, adminSub, issuer } = await cognitoSide;
    const { ROUTES, loadHandler, streamHandler, mailHandler, environment } = await handlersSide;

    // The stream's consumer starts before the seed, so the Demo domain's first events reach the bus.
    const dynamo = new DynamoDBClient({ ...clientConfig, endpoint: endpoints.dynamodb });
    const streams = new DynamoDBStreamsClient({ ...clientConfig, endpoint: endpoints.dynamodb });
    clients.push(dynamo, streams);
    const ttl = startTtlReaper({
      client: dynamo,
      tableName: TABLE_NAME,
      everyMs: ttlSweepEveryMs,
      log: (line) => !options.quiet && log(line),
      logError,
    });
    reaper = ttl;
    poller = await startStreamPoller({
      dynamodb: dynamo,
      streams,
      tableName: TABLE_NAME,
      region: LOCAL_REGION,
      handler: async (event) => (await streamHandler)(event),
      isTtlDelete: (keys) => ttl.takeTtlDelete(keys),
      log: options.quiet ? undefined : log,
      logError,
    });
    // The mail worker, fed like its Lambda: the stream's mail-job INSERTs, a batch at a time.
    mailPoller = await startStreamPoller({
      dynamodb: dynamo,
      streams,
      tableName: TABLE_NAME,
      region: LOCAL_REGION,
      handler: async (event) => (await mailHandler)(event),
      isTtlDelete: () => false,
      filter: isMailJobInsert,
      batchSize: MAIL_BATCH_SIZE,
      label: 'mail',
      handlerModule: MAIL_WORKER_HANDLER,
      log: options.quiet ? undefined : log,
      logError,
    });
    const pollerStarted = poller;
    const mailPollerStarted = mailPoller;
    const eventBus = bus;

    const info: StackInfo = {
      apiUrl: `http://localhost:${ports.api}`,
      region: base.region,
      dynamodb: base.dynamodb,
      cognito: { endpoint: endpoints.cognito, ...pool },
      ses: base.ses,
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
      testRoutes: { ...testRoutes(ttl, eventBus, pollerStarted), ...mailTestRoutes(mailHandler, mailPoller) },
    });

    if (ports.web) {
      // Built at every start (esbuild takes about a second), so the pages match this checkout.
      const { buildWeb, WEB_DIST } = await import('../web/build.ts');
      await buildWeb();
      web = await startWebServer(ports.web, {
        dist: WEB_DIST,
        config: { apiUrl: info.apiUrl, region: info.region, userPoolId: pool.userPoolId, clientId: pool.clientId, cognitoEndpoint: endpoints.cognito, productName: settings.productName ?? 'Gatehouse' },
        embedderOrigins: settings.embedOrigins ?? [],
      });
    }

    await writeStackFile(dataDir, info);
    for (const child of children) {
      void child.exited.then(() => {
        if (!stopping) console.error(`[local stack] ${child.name} stopped unexpectedly; its log is ${child.logFile}. Restart the stack.`);
      });
    }
    return {
      info,
      ...(web ? { webUrl: web.url } : {}),
      rolePreset,
      environment,
      dataDir,
      events: { endpoint: eventBus.endpoint, file: eventBus.file },
      sweepExpired: (sweep) => ttl.sweep(sweep),
      streamStats: () => pollerStarted.stats(),
      mailSettled: () => mailPollerStarted.settled(),
      startupMs: Math.round(performance.now() - started),
      stop,
    };
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
      loaded = loadModuleHandler<RouteHandler>(route.handler);
      cache.set(route.handler, loaded);
    }
    return loaded;
  };
}

/** The `handler` export of a function's module (a path relative to the repository root). */
function loadModuleHandler<T>(path: string): Promise<T> {
  return import(pathToFileURL(join(PROJECT_ROOT, path)).href).then((module: { handler?: unknown }) => {
    if (typeof module.handler !== 'function') throw new Error(`${path} exports no function named handler`);
    return module.handler as T;
  });
}

/**
 * The gateway's routes for tests (served only with testClock, never by `npm start`):
 * - `POST /__local/ttl-sweep?offsetMs=N&domainId=D`: a TTL sweep now, as if the clock were N ms
 *   ahead, of one domain's items (or all) → `{deleted}`;
 * - `POST` / `DELETE /__local/eventbridge-refusals?domainId=D`: the bus refuses (or again takes)
 *   PutEvents calls holding that domain's events;
 * - `GET /__local/stream`: the stream poller's counts (batches, records, failures, skipped).
 */
function testRoutes(reaper: TtlReaper, bus: EventBus, poller: StreamPoller): Record<string, (query: URLSearchParams) => Promise<unknown>> {
  const domainOf = (query: URLSearchParams, required: boolean) => {
    const domainId = query.get('domainId') ?? undefined;
    if (required && !domainId) throw new HttpError(400, 'invalid-input', 'Invalid input', 'domainId is required.');
    return domainId;
  };
  return {
    'POST /__local/ttl-sweep': async (query) => {
      const raw = query.get('offsetMs') ?? '0';
      if (!/^-?\d{1,15}$/.test(raw)) throw new HttpError(400, 'invalid-input', 'Invalid input', 'offsetMs must be a whole number of milliseconds.');
      return { deleted: await reaper.sweep({ offsetMs: Number(raw), domainId: domainOf(query, false) }) };
    },
    'POST /__local/eventbridge-refusals': async (query) => {
      bus.refuse(domainOf(query, true) as string);
      return { refusing: query.get('domainId') };
    },
    'DELETE /__local/eventbridge-refusals': async (query) => {
      bus.allow(domainOf(query, true) as string);
      return { refusing: null };
    },
    'GET /__local/stream': async () => poller.stats(),
  };
}

/**
 * `POST` / `DELETE /__local/ses-refusals?email=E`: the mail worker's SES client refuses (or again
 * takes) mail to E with MessageRejected, as SES does for an unverified address in a sandbox.
 * `POST /__local/ses-feedback?type=Bounce|Complaint&email=E&domainId=D&invitationId=I&messageId=M`:
 * hands the mail worker the SES event the stack's configuration set would publish through
 * EventBridge for that message (a permanent bounce, or a complaint) → the worker's answer.
 * `GET /__local/mail-settled`: answers once the mail worker has handled every job written
 * before the call (sent, failed or superseded) → `{settled: true}`.
 */
function mailTestRoutes(mailHandler: Promise<(event: unknown) => Promise<unknown>>, mailPoller: StreamPoller): Record<string, (query: URLSearchParams) => Promise<unknown>> {
  /** Addresses the stack's mail worker's SES client refuses (MessageRejected), as SES does in a sandbox. */
  const refused = new Set<string>();
  let installed: Promise<void> | undefined;
  const install = () =>
    (installed ??= (async () => {
      // The worker module the mail poller's handler imported: the same instance, so the same client.
      const [{ workerSes }, { MessageRejected }] = await Promise.all([import('#shared/domain/mail-worker.ts'), import('@aws-sdk/client-sesv2')]);
      workerSes.middlewareStack.add(
        (next) => async (args) => {
          const to = ((args.input as { Destination?: { ToAddresses?: string[] } }).Destination?.ToAddresses ?? [])[0]?.toLowerCase() ?? '';
          if (refused.has(to)) throw new MessageRejected({ message: 'Email address is not verified (local test hook).', $metadata: { httpStatusCode: 400 } });
          return next(args);
        },
        { step: 'initialize', name: 'localSesRefusals' },
      );
    })());
  const emailOf = (query: URLSearchParams) => {
    const email = query.get('email')?.toLowerCase();
    if (!email) throw new HttpError(400, 'invalid-input', 'Invalid input', 'email is required.');
    return email;
  };
  return {
    'GET /__local/mail-settled': async () => {
      await mailPoller.settled();
      return { settled: true };
    },
    'POST /__local/ses-refusals': async (query) => {
      await install();
      refused.add(emailOf(query));
      return { refusing: query.get('email') };
    },
    'DELETE /__local/ses-refusals': async (query) => {
      refused.delete(emailOf(query));
      return { refusing: null };
    },
    'POST /__local/ses-feedback': async (query) => {
      const [type, email, domainId, invitationId, messageId] = ['type', 'email', 'domainId', 'invitationId', 'messageId'].map((name) => query.get(name) ?? '');
      if ((type !== 'Bounce' && type !== 'Complaint') || !email || !domainId || !invitationId || !messageId) {
        throw new HttpError(400, 'invalid-input', 'Invalid input', 'type (Bounce or Complaint), email, domainId, invitationId and messageId are required.');
      }
      const detail = {
        eventType: type,
        mail: { messageId, destination: [email], tags: { domainId: [domainId], invitationId: [invitationId] } },
        ...(type === 'Bounce'
          ? { bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email }] } }
          : { complaint: { complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: email }] } }),
      };
      return (await mailHandler)({ source: 'aws.ses', 'detail-type': `Email ${type === 'Bounce' ? 'Bounced' : 'Complaint Received'}`, detail });
    },
  };
}

/** LOCAL_TTL_SWEEP_SECONDS (0: no periodic sweeps), else 5 s. */
function ttlSweepFromEnv(): number {
  const raw = process.env.LOCAL_TTL_SWEEP_SECONDS?.trim();
  if (!raw) return DEFAULT_TTL_SWEEP_MS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) throw new LocalStackError(`LOCAL_TTL_SWEEP_SECONDS=${raw.slice(0, 20)} is no number of seconds: set it to 0 (off) or more.`);
  return seconds * 1000;
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
