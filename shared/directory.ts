/**
 * The Directory: the user pool, behind a port, so domain code says what should happen to
 * an account (disable, enable) and the adapter says how. Accounts are addressed by email,
 * which is the pool's username attribute.
 */
import { AdminDisableUserCommand, AdminEnableUserCommand, AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from '#shared/clients/cognito.ts';
import { userPoolId } from '#shared/config.ts';
import { isNamed } from '#shared/store/dynamo.ts';

export interface Directory {
  /** Disables the account and signs it out everywhere (its refresh tokens stop working). */
  disableUser(email: string): Promise<void>;
  /** Enables the account again. */
  enableUser(email: string): Promise<void>;
}

/** An account already gone from the pool needs neither disabling nor enabling. */
const ignoreMissing = (error: unknown) => {
  if (!isNamed(error, 'UserNotFoundException')) throw error;
};

export const cognitoDirectory: Directory = {
  async disableUser(email) {
    const pool = userPoolId();
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: pool, Username: email })).catch(ignoreMissing);
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool, Username: email })).catch(ignoreMissing);
  },
  async enableUser(email) {
    await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId(), Username: email })).catch(ignoreMissing);
  },
};
