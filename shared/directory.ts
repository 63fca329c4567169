/**
 * The Directory: the user pool, behind a port, so domain code says what should happen to
 * an account and the adapter says how. Accounts are addressed by email, the pool's
 * username attribute. Nobody ever gets a temporary password from here: accounts are created
 * with the password their owner chose, or without one until a set-password link is used.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from '#shared/clients/cognito.ts';
import { userPoolId } from '#shared/config.ts';
import { BadRequest, Conflict } from '#shared/http/errors.ts';
import { isNamed } from '#shared/store/dynamo.ts';

export interface Directory {
  /** Disables the account and signs it out everywhere (its refresh tokens stop working). */
  disableUser(email: string): Promise<void>;
  /** Enables the account again. */
  enableUser(email: string): Promise<void>;
  /**
   * Creates an account and answers its id (`sub`): with the chosen password when given
   * (permanent), else with none usable until a set-password link sets one. With `enabled:
   * false` it is disabled before any password is set (a registration waiting on its address).
   */
  createAccount(email: string, options: { password?: string; emailVerified: boolean; enabled?: boolean }): Promise<string>;
  /** The account's id (`sub`) for an address, undefined when there is none. */
  accountId(email: string): Promise<string | undefined>;
  /** Marks the account's address verified (the owner proved it by a link sent there). */
  markEmailVerified(email: string): Promise<void>;
  /** Sets the account's permanent password and marks its email verified (a set-password link was used). */
  setPassword(email: string, password: string): Promise<void>;
  /** Removes an account created for an accept that then failed. */
  deleteAccount(email: string): Promise<void>;
  /** Signs the account out everywhere: its refresh tokens stop working (ID tokens: see shared/domain/sessions.ts). */
  signOut(email: string): Promise<void>;
  /** Replaces the account's password (permanent) and changes nothing else: a password reset. */
  resetPassword(email: string, password: string): Promise<void>;
}

/** An account already gone from the pool needs neither disabling nor enabling. */
const ignoreMissing = (error: unknown) => {
  if (!isNamed(error, 'UserNotFoundException')) throw error;
};

/** Cognito's password refusal, as a 400 the person can act on. */
function passwordRefused(error: unknown): never {
  if (isNamed(error, 'InvalidPasswordException')) {
    throw new BadRequest(`The password does not meet the policy: ${(error as Error).message}`, [{ path: 'body.password', message: (error as Error).message }]);
  }
  throw error;
}

/** Disables the account and signs it out everywhere. */
export async function disableUser(email: string): Promise<void> {
  const pool = userPoolId();
  await cognito.send(new AdminDisableUserCommand({ UserPoolId: pool, Username: email })).catch(ignoreMissing);
  await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool, Username: email })).catch(ignoreMissing);
}

export async function enableUser(email: string): Promise<void> {
  await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId(), Username: email })).catch(ignoreMissing);
}

export async function createAccount(email: string, { password, emailVerified, enabled = true }: { password?: string; emailVerified: boolean; enabled?: boolean }): Promise<string> {
  const pool = userPoolId();
  let created;
  try {
    created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: pool,
        Username: email,
        // No invitation email from Cognito and no temporary password for anyone: Gatehouse sends its own links.
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: String(emailVerified) },
        ],
      }),
    );
  } catch (error) {
    if (isNamed(error, 'UsernameExistsException')) {
      throw new Conflict(`An account exists for ${email} already: sign in, then open the link again.`, 'account-exists');
    }
    throw error;
  }
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('The user pool created an account without a sub');
  // Disabled before the password exists, so no moment lets the chosen password sign in.
  if (!enabled) await cognito.send(new AdminDisableUserCommand({ UserPoolId: pool, Username: email }));
  if (password !== undefined) {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: password, Permanent: true })).catch(async (error: unknown) => {
      await deleteAccount(email);
      passwordRefused(error);
    });
  }
  return sub;
}

export async function setPassword(email: string, password: string): Promise<void> {
  const pool = userPoolId();
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: password, Permanent: true })).catch(passwordRefused);
  // The address comes along unchanged: Cognito takes email_verified with the attribute it verifies.
  await cognito.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: pool,
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
}

/** The account's `sub` for an address; undefined when the pool has none. */
export async function accountId(email: string): Promise<string | undefined> {
  try {
    const out = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: email }));
    return out.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  } catch (error) {
    if (isNamed(error, 'UserNotFoundException')) return undefined;
    throw error;
  }
}

/** Sets email_verified true (the address is given along unchanged, as Cognito wants it with the flag). */
export async function markEmailVerified(email: string): Promise<void> {
  await cognito.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: userPoolId(),
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
}

export async function deleteAccount(email: string): Promise<void> {
  await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId(), Username: email })).catch(ignoreMissing);
}

export async function signOut(email: string): Promise<void> {
  await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId(), Username: email })).catch(ignoreMissing);
}

export async function resetPassword(email: string, password: string): Promise<void> {
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId(), Username: email, Password: password, Permanent: true })).catch(passwordRefused);
}

/**
 * Every operation, for callers that need most of them (the sweeps, tests). A handler passes
 * only the operations its route uses, so its bundle holds only those commands.
 */
export const cognitoDirectory: Directory = { disableUser, enableUser, createAccount, setPassword, deleteAccount, signOut, resetPassword, accountId, markEmailVerified };
