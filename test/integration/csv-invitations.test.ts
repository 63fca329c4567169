/**
 * The CSV form of POST /domains/{domainId}/invitations is a text/csv body, and only that:
 * the internal JSON `{csv}` form is refused. Its limits hold: 500 rows, 64 KiB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, awaitEmails, newDomain, sentEmails, stack, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;
const HEADER = 'email,role,language';
const asCsv = (text: string) => ({ rawBody: text, headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
/** Rows no one is invited from (no address in them), so a large file sends no mail and meets no daily cap. */
const unsendableRows = (count: number, width = 0) => Array.from({ length: count }, (_, n) => `not-an-address-${String(n).padStart(3, '0')}${'x'.repeat(width)},user,en`);

describe('a CSV of invitees', () => {
  it('sent as a JSON {csv} body is refused with 400 naming the csv field and pointing to text/csv', async () => {
    const domain = await newDomain(owner);
    const email = uniqueEmail('json-csv');
    const res = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { csv: `${HEADER}\r\n${email},user,en` } });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://gatehouse.dev/problems/invalid-input');
    expect(res.body.errors).toContainEqual({ path: 'body', message: expect.stringMatching(/unknown field: csv; send a CSV as a text\/csv body/) });
    expect(await sentEmails(email)).toEqual([]);
  });

  it('sent as text/csv still invites its rows', async () => {
    const domain = await newDomain(owner);
    const [a, b] = [uniqueEmail('text-csv-a'), uniqueEmail('text-csv-b')];
    const res = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...asCsv([HEADER, `${a},user,fr`, `${b},manager`].join('\n')) });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ email: a, row: 2, status: 'invited' }), expect.objectContaining({ email: b, row: 3, status: 'invited' })]);
    expect(await awaitEmails(a)).toHaveLength(1);
  });

  it('takes up to 500 rows and refuses 501 with 400', async () => {
    const domain = await newDomain(owner);
    const full = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...asCsv([HEADER, ...unsendableRows(500)].join('\r\n')) });
    expect(full.status).toBe(200);
    expect(full.body.results).toHaveLength(500);
    const over = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...asCsv([HEADER, ...unsendableRows(501)].join('\r\n')) });
    expect(over.status).toBe(400);
    expect(over.body.detail).toContain('501 rows; send at most 500');
  });

  it('takes up to 64 KiB (more than a JSON body) and refuses more with 413', async () => {
    const domain = await newDomain(owner);
    const near = [HEADER, ...unsendableRows(450, 112)].join('\r\n');
    const bytes = Buffer.byteLength(near);
    expect(bytes).toBeGreaterThan(60 * 1024);
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    const fits = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...asCsv(near) });
    expect(fits.status).toBe(200);
    expect(fits.body.results).toHaveLength(450);

    const over = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, ...asCsv(`${near}\r\n${'y'.repeat(64 * 1024 - bytes)},user,en`) });
    expect(over.status).toBe(413);
    expect(over.body.type).toBe('https://gatehouse.dev/problems/payload-too-large');
  });
});
