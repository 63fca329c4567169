/** Reading JWT parts without verifying them, for the local adapter's bookkeeping. */

/** The payload of a JWT, or undefined when the string is no JWT. Never trust it for access. */
export function unverifiedPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The user pool id at the end of a Cognito issuer URL (`http://host/<poolId>`). */
export function poolIdOfIssuer(issuer: unknown): string | undefined {
  if (typeof issuer !== 'string') return undefined;
  return issuer.split('/').pop() || undefined;
}
