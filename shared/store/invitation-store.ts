/**
 * Invitations, registration links and their tokens. The invitation record is what
 * administrators list; the token item (keyed by the token's SHA-256) is what a link opens.
 * Single use and max uses are conditional writes on these items, so concurrent accepts
 * cannot both succeed and a link never admits more than maxUses registrations.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict, HttpError } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { decodeCursor } from '#shared/store/cursor.ts';
import { ConcurrentChange, isNamed, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import { ttlOf, withoutKeys } from '#shared/store/keys.ts';
import { queryPage } from '#shared/store/query-page.ts';
import type { HistoryEvent } from '#shared/store/records.ts';

/** An expired invitation stays listed this long, so it can be resent; then TTL removes it. */
export const EXPIRED_KEPT_DAYS = 30;

export interface InvitationRecord {
  id: string;
  domainId: string;
  kind: 'email' | 'link';
  /** The invitee (email invitations). */
  email: string | null;
  role: string | null;
  language: Language | null;
  message: string | null;
  invitedBy: string;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  validDays: number;
  tokenHash: string;
  /**
   * Email invitations: where their email is. `queued` (the outbox holds its mail job), then
   * `sent` (SES took it), `delivery_failed` (rejected, or retries exhausted: `deliveryReason`
   * says why), `bounced` or `complained` (SES's feedback). `pending` and `failed` are the
   * states of invitations stored before the outbox (sent inside the request).
   */
  delivery: 'queued' | 'pending' | 'sent' | 'failed' | 'delivery_failed' | 'bounced' | 'complained' | null;
  /** Why the email was not delivered (delivery_failed, bounced, complained). */
  deliveryReason?: string;
  /** SES's id of the message that mailed the current link (bounces and complaints name it). */
  messageId?: string;
  /** The outbox job that mails the invitation's current link; a new one (resend) supersedes it. */
  mailJobId?: string | null;
  /** Links: how many registrations it admits (null: no limit) and has admitted. */
  maxUses: number | null;
  uses: number;
  allowedEmailDomains: string[] | null;
  version: number;
}

export type TokenKind = 'email' | 'link' | 'set-password' | 'verify-email';

export interface TokenRecord {
  hash: string;
  kind: TokenKind;
  domainId: string;
  invitationId: string | null;
  /** Set-password and verify-email tokens: the account they set a password for or enable. */
  userId: string | null;
  email: string | null;
  expiresAt: string;
  /** pending → claimed (an accept is under way) → used; or revoked (revoke, resend). */
  state: 'pending' | 'claimed' | 'used' | 'revoked';
}

function invitationItem(invitation: InvitationRecord) {
  return {
    ...keys.invitation(invitation.domainId, invitation.id),
    type: 'invitation',
    ...invitation,
    ttl: ttlOf(invitation.expiresAt) + EXPIRED_KEPT_DAYS * 86_400,
  };
}

/** A token item's TTL is its expiry: DynamoDB deletes it some time after (the stream records `invitation.expired`). */
export function tokenItem(token: TokenRecord) {
  return { ...keys.token(token.hash), type: 'token', ...token, ttl: ttlOf(token.expiresAt) };
}

/**
 * The item that outlives a token's TTL delete: only its expiry, kept as long as an expired
 * invitation stays listed. No raw token, no domainId (nothing in it is a domain's data).
 */
export function tokenExpiryItem(token: Pick<TokenRecord, 'hash' | 'expiresAt'>) {
  return { ...keys.tokenExpiry(token.hash), type: 'token-expiry', expiresAt: token.expiresAt, ttl: ttlOf(token.expiresAt) + EXPIRED_KEPT_DAYS * 86_400 };
}

/** The writes that store a new token and its expiry item. */
export function tokenPuts(token: TokenRecord) {
  const table = tableName();
  return [
    { Put: { TableName: table, Item: tokenItem(token), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table, Item: tokenExpiryItem(token) } },
  ];
}

/** For a token that is not in the table: 410 expired when TTL deleted it (its expiry item is left), else undefined (unknown). */
export async function deletedTokenProblem(hash: string): Promise<TokenGone | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.tokenExpiry(hash), ConsistentRead: true }));
  return out.Item ? new TokenGone('expired') : undefined;
}

export async function getToken(hash: string): Promise<TokenRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.token(hash), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as TokenRecord);
}

export async function getInvitation(domainId: string, invitationId: string): Promise<InvitationRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.invitation(domainId, invitationId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as InvitationRecord);
}

export interface InvitationFilter {
  kind?: 'email' | 'link';
  status?: 'pending' | 'expired';
  email?: string;
}

/** A domain's invitations and links, pending or expired (as of `at`), oldest first. */
export async function listInvitations(domainId: string, filter: InvitationFilter, at: string, limit: number, cursor: string | undefined) {
  const { pk } = keys.domain(domainId);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': pk, ':prefix': keys.invitationPrefix };
  const conditions: string[] = [];
  if (filter.kind) {
    names['#kind'] = 'kind';
    values[':kind'] = filter.kind;
    conditions.push('#kind = :kind');
  }
  if (filter.email) {
    names['#email'] = 'email';
    values[':email'] = filter.email.toLowerCase();
    conditions.push('#email = :email');
  }
  if (filter.status) {
    names['#expiresAt'] = 'expiresAt';
    values[':at'] = at;
    conditions.push(filter.status === 'expired' ? '#expiresAt < :at' : '#expiresAt >= :at');
  }
  return queryPage<InvitationRecord>(
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: values,
      ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
    },
    limit,
    decodeCursor(cursor, { pk, sk: { prefix: keys.invitationPrefix } }),
    (item) => ({ pk: item.pk, sk: item.sk }),
  );
}

/** Pending (unexpired) invitations of a domain, all of them: the access review lists them. */
export async function pendingInvitations(domainId: string, at: string): Promise<InvitationRecord[]> {
  const all: InvitationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInvitations(domainId, { status: 'pending' }, at, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Stores an invitation with a fresh token, retiring the token it had (refresh, resend), and
 * the history event, in one transaction. `previous` is the record as read, when it exists.
 */
export async function issueInvitation(
  invitation: InvitationRecord,
  token: TokenRecord,
  previous: InvitationRecord | undefined,
  event: HistoryEvent,
  /** Written in the same transaction: the outbox's mail job (shared/store/mail-job-store.ts), a lifted suppression. */
  extra: NonNullable<Parameters<typeof transact>[0]> = [],
): Promise<void> {
  const table = tableName();
  await transact(
    [
      {
        Put: {
          TableName: table,
          Item: invitationItem(invitation),
          ...(previous
            ? { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': previous.version } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      ...tokenPuts(token),
      ...(previous ? [retireToken(previous.tokenHash)] : []),
      putHistory(invitation.domainId, event),
      ...extra,
    ],
    () => new ConcurrentChange('The invitation'),
  );
}

/** The old token dies at once: still readable, so its link answers "revoked", not "unknown". */
export function retireToken(hash: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.token(hash),
      UpdateExpression: 'SET #state = :revoked',
      ConditionExpression: 'attribute_not_exists(pk) OR #state <> :used',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':revoked': 'revoked', ':used': 'used' },
    },
  };
}

/** Records whether SES took the invitation's email, if the invitation still has that token. */
export async function recordDelivery(invitation: InvitationRecord, delivery: 'sent' | 'failed'): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.invitation(invitation.domainId, invitation.id),
        UpdateExpression: 'SET delivery = :delivery',
        ConditionExpression: 'tokenHash = :hash',
        ExpressionAttributeValues: { ':delivery': delivery, ':hash': invitation.tokenHash },
      }),
    );
  } catch (error) {
    // Resent or revoked meanwhile: the newer state stands.
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
  }
}

/** Revokes an invitation or link: its record goes (history keeps it) and its token dies. */
export async function revokeInvitation(invitation: InvitationRecord, event: HistoryEvent): Promise<void> {
  await transact(
    [
      {
        Delete: {
          TableName: tableName(),
          Key: keys.invitation(invitation.domainId, invitation.id),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': invitation.version },
        },
      },
      retireToken(invitation.tokenHash),
      putHistory(invitation.domainId, event),
    ],
    () => new ConcurrentChange('The invitation'),
  );
}

/** Why a token cannot be claimed: 410 with a problem type per reason. */
export class TokenGone extends HttpError {
  constructor(readonly reason: 'used' | 'revoked' | 'expired') {
    const detail = {
      used: 'This link has been used already. Sign in, or ask for a new invitation.',
      revoked: 'This link was withdrawn by an administrator, or replaced by a newer one. Ask for a new invitation.',
      expired: 'This link has expired. Ask an administrator of the domain to send it again.',
    }[reason];
    super(410, `invitation-${reason}`, `Invitation ${reason}`, detail);
  }
}

/** What a token's state and expiry say about opening it at `at`; undefined when it can be used. */
export function tokenProblem(token: TokenRecord, at: string): TokenGone | undefined {
  if (token.state === 'used' || token.state === 'claimed') return new TokenGone('used');
  if (token.state === 'revoked') return new TokenGone('revoked');
  // TTL deletes expired items hours or days late: expiry is decided here, on read.
  if (token.expiresAt <= at) return new TokenGone('expired');
  return undefined;
}

/**
 * Claims a single-use token for one accept: only one of any number of concurrent claims
 * succeeds (the condition on `state`); the others learn why the token is gone.
 */
export async function claimToken(hash: string, at: string): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.token(hash),
        UpdateExpression: 'SET #state = :claimed, claimedAt = :at',
        ConditionExpression: '#state = :pending AND expiresAt > :at',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': 'pending', ':at': at },
      }),
    );
  } catch (error) {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    const token = await getToken(hash);
    throw (token && tokenProblem(token, at)) ?? new TokenGone('used');
  }
}

/** Gives a claimed token back when the accept failed after the claim (a weak password, a taken email). */
export async function releaseToken(hash: string): Promise<void> {
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.token(hash),
      UpdateExpression: 'SET #state = :pending REMOVE claimedAt',
      ConditionExpression: '#state = :claimed',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': 'pending' },
    }),
  ).catch((error: unknown) => {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
  });
}

/**
 * Takes one use of a registration link: `uses` only grows while below `maxUses` and while
 * the link still has this token, so exactly maxUses registrations get through a race.
 */
export async function claimLinkUse(link: InvitationRecord, at: string): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.invitation(link.domainId, link.id),
        UpdateExpression: 'SET uses = uses + :one',
        ConditionExpression: 'tokenHash = :hash AND expiresAt > :at AND (attribute_type(maxUses, :null) OR uses < maxUses)',
        ExpressionAttributeValues: { ':one': 1, ':hash': link.tokenHash, ':at': at, ':null': 'NULL' },
      }),
    );
  } catch (error) {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    const current = await getInvitation(link.domainId, link.id);
    if (!current || current.tokenHash !== link.tokenHash) throw new TokenGone('revoked');
    if (current.expiresAt <= at) throw new TokenGone('expired');
    throw new TokenGone('used');
  }
}

/** Gives a link use back when the registration failed after taking it. */
export async function releaseLinkUse(link: InvitationRecord): Promise<void> {
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.invitation(link.domainId, link.id),
      UpdateExpression: 'SET uses = uses - :one',
      ConditionExpression: 'uses > :zero',
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    }),
  ).catch((error: unknown) => {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
  });
}

/** The writes that close an accept: the token used, and an email invitation's record gone. */
export function acceptanceItems(token: TokenRecord) {
  const table = tableName();
  const items: NonNullable<Parameters<typeof transact>[0]> = [];
  if (token.kind !== 'link') {
    items.push({
      Update: {
        TableName: table,
        Key: keys.token(token.hash),
        UpdateExpression: 'SET #state = :used',
        ConditionExpression: '#state = :claimed',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':used': 'used', ':claimed': 'claimed' },
      },
    });
  }
  if (token.kind === 'email' && token.invitationId) {
    items.push({ Delete: { TableName: table, Key: keys.invitation(token.domainId, token.invitationId) } });
  }
  return { items, explain: () => new Conflict('The invitation changed while it was being accepted; open the link again.', 'invitation-changed') };
}

/** Stores a set-password token on its own (the first administrator of a new stack). */
export async function putToken(token: TokenRecord): Promise<void> {
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: tokenItem(token), ConditionExpression: 'attribute_not_exists(pk)' }));
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: tokenExpiryItem(token) }));
}
