/**
 * The HTTP limits of every SDK client. Without them a dependency that accepts the connection
 * and never answers holds the call until the function's own timeout, which then answers
 * nobody (the deploy's custom resource, functions/bootstrap). With them the call fails with a
 * TimeoutError, the SDK retries it, and the caller learns of the failure while it can still
 * act on it. `throwOnRequestTimeout`: without it the SDK only logs a warning.
 */
export const HTTP_LIMITS = { connectionTimeout: 3_000, requestTimeout: 8_000, throwOnRequestTimeout: true } as const;
