/**
 * Typed configuration from the environment. A function reads only the variables it uses,
 * and a missing one fails at cold start (module load), not in the middle of a request.
 */
import { ROLE_PRESET_NAMES, type RolePreset } from '#shared/permissions.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set; the stack sets it for every function.`);
  return value;
}

/** Endpoints of the local emulators; unset in AWS, where the SDK finds the real ones. */
export const endpoints = {
  dynamodb: process.env.DYNAMODB_ENDPOINT || undefined,
  cognito: process.env.COGNITO_ENDPOINT || undefined,
  ses: process.env.SES_ENDPOINT || undefined,
  eventbridge: process.env.EVENTBRIDGE_ENDPOINT || undefined,
};

export function tableName(): string {
  return required('TABLE_NAME');
}

export function userPoolId(): string {
  return required('USER_POOL_ID');
}

export function rolePreset(): RolePreset {
  const preset = required('ROLE_PRESET');
  if (!(ROLE_PRESET_NAMES as string[]).includes(preset)) {
    throw new Error(`ROLE_PRESET '${preset}' is none of ${ROLE_PRESET_NAMES.join(', ')}.`);
  }
  return preset as RolePreset;
}

/** The product name new domains are branded with until an administrator changes it. */
export function productName(): string {
  return process.env.PRODUCT_NAME || 'Gatehouse';
}

/** The customer's web app; links in emails point into it (never built from a request header). */
export function appUrl(): string {
  return required('APP_URL').replace(/\/+$/, '');
}

/** Invitation and set-password emails a domain may send per day (UTC); 200 unless the customer file says otherwise. */
export function invitationEmailsPerDay(): number {
  const value = Number(process.env.INVITATION_EMAILS_PER_DAY ?? 200);
  return Number.isInteger(value) && value > 0 ? value : 200;
}

/** Where the pool's ID tokens can be verified: issuer, app client and JWKS. */
export function idTokenSettings() {
  const issuer = required('USER_POOL_ISSUER');
  return { issuer, clientId: required('USER_POOL_CLIENT_ID'), jwksUri: process.env.USER_POOL_JWKS_URI || `${issuer}/.well-known/jwks.json` };
}

/** The address every email is sent from: an SES identity the function is granted (infra/function.ts). */
export function sesFromAddress(): string {
  return required('SES_FROM_ADDRESS');
}

/** The stack's EventBridge bus (`gatehouse-<customer>`) that history events are published to. */
export function eventBusName(): string {
  return required('EVENT_BUS_NAME');
}
