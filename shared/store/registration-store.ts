/**
 * Registrations through a link that wait for their address to be verified. One item per
 * address names the Cognito account holding the chosen password (created disabled) and the
 * hash of the one verification token that may complete it; a newer registration, an
 * invitation or an administrator's add for the address replaces or drops it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { isNamed, transact } from '#shared/store/dynamo.ts';
import { retireToken, type TokenRecord, tokenPuts } from '#shared/store/invitation-store.ts';
import * as keys from '#shared/store/key-formats.ts';
import { ttlOf, withoutKeys } from '#shared/store/keys.ts';

export interface RegistrationRecord {
  email: string;
  /** The `sub` of the disabled Cognito account that holds the chosen password. */
  userId: string;
  /** SHA-256 of the verification token that may complete this registration; any other is dead. */
  tokenHash: string;
  domainId: string;
  invitationId: string;
  name: string;
  language: Language;
  createdAt: string;
  expiresAt: string;
}

/** The registration waiting on an address, if any. */
export async function getRegistration(email: string): Promise<RegistrationRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.registration(email), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as RegistrationRecord);
}

/**
 * Stores a registration and its verification token, replacing the address's earlier
 * registration (as read: `previous`) and killing its token, in one transaction.
 */
export async function putRegistration(registration: RegistrationRecord, token: TokenRecord, previous: RegistrationRecord | undefined): Promise<void> {
  await transact(
    [
      {
        Put: {
          TableName: tableName(),
          // domainId lets the local TTL sweep of one domain reach it, as it reaches the token.
          Item: { ...keys.registration(registration.email), type: 'registration', ...registration, ttl: ttlOf(registration.expiresAt) },
          ...(previous
            ? { ConditionExpression: 'tokenHash = :previous', ExpressionAttributeValues: { ':previous': previous.tokenHash } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      ...tokenPuts(token),
      ...(previous ? [retireToken(previous.tokenHash)] : []),
    ],
    () => new Conflict(`Another registration for ${registration.email} was made at the same moment; send yours again.`, 'registration-changed'),
  );
}

/** The write that ends a registration as it completes: only while `tokenHash` is still its current token. */
export function registrationCompletedItem(email: string, tokenHash: string) {
  return {
    Delete: {
      TableName: tableName(),
      Key: keys.registration(email),
      ConditionExpression: 'tokenHash = :hash',
      ExpressionAttributeValues: { ':hash': tokenHash },
    },
  };
}

/**
 * Drops the address's waiting registration and kills its verification token: an invitation
 * or an administrator now decides about the address. Answers whether there was one.
 */
export async function dropRegistration(email: string): Promise<boolean> {
  const registration = await getRegistration(email);
  if (!registration) return false;
  try {
    await transact([registrationCompletedItem(email, registration.tokenHash), retireToken(registration.tokenHash)], () => new Conflict('changed'));
  } catch (error) {
    // Replaced or completed meanwhile: the newer state stands.
    if (!(error instanceof Conflict) && !isNamed(error, 'TransactionConflict')) throw error;
  }
  return true;
}
