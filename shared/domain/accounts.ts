/**
 * Making accounts in the user pool. A pool account without an EMAIL# claim in the table is
 * a registration that never proved its address (or an accept that failed half-way): it
 * holds nothing and is always replaceable, so its password never signs in once anyone
 * else (an invitation, an administrator, a newer registration) makes the address's account.
 */
import type { Directory } from '#shared/directory.ts';
import { Conflict } from '#shared/http/errors.ts';
import { userIdByEmail } from '#shared/store/user-store.ts';

/** Creates an account; one found for the address without an email claim is deleted and made again. */
export async function createOrReplaceAccount(
  directory: Pick<Directory, 'createAccount' | 'deleteAccount'>,
  email: string,
  options: Parameters<Directory['createAccount']>[1],
): Promise<string> {
  try {
    return await directory.createAccount(email, options);
  } catch (error) {
    if (!(error instanceof Conflict && error.slug === 'account-exists')) throw error;
    if (await userIdByEmail(email)) throw error;
    await directory.deleteAccount(email);
    return directory.createAccount(email, options);
  }
}
