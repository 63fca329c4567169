import type { components } from './schema.js';

/** Every problem `type` URI starts with this; the rest is the slug. */
export const PROBLEM_BASE = 'https://gatehouse.dev/problems/';

type ProblemBase = typeof PROBLEM_BASE;

/** The catalogue: every problem type URI the API answers (the document's ProblemType enum; x-gatehouse-problems says what each means). */
export type ProblemType = components['schemas']['ProblemType'];

/** The slug of a problem type URI (`https://gatehouse.dev/problems/last-admin` → `last-admin`). */
export type SlugOf<T> = T extends `${ProblemBase}${infer S}` ? S : T extends string ? string : never;

/** The slug of every problem type the API can answer (`last-admin`, `version-mismatch`, ...). */
export type ProblemSlug = SlugOf<ProblemType>;

/** The members every problem has (RFC 9457). */
export interface ProblemFields {
  type: string;
  title: string;
  status: number;
  detail: string;
}

/**
 * What a response that was not a problem+json body is read as (a gateway's plain-text 502,
 * an empty 4xx): RFC 9457's `about:blank`, the problem being just the status.
 */
export interface BlankProblem {
  type: 'about:blank';
  slug: 'about:blank';
  title: string;
  status: number;
  detail: string;
}

/** One member per problem type of a body whose `type` is a union of URIs. */
type PerType<Body, T> = T extends string ? Omit<Body, 'type'> & { type: T; slug: SlugOf<T> } : never;

/**
 * A problem as a union discriminated on `slug` (one member per problem type of `Body`), or
 * `about:blank`: `switch (problem.slug)` narrows it. `Body` defaults to any problem of the
 * API; `problemOf` narrows it to the types the called operation documents.
 */
export type Problem<Body = components['schemas']['Problem']> = (Body extends ProblemFields ? PerType<Body, Body['type']> : never) | BlankProblem;

/** A problem+json answer as an Error: thrown by `unwrap`, `pages` and `items`, built by `problemOf`. */
export class GatehouseProblem<P extends ProblemFields & { slug: string } = Problem> extends Error {
  override readonly name = 'GatehouseProblem';
  /** The response the problem came with (headers such as Retry-After, WWW-Authenticate). */
  readonly response: Response;
  readonly problem: P;

  constructor(problem: P, response: Response) {
    super(`${problem.status} ${problem.slug}: ${problem.detail}`);
    this.problem = problem;
    this.response = response;
  }

  get slug(): P['slug'] {
    return this.problem.slug;
  }

  get status(): number {
    return this.problem.status;
  }

  /** Narrows to one problem type: `if (e.is('version-mismatch')) reread()`. */
  is<S extends P['slug']>(slug: S): this is GatehouseProblem<Extract<P, { slug: S }>> {
    return this.problem.slug === slug;
  }
}

/** What an openapi-fetch call resolves to. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The problems an openapi-fetch result can carry: those its operation documents, or about:blank. */
export type ProblemOf<R extends FetchResult> = Problem<Extract<R['error'], ProblemFields>>;

/** The data of a successful openapi-fetch result (undefined for a 204). */
export type DataOf<R extends FetchResult> = [Exclude<R['data'], undefined>] extends [never] ? undefined : Exclude<R['data'], undefined>;

function isProblemBody(value: unknown): value is ProblemFields {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.status === 'number' && typeof v.title === 'string' && typeof v.detail === 'string';
}

/** The problem of a failed call as a GatehouseProblem, typed by that operation's problem types; undefined when the call succeeded. */
export function problemOf<R extends FetchResult>(result: R): GatehouseProblem<ProblemOf<R>> | undefined {
  const { response, error } = result;
  if (response.ok) return undefined;
  let problem: ProblemFields & { slug: string };
  if (isProblemBody(error)) {
    problem = { ...error, slug: error.type.startsWith(PROBLEM_BASE) ? error.type.slice(PROBLEM_BASE.length) : error.type };
  } else {
    const detail = typeof error === 'string' ? error : error === undefined ? '' : JSON.stringify(error);
    problem = { type: 'about:blank', slug: 'about:blank', title: response.statusText, status: response.status, detail } satisfies BlankProblem;
  }
  // The body is what the document says this operation answers; the contract check holds the API to it.
  return new GatehouseProblem(problem as ProblemOf<R>, response);
}

/** The data of a successful call, or throws its GatehouseProblem. */
export function unwrap<R extends FetchResult>(result: R): DataOf<R> {
  const problem = problemOf(result);
  if (problem) throw problem;
  return result.data as DataOf<R>;
}
