/**
 * The hand-written part of @gatehouse/client on canned answers (its `fetch` option), for the
 * cases the live API does not produce on demand: a gateway's plain-text 502, an async token
 * provider, a missing ETag. The integration suites use the client against the real API.
 */
import { createGatehouseClient, GatehouseProblem, ifMatch, items, type PagedPath, pages, type ProblemSlug, problemOf, unwrap } from '@gatehouse/client';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';

type Answer = (request: Request) => Response;

function recording(answer: Answer) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return answer(request);
  };
  return { requests, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers } });

describe('the token provider hook', () => {
  it('asks for the token on every request, sends it as Bearer, and sends none when it answers undefined', async () => {
    const { requests, fetch } = recording(() => json({ ok: true }));
    let token: string | undefined = 'first';
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch, token: async () => token });
    await gh.GET('/health');
    token = 'refreshed';
    await gh.GET('/health');
    token = undefined;
    await gh.GET('/health');
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer first', 'Bearer refreshed', null]);
  });

  it('uses the globalThis.fetch of the moment of each request, not of its creation', async () => {
    const gh = createGatehouseClient({ baseUrl: 'https://api.test' });
    const { requests, fetch } = recording(() => json({ status: 'ok' }));
    vi.stubGlobal('fetch', fetch);
    try {
      expect(unwrap(await gh.GET('/health'))).toEqual({ status: 'ok' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(requests).toHaveLength(1);
  });

  it('lets one call send its own Authorization', async () => {
    const { requests, fetch } = recording(() => json({ ok: true }));
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch, token: () => 'provided' });
    await gh.GET('/health', { headers: { Authorization: 'Bearer explicit' } });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer explicit');
  });
});

describe('request bodies', () => {
  it('go as JSON, and a CSV sent as text/csv goes as it is', async () => {
    const { requests, fetch } = recording(() => json({ results: [], summary: {} }));
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch });
    const params = { path: { domainId: 'd' } };
    await gh.POST('/domains/{domainId}/invitations', { params, body: { emails: ['a@example.test'], role: 'user' } });
    const csv = 'email,role,language\r\n"a@example.test",user,fi\r\n';
    await gh.POST('/domains/{domainId}/invitations', { params, body: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]?.text()).toBe('{"emails":["a@example.test"],"role":"user"}');
    expect(requests[1]?.headers.get('content-type')).toBe('text/csv');
    expect(await requests[1]?.text()).toBe(csv);
  });
});

describe('problems', () => {
  it('a problem+json answer becomes a GatehouseProblem with its slug, and unwrap throws it', async () => {
    const body = { type: 'https://gatehouse.dev/problems/last-admin', title: 'Conflict', status: 409, detail: 'Keep one administrator.' };
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch: async () => json(body, 409) });
    const result = await gh.DELETE('/domains/{domainId}/members/{userId}', { params: { path: { domainId: 'd', userId: 'u' } } });
    const problem = problemOf(result);
    expect(problem).toBeInstanceOf(GatehouseProblem);
    expect(problem?.slug).toBe('last-admin');
    expect(problem?.is('last-admin')).toBe(true);
    expect(problem?.problem).toMatchObject(body);
    expect(() => unwrap(result)).toThrow('409 last-admin: Keep one administrator.');
  });

  it('an answer that is no problem (a gateway 502 in plain text, an empty 4xx) is about:blank with its status', async () => {
    let answer = new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/plain' } });
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch: async () => answer });
    expect(problemOf(await gh.GET('/health'))?.problem).toEqual({ type: 'about:blank', slug: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'Bad Gateway' });
    answer = new Response(null, { status: 429, headers: { 'Content-Length': '0', 'Retry-After': '60' } });
    const limited = problemOf(await gh.GET('/health'));
    expect(limited).toMatchObject({ slug: 'about:blank', status: 429 });
    expect(limited?.response.headers.get('retry-after')).toBe('60');
  });

  it('are typed from the catalogue: the slugs the document enumerates, narrowed per operation', async () => {
    // Checked by tsc (npm test runs it over test/): a slug the catalogue lacks does not compile.
    expectTypeOf<'last-admin' | 'version-mismatch' | 'invitation-expired'>().toExtend<ProblemSlug>();
    expectTypeOf<'no-such-problem'>().not.toExtend<ProblemSlug>();
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch: async () => json({}, 404) });
    const problem = problemOf(await gh.DELETE('/domains/{domainId}/roles/{roleId}', { params: { path: { domainId: 'd', roleId: 'r' } } }));
    expectTypeOf<'role-in-use'>().toExtend<NonNullable<typeof problem>['slug']>();
    expectTypeOf<'invitation-expired'>().not.toExtend<NonNullable<typeof problem>['slug']>();
    // An empty JSON object is no problem body: about:blank with the status.
    expect(problem?.slug).toBe('about:blank');
  });

  it('a success is no problem', async () => {
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch: async () => json({ status: 'ok' }) });
    expect(problemOf(await gh.GET('/health'))).toBeUndefined();
  });
});

describe('cursor pages', () => {
  it('follow nextCursor with the cursor parameter, keep the other parameters, and stop at null', async () => {
    const next: Record<string, string | null> = { '': 'c1', c1: 'c2', c2: null };
    const { requests, fetch } = recording((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor') ?? '';
      return json({ items: [{ userId: `after-${cursor || 'start'}` }], nextCursor: next[cursor] });
    });
    const gh = createGatehouseClient({ baseUrl: 'https://api.test', fetch });
    const seen: string[] = [];
    for await (const member of items(gh, '/domains/{domainId}/members', { params: { path: { domainId: 'd1' }, query: { status: 'active' } } })) seen.push(member.userId);
    expect(seen).toEqual(['after-start', 'after-c1', 'after-c2']);
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['?status=active', '?status=active&cursor=c1', '?status=active&cursor=c2']);
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/domains/d1/members');
  });

  it('cover every list the route table pages, and only those (a type test: tsc checks it)', () => {
    expectTypeOf<PagedPath>().toEqualTypeOf<
      | '/domains'
      | '/domains/{domainId}/roles'
      | '/domains/{domainId}/members'
      | '/domains/{domainId}/history'
      | '/domains/{domainId}/invitations'
      | '/domains/{domainId}/locations'
      | '/domains/{domainId}/assets'
      | '/domains/{domainId}/assets/{assetId}/reservations'
      | '/domains/{domainId}/members/{userId}/assets'
    >();
    // Lists with no path parameter need no request.
    const gh = createGatehouseClient({ baseUrl: 'https://api.test' });
    expectTypeOf(items(gh, '/domains')).toEqualTypeOf<ReturnType<typeof items<'/domains'>>>();
  });

  it('throw the problem of a page that fails', async () => {
    const gh = createGatehouseClient({
      baseUrl: 'https://api.test',
      fetch: async () => json({ type: 'https://gatehouse.dev/problems/invalid-input', title: 'Invalid input', status: 400, detail: 'cursor is not one this API issued' }, 400),
    });
    const walk = async () => {
      for await (const page of pages(gh, '/domains/{domainId}/roles', { params: { path: { domainId: 'd' } } })) void page;
    };
    await expect(walk()).rejects.toThrow(GatehouseProblem);
  });
});

describe('ifMatch', () => {
  it('quotes a body version, or takes the ETag of a response or a result', () => {
    expect(ifMatch({ version: 7 })).toEqual({ 'If-Match': '"7"' });
    const response = new Response('{}', { headers: { ETag: '"3"' } });
    expect(ifMatch(response)).toEqual({ 'If-Match': '"3"' });
    const result = { data: {}, response };
    expect(ifMatch(result)).toEqual({ 'If-Match': '"3"' });
  });

  it('refuses a response without an ETag, saying what to pass instead', () => {
    expect(() => ifMatch(new Response('{}'))).toThrow(/no ETag header; pass the resource body/);
  });
});
