/**
 * What the local stack creates, idempotently: the user pool and app client, the owner
 * administrator (Cognito user with a permanent password, and owner profile), and the
 * domain `Demo`. On a restart everything found is reused.
 *
 * This module imports `#shared` store modules, which read the environment at load: import
 * it only after `applyHandlerEnvironment`.
 */
import { PASSWORD_POLICY } from '#shared/password-policy.ts';
import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LocalStackError } from '#local/errors.ts';
import { now } from '#shared/clock.ts';
import { createDomain } from '#shared/domain/domains.ts';
import { HttpError } from '#shared/http/errors.ts';
import { allMembershipsOfUser, getDomains } from '#shared/store/domain-store.ts';
import { createUser, getUser } from '#shared/store/user-store.ts';

export const ADMIN_EMAIL = 'admin@gatehouse.local';
export const DEMO_DOMAIN_NAME = 'Demo';

/** The pool's password policy (shared/password-policy.ts, as the deployed pool has it), in the API's shape. */
export const POOL_PASSWORD_POLICY = {
  MinimumLength: PASSWORD_POLICY.minLength,
  RequireUppercase: PASSWORD_POLICY.requireUppercase,
  RequireLowercase: PASSWORD_POLICY.requireLowercase,
  RequireNumbers: PASSWORD_POLICY.requireDigits,
  RequireSymbols: PASSWORD_POLICY.requireSymbols,
  TemporaryPasswordValidityDays: 7,
};

/**
 * A password that satisfies the password policy: 144 random bits, then one of each required class.
 * It starts with a letter, so that no command line takes it for an option.
 */
export function generatePassword(): string {
  return `G${randomBytes(18).toString('base64url')}.a7`;
}

const isNamed = (error: unknown, name: string) => (error as { name?: unknown } | null)?.name === name;

/** Reuses the pool and client named by a previous run when cognito-local still has them; creates them otherwise. */
export async function provisionUserPool(
  cognito: CognitoIdentityProviderClient,
  previous: { userPoolId?: string; clientId?: string },
): Promise<{ userPoolId: string; clientId: string }> {
  let userPoolId = previous.userPoolId;
  if (userPoolId) {
    const found = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })).then(
      () => true,
      (error: unknown) => {
        if (isNamed(error, 'ResourceNotFoundException')) return false;
        throw error;
      },
    );
    if (!found) userPoolId = undefined;
  }
  if (!userPoolId) {
    const created = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'gatehouse-local',
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'OFF',
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        Policies: { PasswordPolicy: POOL_PASSWORD_POLICY },
      }),
    );
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local created a user pool without an id');
  }

  let clientId = userPoolId === previous.userPoolId ? previous.clientId : undefined;
  if (clientId) {
    const found = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })).then(
      () => true,
      (error: unknown) => {
        if (isNamed(error, 'ResourceNotFoundException')) return false;
        throw error;
      },
    );
    if (!found) clientId = undefined;
  }
  if (!clientId) {
    const created = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'gatehouse-local-web',
        GenerateSecret: false,
        // USER_PASSWORD_AUTH is allowed locally only, so that InitiateAuth gives a token (SPEC section 8).
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        // Cognito's defaults: ID and access tokens for an hour, refresh tokens for 30 days.
        IdTokenValidity: 60,
        AccessTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
        PreventUserExistenceErrors: 'ENABLED',
      }),
    );
    clientId = created.UserPoolClient?.ClientId;
    if (!clientId) throw new Error('cognito-local created an app client without an id');
  }
  return { userPoolId, clientId };
}

/**
 * A confirmed Cognito user with a permanent password (never a temporary one: SPEC section 5),
 * created with a verified email. Resolves to its `sub`.
 */
export async function provisionCognitoUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
  password: string,
  options: { resetPassword: boolean },
): Promise<string> {
  const existing = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email })).catch((error: unknown) => {
    if (isNamed(error, 'UserNotFoundException')) return undefined;
    throw error;
  });
  let sub = existing?.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  if (!existing) {
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  }
  if (!sub) throw new Error(`cognito-local returned no sub for ${email}`);
  if (!existing || options.resetPassword) {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));
  }
  return sub;
}

/** The owner profile of the administrator in the table, created unless present. */
export async function provisionOwnerProfile(userId: string, email: string): Promise<void> {
  if (await getUser(userId)) return;
  try {
    await createUser({ userId, email, name: 'Administrator', language: 'en', owner: true, emailVerified: true, createdAt: now().toISOString(), version: 1 });
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) {
      throw new LocalStackError(
        `The table already has a profile for ${email} under another Cognito user (the two data stores disagree): run \`npm start -- --reset\` to start clean.`,
      );
    }
    throw error;
  }
}

/** The administrator's domain `Demo`: the one named by a previous run, else one found by name, else a new one. */
export async function provisionDemoDomain(userId: string, email: string, previousId: string | undefined): Promise<string> {
  if (previousId && (await getDomains([previousId])).length === 1) return previousId;
  const memberships = await allMembershipsOfUser(userId);
  const domains = await getDomains(memberships.map((m) => m.domainId));
  const demo = domains.find((d) => d.name === DEMO_DOMAIN_NAME);
  if (demo) return demo.id;
  return (await createDomain({ userId, email }, DEMO_DOMAIN_NAME)).id;
}
