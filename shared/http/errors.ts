/**
 * Typed HTTP errors. Domain and store code throw these (or subclasses); one middleware
 * renders them as RFC 9457 problem+json. Anything else becomes a 500 without detail.
 */

export interface FieldError {
  path: string;
  message: string;
}

export const PROBLEM_BASE = 'https://gatehouse.dev/problems/';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Short slug naming the kind of problem; becomes the problem `type` URI. */
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Extension members of the problem body (RFC 9457 section 3.2), such as `assetsHeld`. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = new.target.name;
  }

  get type(): string {
    return PROBLEM_BASE + this.slug;
  }
}

export class BadRequest extends HttpError {
  constructor(detail: string, errors?: FieldError[]) {
    super(400, 'invalid-input', 'Invalid input', detail, errors);
  }
}

export class Unauthorized extends HttpError {
  constructor(detail = 'Sign in again: the request has no valid ID token.') {
    // RFC 9110: a 401 names the scheme that would work.
    super(401, 'unauthorized', 'Unauthorized', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
}

export class Forbidden extends HttpError {
  constructor(detail: string, slug = 'forbidden') {
    super(403, slug, 'Forbidden', detail);
  }
}

export class PermissionMissing extends HttpError {
  constructor(readonly permission: string) {
    super(403, 'permission-missing', 'Permission missing', `This needs the permission '${permission}', which your role in this domain does not grant.`);
  }
}

export class NotFound extends HttpError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not found', detail);
  }
}

export class MethodNotAllowed extends HttpError {
  constructor(detail: string, allow: string[]) {
    super(405, 'method-not-allowed', 'Method not allowed', detail, undefined, { Allow: allow.join(', ') });
  }
}

export class Conflict extends HttpError {
  constructor(detail: string, slug = 'conflict') {
    super(409, slug, 'Conflict', detail);
  }
}

/** A 409 whose problem body carries extension members the client can act on. */
export class ConflictWith extends HttpError {
  constructor(detail: string, slug: string, extensions: Record<string, unknown>) {
    super(409, slug, 'Conflict', detail, undefined, undefined, extensions);
  }
}

/**
 * A role id the domain does not have: one answer (400 `unknown-role`) on every route that
 * takes a role, naming each offending field and where the domain's roles are listed.
 */
export class UnknownRole extends HttpError {
  constructor(domainId: string, unknown: readonly { role: string; path: string }[], hint = '') {
    // A CSV cell can hold anything: the detail quotes a few roles, each cut short.
    const roles = [...new Set(unknown.map((u) => (u.role === '' ? '(empty)' : `'${u.role.slice(0, 64)}'`)))];
    const named = roles.length <= 5 ? roles.join(', ') : `${roles.slice(0, 5).join(', ')} and ${roles.length - 5} more`;
    super(
      400,
      'unknown-role',
      'Unknown role',
      `${roles.length === 1 ? 'There is no role' : 'There are no roles'} ${named} in this domain; GET /domains/${domainId}/roles lists its roles.${hint ? ` ${hint}` : ''}`,
      unknown.map((u) => ({ path: u.path, message: u.role === '' ? 'is empty: name a role of this domain' : 'is not a role of this domain' })),
    );
  }
}

export class VersionMismatch extends HttpError {
  constructor(current?: number) {
    super(
      412,
      'version-mismatch',
      'Version mismatch',
      current === undefined
        ? 'The resource changed since you read it: read it again and retry with its new ETag.'
        : `The resource is at version ${current} now: read it again and retry with its new ETag.`,
    );
  }
}

export class PayloadTooLarge extends HttpError {
  constructor(limit: number) {
    super(413, 'payload-too-large', 'Payload too large', `The request body is larger than ${limit} bytes; send less.`);
  }
}

export class UnsupportedMediaType extends HttpError {
  constructor(detail: string) {
    super(415, 'unsupported-media-type', 'Unsupported media type', detail);
  }
}
