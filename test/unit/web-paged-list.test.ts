/**
 * The console's paged list (web/src/console/paged-list.ts), driven by a fake host and a fetcher
 * whose answers the test releases in any order: an older answer never replaces a newer one, the
 * cursors walk forward and back, and a failure becomes the host's sentence.
 */
import { GatehouseProblem } from '@gatehouse/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { everyPage, type PageResult, PagedList } from '../../web/src/console/paged-list.ts';

type Row = { id: string };

function fakeHost() {
  const host = {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(controller: ReactiveController) {
      host.controllers.push(controller);
    },
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return host satisfies ReactiveControllerHost;
}

function page(ids: string[], nextCursor: string | null = null): PageResult<Row> {
  return { data: { items: ids.map((id) => ({ id })), nextCursor }, response: new Response(null, { status: 200 }) };
}

function notFound(): PageResult<Row> {
  const problem = { type: 'https://gatehouse.dev/problems/not-found', title: 'Not Found', status: 404, detail: 'No such domain.' };
  return { error: problem, response: new Response(null, { status: 404 }) };
}

/** A fetcher whose every call waits until the test answers it. */
function heldFetcher() {
  const calls: { cursor: string | undefined; answer: (result: PageResult<Row>) => void; fail: (error: unknown) => void }[] = [];
  const fetchPage = (cursor: string | undefined) =>
    new Promise<PageResult<Row>>((answer, fail) => {
      calls.push({ cursor, answer, fail });
    });
  return { calls, fetchPage };
}

const say = (failure: unknown) => (failure instanceof GatehouseProblem ? `problem: ${failure.slug}` : 'unreachable');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the paged list', () => {
  it('registers with its host and asks it to render when it starts and ends a read', async () => {
    const host = fakeHost();
    const { calls, fetchPage } = heldFetcher();
    const list = new PagedList<Row>(host, fetchPage, say);
    expect(host.controllers).toEqual([list]);
    const read = list.first();
    expect(list.loading).toBe(true);
    expect(host.updates).toBe(1);
    calls[0]!.answer(page(['a']));
    await read;
    expect(list.loading).toBe(false);
    expect(host.updates).toBe(2);
    expect(list.rows).toEqual([{ id: 'a' }]);
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const { calls, fetchPage } = heldFetcher();
    const list = new PagedList<Row>(fakeHost(), fetchPage, say);
    const older = list.first();
    const newer = list.first();
    calls[1]!.answer(page(['new']));
    await newer;
    expect(list.loading).toBe(false);
    calls[0]!.answer(page(['old'], 'c2'));
    await older;
    expect(list.rows).toEqual([{ id: 'new' }]);
    expect(list.nextCursor).toBeNull();
    expect(list.loading).toBe(false);
  });

  it('stays loading while the newest read is out, whatever older ones answer', async () => {
    const { calls, fetchPage } = heldFetcher();
    const list = new PagedList<Row>(fakeHost(), fetchPage, say);
    const older = list.first();
    void list.first();
    calls[0]!.fail(new TypeError('Failed to fetch'));
    await older;
    expect(list.loading).toBe(true);
    expect(list.problem).toBe('');
    expect(list.rows).toBeUndefined();
  });

  it('walks the cursors forward and back, and reads the page shown again', async () => {
    const seen: (string | undefined)[] = [];
    const pages: Record<string, PageResult<Row>> = { first: page(['a'], 'c2'), c2: page(['b'], 'c3'), c3: page(['c']) };
    const list = new PagedList<Row>(fakeHost(), async (cursor) => (seen.push(cursor), pages[cursor ?? 'first']!), say);
    await list.first();
    expect(list.hasPrevious).toBe(false);
    await list.next();
    await list.next();
    expect(list.rows).toEqual([{ id: 'c' }]);
    expect(list.nextCursor).toBeNull();
    expect(list.hasPrevious).toBe(true);
    await list.next(); // the last page: nothing to read
    await list.previous();
    expect(list.rows).toEqual([{ id: 'b' }]);
    await list.reload();
    await list.previous();
    expect(list.rows).toEqual([{ id: 'a' }]);
    expect(list.hasPrevious).toBe(false);
    expect(seen).toEqual([undefined, 'c2', 'c3', 'c2', 'c2', undefined]);
  });

  it("says a problem in the host's words with an empty list, a thrown call as unreachable, and clears it on a good answer", async () => {
    let answer: () => Promise<PageResult<Row>> = async () => notFound();
    const list = new PagedList<Row>(fakeHost(), () => answer(), say);
    await list.first();
    expect(list.problem).toBe('problem: not-found');
    expect(list.rows).toEqual([]);
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await list.reload();
    expect(list.problem).toBe('unreachable');
    expect(list.rows).toEqual([]);
    answer = async () => page(['a']);
    await list.first();
    expect(list.problem).toBe('');
    expect(list.rows).toEqual([{ id: 'a' }]);
  });

  it('lets the host change the rows shown, and renders them', () => {
    const host = fakeHost();
    const list = new PagedList<Row>(host, async () => page([]), say);
    list.rows = [{ id: 'x' }];
    expect(list.rows).toEqual([{ id: 'x' }]);
    expect(host.updates).toBe(1);
  });
});

describe('every page as one', () => {
  it('reads page after page, at most `most`, answering their rows as one last page', async () => {
    const seen: (string | undefined)[] = [];
    const endless = everyPage<Row>(async (cursor) => (seen.push(cursor), page([`after-${cursor ?? 'start'}`], `${cursor ?? ''}+`)), 3);
    const result = await endless(undefined, () => false);
    expect(result.data).toEqual({ items: [{ id: 'after-start' }, { id: 'after-+' }, { id: 'after-++' }], nextCursor: null });
    expect(seen).toEqual([undefined, '+', '++']);
  });

  it('answers the problem of any page, and stops when a newer read started', async () => {
    let calls = 0;
    const failing = everyPage<Row>(async () => (++calls === 2 ? notFound() : page(['a'], 'more')), 10);
    expect((await failing(undefined, () => false)).response.status).toBe(404);
    calls = 0;
    let stale = false;
    const stopping = everyPage<Row>(async () => ((stale = ++calls === 2), page(['a'], 'more')), 10);
    await stopping(undefined, () => stale);
    expect(calls).toBe(2);
  });

  it('keeps the list on its last read when reads overlap', async () => {
    const { calls, fetchPage } = heldFetcher();
    const list = new PagedList<Row>(fakeHost(), everyPage(fetchPage, 5), say);
    void list.first();
    void list.first();
    calls[0]!.answer(page(['old'], 'more'));
    await settle();
    // The superseded read asks for no further page.
    expect(calls.map((c) => c.cursor)).toEqual([undefined, undefined]);
    calls[1]!.answer(page(['new']));
    await settle();
    expect(list.rows).toEqual([{ id: 'new' }]);
  });
});
