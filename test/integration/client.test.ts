/**
 * @gatehouse/client against the running API, beyond what the members, invitations and roles
 * suites use it for: the document it was generated from is the one the API serves, and the
 * token provider and problem errors behave as a front end relies on.
 */
import { readFile } from 'node:fs/promises';
import { createGatehouseClient, GatehouseProblem, unwrap } from '@gatehouse/client';
import { describe, expect, it } from 'vitest';
import { client, createUser, expectProblem, stack } from './helpers.ts';

describe('the typed client', () => {
  it('was generated from the very document the API serves at /openapi.json', async () => {
    const committed = JSON.parse(await readFile(new URL('../../client/openapi.json', import.meta.url), 'utf8'));
    expect(unwrap(await client().GET('/openapi.json'))).toEqual(committed);
  });

  it('asks the token provider before each request, so a new token takes effect on the next call', async () => {
    const [first, second] = [await createUser(), await createUser()];
    let current: string | undefined = first.token;
    const gh = createGatehouseClient({ baseUrl: stack().apiUrl, token: async () => current });
    expect(unwrap(await gh.GET('/me')).userId).toBe(first.userId);
    current = second.token;
    expect(unwrap(await gh.GET('/me')).userId).toBe(second.userId);
    current = undefined;
    const signedOut = expectProblem(await gh.GET('/me'), 401, 'unauthorized');
    // The response stays at hand for its headers: RFC 9110 names the scheme that would work.
    expect(signedOut.response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('throws the problem from unwrap, with a message a person can act on', async () => {
    const stranger = client((await createUser()).token);
    const read = async () => unwrap(await stranger.GET('/domains/{domainId}', { params: { path: { domainId: 'no-such-domain' } } }));
    await expect(read()).rejects.toThrow(GatehouseProblem);
    await expect(read()).rejects.toThrow(/^40[34] [a-z-]+: \S/);
  });
});
