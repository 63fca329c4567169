/**
 * The catalogue of problem types: every `type` a problem+json answer of this API can carry
 * (`https://gatehouse.dev/problems/<slug>`), with its status, what it means and what a client
 * should do. The OpenAPI document publishes it (`x-gatehouse-problems` and each operation's
 * error responses) and README links it. Only the document generator and the tests import
 * this module: functions carry the slugs they throw, not these sentences.
 */

export interface ProblemType {
  status: number;
  title: string;
  /** What happened, in a sentence. */
  meaning: string;
  /** What the client (or the person at it) should do. */
  action: string;
}

export const PROBLEMS = {
  'invalid-input': {
    status: 400,
    title: 'Invalid input',
    meaning: 'A path parameter, query parameter, header or body field is missing or malformed. `errors` lists each one with its path (`body.email`, `query.limit`) and what it must be.',
    action: 'Show each message next to its field and let the person correct it; do not retry unchanged.',
  },
  'unknown-role': {
    status: 400,
    title: 'Unknown role',
    meaning: 'The request names a role that the domain does not have (it never existed, or was deleted). Every route that takes a role answers this way; `errors` points at the field or CSV row.',
    action: 'Offer the roles of GET /domains/{domainId}/roles and send one of their ids.',
  },
  'bad-request': {
    status: 400,
    title: 'Bad request',
    meaning: 'API Gateway refused the request before it reached the API (a malformed request line or header).',
    action: 'Fix the request; the detail says what the gateway saw.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    meaning: 'The request has no ID token, or one that is expired, forged, from another pool, or issued before the user signed out everywhere.',
    action: 'Refresh the tokens or sign the person in again, then retry.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    meaning: 'The caller may not do this, for a reason the detail gives.',
    action: 'Do not retry; tell the person why, or hide the action.',
  },
  'permission-missing': {
    status: 403,
    title: 'Permission missing',
    meaning: "The caller's role in the domain does not grant the permission the route needs (named in the detail).",
    action: 'Hide the action for this role (GET /me lists the permissions per domain), or ask an administrator for a role that grants it.',
  },
  'membership-inactive': {
    status: 403,
    title: 'Forbidden',
    meaning: "The caller's membership in the domain is deactivated.",
    action: 'Tell the person to ask one of the domain\'s administrators to reactivate them.',
  },
  'membership-pending': {
    status: 403,
    title: 'Forbidden',
    meaning: "The caller registered through a link and is waiting for an administrator to give them a role.",
    action: 'Show a waiting page; the member becomes active when an administrator assigns a role.',
  },
  'owner-required': {
    status: 403,
    title: 'Forbidden',
    meaning: 'Only an owner of the organisation (the customer) may do this.',
    action: 'Hide the action for non-owners (GET /me says `owner`).',
  },
  'grant-exceeds-own': {
    status: 403,
    title: 'Forbidden',
    meaning: 'The role to be given (or created) grants permissions the caller does not hold: no one hands out more than they have.',
    action: 'Pick a role within the caller\'s own permissions, or ask an administrator.',
  },
  'target-exceeds-own': {
    status: 403,
    title: 'Forbidden',
    meaning: 'The member to be changed holds permissions the caller does not: no one acts on a member above them.',
    action: 'Ask an administrator to make the change.',
  },
  'email-domain-not-allowed': {
    status: 403,
    title: 'Forbidden',
    meaning: "The registration link admits only some email domains, and the address is not in one of them.",
    action: 'Register with an address of an allowed domain, or ask for an email invitation.',
  },
  'wrong-account': {
    status: 403,
    title: 'Forbidden',
    meaning: 'The invitation was sent to another address than the signed-in account\'s.',
    action: 'Sign out and open the link again, or sign in with the invited address.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning: 'No such resource, or none the caller may know of: a domain the caller does not belong to answers the same as one that does not exist.',
    action: 'Check the ids; refresh the list the id came from.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    meaning: 'The path exists, but not with this method; `Allow` lists the methods it has.',
    action: 'Use one of the methods in `Allow`.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    meaning: 'A generated id collided with an existing one (very rare).',
    action: 'Retry the request as it is.',
  },
  busy: {
    status: 409,
    title: 'Conflict',
    meaning: 'Other changes to the same domain kept getting in the way of this one, five times in a row.',
    action: 'Retry the request after a moment.',
  },
  'account-exists': {
    status: 409,
    title: 'Conflict',
    meaning: 'The address has an account already, so the link cannot create one.',
    action: 'Sign in with that account, then open the link again.',
  },
  'account-changed': {
    status: 409,
    title: 'Conflict',
    meaning: 'The account for the address changed while the member was being added.',
    action: 'Retry the request.',
  },
  'already-exists': {
    status: 409,
    title: 'Conflict',
    meaning: 'A user with this id or address exists already.',
    action: 'Use the existing user.',
  },
  'already-member': {
    status: 409,
    title: 'Conflict',
    meaning: 'The person is a member of the domain already.',
    action: 'Open the member instead; change their role there if needed.',
  },
  'registration-changed': {
    status: 409,
    title: 'Conflict',
    meaning: 'Another registration for the same address was made at the same moment.',
    action: 'Send the registration again; the latest one counts.',
  },
  'invitation-changed': {
    status: 409,
    title: 'Conflict',
    meaning: 'The invitation changed (resent, revoked or used) while this request ran.',
    action: 'Read the invitation again and retry if it still applies.',
  },
  'password-already-set': {
    status: 409,
    title: 'Conflict',
    meaning: 'The member has set a password already, so no set-password email is needed.',
    action: 'Tell them to sign in, or to use "forgot password".',
  },
  'last-admin': {
    status: 409,
    title: 'Conflict',
    meaning: 'The change would leave the domain without an active administrator.',
    action: 'Give another member an administrator role first.',
  },
  'role-required': {
    status: 409,
    title: 'Conflict',
    meaning: 'A pending member becomes active only with a role.',
    action: 'Send a role with the change.',
  },
  'role-in-use': {
    status: 409,
    title: 'Conflict',
    meaning: 'Members still hold the role, so it cannot be deleted.',
    action: 'Give those members another role first.',
  },
  'role-name-taken': {
    status: 409,
    title: 'Conflict',
    meaning: 'Another role of the domain has this name.',
    action: 'Choose another name.',
  },
  'built-in-role': {
    status: 409,
    title: 'Conflict',
    meaning: 'Built-in roles cannot be edited or deleted.',
    action: 'Create a custom role instead.',
  },
  'too-many-roles': {
    status: 409,
    title: 'Conflict',
    meaning: 'The domain has as many custom roles as it may hold.',
    action: 'Delete a custom role first.',
  },
  'member-holds-assets': {
    status: 409,
    title: 'Conflict',
    meaning: 'The member still holds assets; `assetsHeld` lists them.',
    action: 'Check the assets in first, or remove the member with ?force=true to keep the assets listed against their name.',
  },
  'asset-checked-out': {
    status: 409,
    title: 'Conflict',
    meaning: 'The asset is checked out to someone already.',
    action: 'Check it in first, or choose another asset.',
  },
  'asset-not-checked-out': {
    status: 409,
    title: 'Conflict',
    meaning: 'The asset is not checked out, so it cannot be checked in.',
    action: 'Refresh the asset; nothing needs doing.',
  },
  'holder-not-active': {
    status: 409,
    title: 'Conflict',
    meaning: 'Assets are checked out to active members only, and the chosen holder is not one.',
    action: 'Choose an active member.',
  },
  'reservation-overlaps': {
    status: 409,
    title: 'Conflict',
    meaning: 'The asset is reserved for part of the requested time.',
    action: 'Choose another time (GET the reservations to see which are taken).',
  },
  'tag-taken': {
    status: 409,
    title: 'Conflict',
    meaning: 'Another asset of the domain has this tag, whatever its case.',
    action: 'Choose another tag.',
  },
  'unknown-location': {
    status: 409,
    title: 'Conflict',
    meaning: 'The location named does not exist in the domain (any more).',
    action: 'Choose a location from GET /domains/{domainId}/locations.',
  },
  'invitation-role-deleted': {
    status: 409,
    title: 'Conflict',
    meaning: "The invitation's role was deleted after it was sent, so it cannot be resent as it is.",
    action: 'Revoke it and invite again with an existing role.',
  },
  'location-not-empty': {
    status: 409,
    title: 'Conflict',
    meaning: 'Assets are still kept at the location.',
    action: 'Move those assets elsewhere first.',
  },
  'invitation-used': {
    status: 410,
    title: 'Invitation used',
    meaning: 'The link has been used already (or a registration link reached its maximum uses).',
    action: 'Sign in, or ask an administrator of the domain for a new invitation.',
  },
  'invitation-revoked': {
    status: 410,
    title: 'Invitation revoked',
    meaning: 'An administrator withdrew the link, or a newer one replaced it.',
    action: 'Ask an administrator of the domain for a new invitation.',
  },
  'invitation-expired': {
    status: 410,
    title: 'Invitation expired',
    meaning: 'The link is past its validity.',
    action: 'Ask an administrator of the domain to send it again.',
  },
  'reset-link-used': {
    status: 410,
    title: 'Reset link used',
    meaning: 'The password reset link has been used already.',
    action: 'Sign in with the new password, or ask for a new link.',
  },
  'reset-link-expired': {
    status: 410,
    title: 'Reset link expired',
    meaning: 'The password reset link is older than an hour.',
    action: 'Ask for a new link.',
  },
  'reset-link-replaced': {
    status: 410,
    title: 'Reset link replaced',
    meaning: 'A newer password reset link was sent to the address since.',
    action: 'Use the link in the latest email.',
  },
  'version-mismatch': {
    status: 412,
    title: 'Version mismatch',
    meaning: 'The resource changed since the client read it: the `If-Match` ETag names an older version.',
    action: 'Read the resource again, show the person what changed, and retry with the new ETag.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    meaning: 'The body is larger than the route takes (16 KiB of JSON, 64 KiB of CSV).',
    action: 'Send less: split a long list into several requests.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning: 'The body is not in a media type the route takes (application/json; text/csv where documented).',
    action: 'Send the body with a Content-Type the operation documents.',
  },
  throttled: {
    status: 429,
    title: 'Too many requests',
    meaning: "API Gateway is answering more requests than the stack's throttling limit allows.",
    action: 'Retry after the seconds in `Retry-After`, with backoff.',
  },
  'daily-email-limit': {
    status: 429,
    title: 'Too many invitation emails today',
    meaning: 'The domain would go past its daily limit of invitation emails.',
    action: 'Send fewer, or the rest after `Retry-After` seconds (midnight UTC).',
  },
  'password-reset-limit': {
    status: 429,
    title: 'Too many password reset requests',
    meaning: 'Too many reset emails went to this address in the last hour.',
    action: 'Use the latest email, or retry after `Retry-After` seconds.',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    meaning: 'Something failed on the server side. The body carries `requestId`.',
    action: 'Retry later; if it persists, report the request id to the operator.',
  },
  'bad-gateway': {
    status: 502,
    title: 'Bad gateway',
    meaning: 'The function failed or gave no valid response (API Gateway answered for it).',
    action: 'Retry later; if it persists, report the request id.',
  },
  'gateway-timeout': {
    status: 504,
    title: 'Gateway timeout',
    meaning: 'The function did not answer within API Gateway\'s 29 seconds.',
    action: 'Retry later; if it persists, report the request id.',
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemSlug = keyof typeof PROBLEMS;
