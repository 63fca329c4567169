/**
 * A list read a page at a time by the API's cursors, as a Lit reactive controller: the console
 * elements (members, assets, history, invitations, locations) each hold one instead of their own
 * request counter, cursor stack and problem handling.
 *
 * - Only the latest call's answer is shown: an older answer (a search typed on, a filter changed
 *   meanwhile) is dropped whenever it arrives.
 * - `next`, `previous` and `reload` move along the pages read; `first` starts again (new filters).
 * - A failed call becomes a sentence in `problem` through the host's `problemSentence` (its problem, or the API
 *   unreachable when the call threw) and leaves an empty list; a good answer clears it.
 */
import { problemOf } from '@gatehouse/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the client answers for a page of a list (`{ items, nextCursor }`). */
export interface PageResult<Row> {
  data?: { items: Row[]; nextCursor: string | null };
  error?: unknown;
  response: Response;
}

/**
 * Reads the page at `cursor` (undefined: the first) with the host's current filters. A fetcher
 * making several calls stops when `superseded()` says a newer read has started.
 */
export type FetchPage<Row> = (cursor: string | undefined, superseded: () => boolean) => Promise<PageResult<Row>>;

export class PagedList<Row> implements ReactiveController {
  #rows: Row[] | undefined;
  /** The next page's cursor; null on the last page. */
  nextCursor: string | null = null;
  /** Whether a read is under way (the table's aria-busy). */
  loading = false;
  /** The last read's problem as a sentence; empty when it succeeded. */
  problem = '';

  readonly #host: ReactiveControllerHost;
  readonly #fetchPage: FetchPage<Row>;
  readonly #say: (failure: unknown) => string;
  /** The cursors of the pages before the one shown (the first page has none). */
  #before: (string | undefined)[] = [];
  /** The cursor of the page shown (undefined: the first). */
  #current: string | undefined;
  #request = 0;

  /** `say` turns a failure (a GatehouseProblem, or whatever the call threw) into a sentence. */
  constructor(host: ReactiveControllerHost, fetchPage: FetchPage<Row>, say: (failure: unknown) => string) {
    this.#host = host;
    this.#fetchPage = fetchPage;
    this.#say = say;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The rows of the page shown; undefined until the first answer. The host may change them (a row resent, revoked). */
  get rows(): Row[] | undefined {
    return this.#rows;
  }

  set rows(rows: Row[] | undefined) {
    this.#rows = rows;
    this.#host.requestUpdate();
  }

  get hasPrevious(): boolean {
    return this.#before.length > 0;
  }

  /** The first page (the filters changed, or another domain). */
  first(): Promise<void> {
    return this.#load(undefined, []);
  }

  next(): Promise<void> {
    return this.nextCursor ? this.#load(this.nextCursor, [...this.#before, this.#current]) : Promise.resolve();
  }

  previous(): Promise<void> {
    return this.#load(this.#before.at(-1), this.#before.slice(0, -1));
  }

  /** The page shown, read again (after a change to one of its rows). */
  reload(): Promise<void> {
    return this.#load(this.#current, this.#before);
  }

  async #load(cursor: string | undefined, before: (string | undefined)[]): Promise<void> {
    const request = ++this.#request;
    const superseded = () => request !== this.#request;
    this.loading = true;
    this.#host.requestUpdate();
    try {
      const result = await this.#fetchPage(cursor, superseded);
      if (superseded()) return;
      const problem = problemOf(result);
      if (problem) {
        this.problem = this.#say(problem);
        this.#rows = [];
        return;
      }
      this.problem = '';
      this.#rows = result.data?.items ?? [];
      this.nextCursor = result.data?.nextCursor ?? null;
      this.#before = before;
      this.#current = cursor;
    } catch (error) {
      if (superseded()) return;
      this.problem = this.#say(error);
      this.#rows ??= [];
    } finally {
      if (!superseded()) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }
}

/**
 * A fetcher reading up to `most` pages from the first and answering them as one page, for a list
 * the API cannot search (the element searches it in the browser). A problem on any page is the answer.
 */
export function everyPage<Row>(fetchPage: FetchPage<Row>, most: number): FetchPage<Row> {
  return async (_cursor, superseded) => {
    const rows: Row[] = [];
    let cursor: string | undefined;
    for (let page = 1; ; page++) {
      const result = await fetchPage(cursor, superseded);
      if (problemOf(result) || superseded()) return result;
      rows.push(...(result.data?.items ?? []));
      cursor = result.data?.nextCursor ?? undefined;
      if (!cursor || page >= most) return { ...result, data: { items: rows, nextCursor: null } };
    }
  };
}
