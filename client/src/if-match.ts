/**
 * `If-Match` for a conditional update from what was read before: a resource body with its
 * `version`, a Response with an ETag, or an openapi-fetch result (its response's ETag). A
 * stale value makes the API answer 412 version-mismatch instead of overwriting a newer change.
 */
export function ifMatch(from: { version: number } | Response | { response: Response }): { 'If-Match': string } {
  if ('version' in from && typeof from.version === 'number') return { 'If-Match': `"${from.version}"` };
  const response = from instanceof Response ? from : (from as { response: Response }).response;
  const etag = response.headers.get('ETag');
  // A browser sees ETag only if CORS exposes it (the API does: Access-Control-Expose-Headers).
  if (!etag) throw new Error(`ifMatch: the response of ${response.url || 'the request'} has no ETag header; pass the resource body (with its version) instead.`);
  return { 'If-Match': etag };
}
