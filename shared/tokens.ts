/**
 * Invitation, registration-link and set-password tokens: 256 random bits from the CSPRNG,
 * base64url. Only the SHA-256 of a token is stored, so a copy of the table opens nothing;
 * a token itself exists only in the email or the link, and never in a log line.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
