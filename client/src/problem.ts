import type { operations } from './schema.js';

/** Every problem `type` URI starts with this; the rest is the slug. */
export const PROBLEM_BASE = 'https://gatehouse.dev/problems/';

type ProblemBase = typeof PROBLEM_BASE;

/** The problem+json bodies an operation's responses can carry (any status). */
type ProblemBodiesOf<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: R[S] extends { content: { 'application/problem+json': infer B } } ? B : never }[keyof R]
  : never;

/** Every problem+json body the document describes, across all operations. */
export type ProblemBody = ProblemBodiesOf<operations[keyof operations]>;

/**
 * The slug of a problem type URI. While the document types `type` as a plain string this is
 * `string`; once it enumerates the URIs, it is the union of their slugs, with no change here.
 */
export type SlugOf<T> = T extends `${ProblemBase}${infer S}` ? S : T extends string ? string : never;

/** The slug of every problem type the API can answer (`last-admin`, `version-mismatch`, ...). */
export type ProblemSlug = SlugOf<ProblemBody['type']>;

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

/**
 * A problem as a union discriminated on `slug`: `switch (problem.slug)` narrows the body to
 * what that type carries (e.g. `assetsHeld` with `member-holds-assets`, once the document says so).
 */
export type Problem<Body = ProblemBody> = (Body extends ProblemFields ? Body & { slug: SlugOf<Body['type']> } : never) | BlankProblem;

/** The members every problem has (RFC 9457). */
export interface ProblemFields {
  type: string;
  title: string;
  status: number;
  detail: string;
}

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
  is<S extends P['slug']>(slug: S): this is GatehouseProblem<Extract<P, { slug: S }> | (P & { slug: S })> {
    return this.problem.slug === slug;
  }
}

/** What an openapi-fetch call resolves to. */
export interface FetchResult<Data, Error> {
  data?: Data;
  error?: Error;
  response: Response;
}

function isProblemBody(value: unknown): value is ProblemFields {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.status === 'number' && typeof v.title === 'string' && typeof v.detail === 'string';
}

/** The problems of an operation, from the union of its error bodies. */
export type ProblemOfError<E> = Problem<Extract<E, ProblemFields>>;

/** The problem of a failed call as a GatehouseProblem, typed by that operation's problem types; undefined when the call succeeded. */
export function problemOf<D, E>(result: FetchResult<D, E>): GatehouseProblem<ProblemOfError<E>> | undefined {
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
  return new GatehouseProblem(problem as ProblemOfError<E>, response);
}

/** The data of a successful call, or throws its GatehouseProblem. */
export function unwrap<D, E>(result: FetchResult<D, E>): D {
  const problem = problemOf(result);
  if (problem) throw problem;
  return result.data as D;
}
