/**
 * Building blocks for request and response schemas. zod/mini keeps each function's bundle
 * small (SPEC section 10); the same schemas validate requests and generate OpenAPI.
 *
 * Every exported schema is built on first use (`lazy`): a function builds only the schemas
 * of its own route, when its first request needs them, instead of every schema of the
 * modules it imports at cold start.
 */
import * as z from 'zod/mini';

/**
 * A schema (or anything) built once, on first use. Every call is marked
 * with a PURE annotation, so the bundler drops the schemas a function never uses.
 */
export function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

export const LANGUAGES = ['en', 'fi', 'fr', 'sv', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const language = /* @__PURE__ */ lazy(() => z.enum(LANGUAGES));

/** Ids in paths: what Gatehouse issues (UUIDs, role slugs, Cognito subs). */
export const id = /* @__PURE__ */ lazy(() => z.string().check(z.regex(/^[A-Za-z0-9_\-]{1,64}$/, 'must be an id: 1 to 64 letters, digits, - or _')));

export const domainParams = /* @__PURE__ */ lazy(() => z.strictObject({ domainId: id() }));

/**
 * Characters no name, message or address needs, and that make text lie about itself: C0
 * and C1 controls (NUL included), DEL, and the bidirectional overrides, embeddings,
 * isolates and marks that reorder what a reader sees (an email subject or a member list
 * showing "gro.evil" for "live.org"). Line breaks and tabs are allowed in free text only.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAKS = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text with none of the characters above, and no lone surrogate (which no encoding can carry). */
export function isPlainText(value: string, multiline = false): boolean {
  return !CONTROLS.test(value) && (multiline || !LINE_BREAKS.test(value)) && !LONE_SURROGATE.test(value);
}

/** A one-line text check: no control characters, bidi overrides or lone surrogates. */
export const oneLine = () => z.refine<string>((v) => isPlainText(v), 'must not contain control characters, line breaks or bidirectional overrides');
/** A free-text check (messages, descriptions, notes): line breaks and tabs allowed, other controls not. */
export const freeText = () => z.refine<string>((v) => isPlainText(v, true), 'must not contain control characters or bidirectional overrides');

export const name = /* @__PURE__ */ lazy(() =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100, 'must be at most 100 characters'), oneLine()),
);
/** An address as SES and Cognito take it: one @, a dotted domain, no spaces or brackets. */
export const EMAIL_PATTERN = /^[^\s@<>\(\),;:"\[\]]{1,64}@([A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
export const email = /* @__PURE__ */ lazy(() => z.string().check(z.maxLength(254), oneLine(), z.regex(EMAIL_PATTERN, 'must be an email address'), z.toLowerCase()));

/** `limit` (1-100, default 25) and an opaque `cursor`, as every list takes them. */
export const pageQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    limit: z.optional(
      z.pipe(
        z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')),
        z.pipe(z.transform(Number), z.int().check(z.gte(1, 'must be at least 1'), z.lte(100, 'must be at most 100'))),
      ),
    ),
    cursor: z.optional(z.string().check(z.maxLength(2048, 'is not a cursor this API issued'))),
  }),
);

/**
 * `{items, nextCursor}` around an item schema. Mark each call PURE, as with `lazy`: otherwise
 * the bundler keeps every list route of a route module, schemas and all, in each function
 * importing one route of it (esbuild honours no side-effect-free mark on a function of another file).
 */
export function page<T extends z.ZodMiniType>(item: () => T) {
  return lazy(() => z.object({ items: z.array(item()), nextCursor: z.nullable(z.string()) }));
}

export const healthBody = /* @__PURE__ */ lazy(() => z.object({ status: z.literal('ok') }));

/** A moment in an answer, ISO 8601 in UTC (the document says `format: date-time`). */
export const timestamp = /* @__PURE__ */ lazy(() => z.string());
/** An email address in an answer (the document says `format: email`). */
export const address = /* @__PURE__ */ lazy(() => z.string());
