/**
 * Building blocks for request and response schemas. zod/mini keeps each function's bundle
 * small (SPEC section 10); the same schemas validate requests and generate OpenAPI.
 */
import * as z from 'zod/mini';

export const LANGUAGES = ['en', 'fi', 'fr', 'sv', 'de'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

/** Ids in paths: what Gatehouse issues (UUIDs, role slugs, Cognito subs). */
export const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id: 1 to 64 letters, digits, - or _'));

export const domainParams = z.strictObject({ domainId: id });

export const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100, 'must be at most 100 characters'));
export const email = z.email('must be an email address').check(z.maxLength(254), z.toLowerCase());
export const isoTime = z.iso.datetime();

/** `limit` (1-100, default 25) and an opaque `cursor`, as every list takes them. */
export const pageQuery = z.strictObject({
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')),
      z.pipe(z.transform(Number), z.int().check(z.gte(1, 'must be at least 1'), z.lte(100, 'must be at most 100'))),
    ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048, 'is not a cursor this API issued'))),
});

/**
 * A schema built on first use. Response schemas only document the API (OpenAPI, tests);
 * building them lazily keeps that work out of every function's cold start.
 */
export function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** `{items, nextCursor}` around an item schema, built on first use. */
export function page<T extends z.ZodMiniType>(item: () => T) {
  return lazy(() => z.object({ items: z.array(item()), nextCursor: z.nullable(z.string()) }));
}

export const healthBody = lazy(() => z.object({ status: z.literal('ok') }));
