/** Problem types (RFC 9457 answers of the API) as sentences a person can act on. */
import type { Messages } from '#shared/mail/messages/catalog.ts';

/** The sentence for a problem slug; `detail` is the API's own words, used where no sentence is written. */
export function sentence(strings: Messages['pages'], slug: string, detail: string): string {
  const p = strings.problems;
  switch (slug) {
    case 'invitation-used':
      return p.invitationUsed;
    case 'invitation-revoked':
      return p.invitationRevoked;
    case 'invitation-expired':
      return p.invitationExpired;
    case 'not-found':
      return p.notFound;
    case 'account-exists':
      return p.accountExists;
    case 'email-domain-not-allowed':
      return p.emailDomainNotAllowed;
    case 'wrong-account':
      return p.wrongAccount;
    case 'already-member':
      return p.alreadyMember;
    case 'registration-changed':
    case 'invitation-changed':
    case 'conflict':
    case 'busy':
      return p.changed;
    case 'daily-email-limit':
      return p.dailyEmailLimit;
    case 'throttled':
      return p.throttled;
    case 'invalid-input':
      return p.invalidInput(detail);
    case 'no-token':
      return p.noToken;
    case 'unreachable':
      return p.unreachable;
    // The console's member page (web/src/console/member.ts).
    case 'last-admin':
      return p.lastAdmin;
    case 'version-mismatch':
      return p.versionMismatch;
    case 'member-holds-assets':
      return p.memberHoldsAssets;
    case 'password-already-set':
      return p.passwordAlreadySet;
    case 'grant-exceeds-own':
      return p.grantExceedsOwn;
    case 'target-exceeds-own':
      return p.targetExceedsOwn;
    default:
      return p.unexpected(detail);
  }
}

/** The fields a 400 names (`body.name`, `path.token`, ...), each with the API's words. */
export function fieldErrors(problem: object): { path: string; message: string }[] {
  const errors = (problem as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as { path: string; message: string }[]) : [];
}
