/**
 * Authorization: who the caller is (from the authorizer's claims) and what the route's
 * access rule says about them. A domain-scoped route costs one DynamoDB read (a
 * BatchGetItem of the domain, the caller's membership and profile), made on every request
 * so that a role change, a deactivation or a session cut-off applies to the very next
 * request with the same token; any other signed-in route reads the profile (one GetItem).
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { rolePreset } from '#shared/config.ts';
import { grantsOf } from '#shared/domain/roles.ts';
import { Forbidden, NotFound, PermissionMissing, Unauthorized } from '#shared/http/errors.ts';
import { type Access, requiredPermissions } from '#shared/http/route.ts';
import { allows, type Grant } from '#shared/permissions.ts';
import { now } from '#shared/clock.ts';
import { logger } from '#shared/http/logger.ts';
import { issuedAtOf, requireLiveSession } from '#shared/domain/sessions.ts';
import { loadCallerAccess } from '#shared/store/domain-store.ts';
import { touchLastActive } from '#shared/store/member-store.ts';
import type { DomainRecord, MembershipRecord, UserRecord } from '#shared/store/records.ts';
import { getUser } from '#shared/store/user-store.ts';

export interface Caller {
  userId: string;
  email: string;
  /** The ID token's `iat`, epoch seconds: compared with the profile's session cut-off. */
  issuedAt?: number;
}

export interface DomainAccess {
  domain: DomainRecord;
  membership: MembershipRecord;
  grants: Grant[];
}

/**
 * Marks the member active today: a write only when the stored lastActiveAt is from an
 * earlier day (UTC), so at most one write a day per membership, never one per request.
 */
async function refreshLastActive(membership: MembershipRecord): Promise<void> {
  const at = now().toISOString();
  const today = `${at.slice(0, 10)}T00:00:00.000Z`;
  if (membership.lastActiveAt !== null && membership.lastActiveAt >= today) return;
  try {
    await touchLastActive(membership, at, today);
    membership.lastActiveAt = at;
  } catch (error) {
    // Activity tracking must never cost the member the request itself.
    logger().warn('lastActiveAt not refreshed', { error: error as Error });
  }
}

/** The caller from the Cognito authorizer's claims (the local gateway builds the same). */
export function callerFromEvent(event: APIGatewayProxyEvent): Caller {
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  const userId = claims?.sub;
  const email = claims?.email;
  // Without `iat` no cut-off can be checked: such a token is not one the pool issued.
  const issuedAt = issuedAtOf(claims?.iat);
  if (typeof userId !== 'string' || userId === '' || typeof email !== 'string' || issuedAt === undefined) throw new Unauthorized();
  return { userId, email: email.toLowerCase(), issuedAt };
}

/** The caller's profile (one GetItem), after the session cut-off check: 401 for an ended session or a deleted account. */
export async function loadCaller(caller: Caller): Promise<UserRecord> {
  return requireLiveSession(caller.issuedAt ?? 0, await getUser(caller.userId));
}

/** Answers 403 unless the caller's profile holds the customer-level owner flag. */
export function requireOwner(user: UserRecord): UserRecord {
  if (!user.owner) throw new Forbidden('Only an owner of this organisation can do this.', 'owner-required');
  return user;
}

/**
 * Checks the caller's session and membership in a domain against a route's access rule:
 * 401 for an ended session, 404 for a non-member (never revealing whether the domain
 * exists), 403 for an inactive member, for a pending one outside `GET /domains/{d}`, and
 * for a missing permission (named). Answers the caller's profile with the access.
 */
export async function authorizeDomain(caller: Caller, domainId: string, access: Access): Promise<DomainAccess & { user: UserRecord }> {
  const { domain, membership, user: profile } = await loadCallerAccess(domainId, caller.userId);
  const user = requireLiveSession(caller.issuedAt ?? 0, profile);
  if (!domain || !membership) throw new NotFound(`No domain ${domainId} that you belong to.`);
  if (membership.status === 'inactive') {
    throw new Forbidden('Your membership in this domain is inactive; ask one of its administrators to reactivate it.', 'membership-inactive');
  }
  await refreshLastActive(membership);
  const grants = membership.status === 'active' ? grantsOf(domain, rolePreset(), membership.role) : [];
  if (access !== 'domainMember') {
    if (membership.status === 'pending') {
      throw new Forbidden('Your registration is waiting for an administrator to give you a role.', 'membership-pending');
    }
    const missing = requiredPermissions(access).find((permission) => !allows(grants, permission));
    if (missing) throw new PermissionMissing(missing);
  }
  return { domain, membership, grants, user };
}
