/** The shape of `.local/stack.json` (SPEC section 8) and the handlers' environment built from it. */
import { LocalStackError } from '#local/errors.ts';

export interface StackInfo {
  apiUrl: string;
  region: string;
  dynamodb: { endpoint: string; tableName: string };
  cognito: { endpoint: string; userPoolId: string; clientId: string };
  ses: { endpoint: string };
  admin: { email: string; password: string };
  demoDomainId: string;
}

export const LOCAL_REGION = 'us-east-1';

/**
 * Credentials for the emulators only. They accept any key; these are not AWS credentials and
 * grant nothing anywhere else.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** What a developer may set for the local handlers (each has a local default). */
export interface LocalSettings {
  /** PRODUCT_NAME: the product new domains are branded with. */
  productName?: string;
  /** APP_URL: the web app that links in emails point into (default: the hosted pages at WEB_PORT, 5173). */
  appUrl?: string;
  /** SES_FROM_ADDRESS: the sender of every email (the SES emulator accepts any). */
  sesFromAddress?: string;
  /**
   * EMBED_ORIGINS (comma-separated): origins of other apps that embed the console's elements,
   * as a customer's appOrigins: the API accepts them besides APP_URL's, and the pages serve them
   * `/gatehouse-elements.js` with CORS.
   */
  embedOrigins?: string[];
}

/** The local settings from PRODUCT_NAME, APP_URL (or WEB_PORT) and SES_FROM_ADDRESS, where set. */
export function localSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  // Without APP_URL, links in emails point at the pages this stack serves (WEB_PORT).
  const appUrl = env.APP_URL || (env.WEB_PORT?.trim() ? `http://localhost:${env.WEB_PORT.trim()}` : undefined);
  const embedOrigins = (env.EMBED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of embedOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new LocalStackError(`EMBED_ORIGINS names ${origin.slice(0, 60)}, which is not an origin: write scheme, host and port only, such as http://localhost:5174.`);
    }
  }
  return { productName: env.PRODUCT_NAME || undefined, appUrl, sesFromAddress: env.SES_FROM_ADDRESS || undefined, ...(embedOrigins.length ? { embedOrigins } : {}) };
}

/** The stack's EventBridge bus, `gatehouse-<customer>` as deployed, with the local customer `local`. */
export const LOCAL_EVENT_BUS = 'gatehouse-local';

/**
 * The environment the handlers get locally: what the CDK stack sets for the functions in AWS
 * (infra/gatehouse-stack.ts), with the emulator endpoints, and the issuer cognito-local puts
 * into its tokens. `info.eventbridge` is the local bus (local/event-bus.ts), which stack.json
 * does not name.
 */
export function handlerEnvironment(
  info: Pick<StackInfo, 'region' | 'dynamodb' | 'cognito' | 'ses'> & { eventbridge?: { endpoint: string } },
  rolePreset: string,
  settings: LocalSettings = {},
): Record<string, string> {
  const appUrl = settings.appUrl ?? 'http://localhost:5173';
  return {
    TABLE_NAME: info.dynamodb.tableName,
    ROLE_PRESET: rolePreset,
    PRODUCT_NAME: settings.productName ?? 'Gatehouse',
    CUSTOMER: 'local',
    POWERTOOLS_SERVICE_NAME: 'gatehouse',
    APP_URL: appUrl,
    APP_ORIGINS: [new URL(appUrl).origin, ...(settings.embedOrigins ?? [])].join(','),
    SES_FROM_ADDRESS: settings.sesFromAddress ?? 'no-reply@gatehouse.local',
    DYNAMODB_ENDPOINT: info.dynamodb.endpoint,
    COGNITO_ENDPOINT: info.cognito.endpoint,
    SES_ENDPOINT: info.ses.endpoint,
    EVENT_BUS_NAME: LOCAL_EVENT_BUS,
    ...(info.eventbridge ? { EVENTBRIDGE_ENDPOINT: info.eventbridge.endpoint } : {}),
    USER_POOL_ID: info.cognito.userPoolId,
    USER_POOL_CLIENT_ID: info.cognito.clientId,
    // cognito-local signs with http://localhost:<COGNITO_PORT>/<poolId> (local/cognito.ts sets it).
    USER_POOL_ISSUER: `${info.cognito.endpoint}/${info.cognito.userPoolId}`,
    AWS_REGION: info.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  };
}

/** Sets the handler environment in this process. Call it before importing any `#shared` module that reads config at load. */
export function applyHandlerEnvironment(env: Record<string, string>): void {
  // A developer's session token or profile would be sent along with the dummy keys; drop them.
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, env);
}
