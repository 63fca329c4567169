/** The shape of `.local/stack.json` (SPEC section 8) and the handlers' environment built from it. */

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

/** The environment the handlers get locally: what the CDK function construct sets in AWS, plus the emulator endpoints. */
export function handlerEnvironment(
  info: Pick<StackInfo, 'region' | 'dynamodb' | 'cognito' | 'ses'>,
  rolePreset: string,
  productName = 'Gatehouse',
): Record<string, string> {
  return {
    TABLE_NAME: info.dynamodb.tableName,
    ROLE_PRESET: rolePreset,
    PRODUCT_NAME: productName,
    DYNAMODB_ENDPOINT: info.dynamodb.endpoint,
    COGNITO_ENDPOINT: info.cognito.endpoint,
    SES_ENDPOINT: info.ses.endpoint,
    USER_POOL_ID: info.cognito.userPoolId,
    USER_POOL_CLIENT_ID: info.cognito.clientId,
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
