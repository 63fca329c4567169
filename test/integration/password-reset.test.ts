/**
 * Password reset, Gatehouse's own (SPEC section 12): the request answers the same whatever
 * the address, a verified account gets a branded, localized single-use link valid one hour,
 * at most 5 reset emails go to one address per hour (also when requests race), and using
 * the link sets the password and ends every session of the account.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, createUser, handlerEnvironment, newDomain, type SentEmail, settledEmails, stack, type TestUser, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

const HOUR_MS = 3_600_000;
const newPassword = () => `Reset-${randomUUID().slice(0, 8)}-Aa1!`;
const unknownAddress = () => `nobody-${randomUUID().slice(0, 12)}@example.test`;

/** Waits until the clock has passed into the next whole second: a token issued then postdates a cut-off made before. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

const RESET_LINK = /\/reset-password\?token=([A-Za-z0-9_-]+)/;
const resetEmails = async (to: string): Promise<SentEmail[]> => (await settledEmails(to)).filter((m) => RESET_LINK.test(m.body.text ?? ''));

/** Asks for a reset of `user`'s password and answers the token from the email it got. */
async function resetToken(user: TestUser): Promise<string> {
  const before = (await resetEmails(user.email)).length;
  const res = await api('POST', '/password-resets', { body: { email: user.email } });
  expect(res.status).toBe(202);
  const emails = await resetEmails(user.email);
  expect(emails).toHaveLength(before + 1);
  return RESET_LINK.exec(emails.at(-1)?.body.text ?? '')?.[1] as string;
}

describe('POST /password-resets', () => {
  it('answers the same 202 whether or not an account exists, and mails only a verified account', async () => {
    const user = await createUser();
    const existing = await api('POST', '/password-resets', { body: { email: user.email.toUpperCase() } });
    const nobody = unknownAddress();
    const missing = await api('POST', '/password-resets', { body: { email: nobody } });
    expect(existing.status).toBe(202);
    expect(missing.status).toBe(202);
    expect(missing.body).toEqual(existing.body);
    expect(Object.keys(missing.headers).filter((h) => h !== 'date' && h !== 'x-amzn-requestid').sort()).toEqual(
      Object.keys(existing.headers).filter((h) => h !== 'date' && h !== 'x-amzn-requestid').sort(),
    );
    expect(await resetEmails(user.email)).toHaveLength(1);
    expect(await settledEmails(nobody)).toEqual([]);
  });

  it('sends nothing to an account whose address was never proven (added by an administrator, no password set yet)', async () => {
    const domain = await newDomain(owner);
    const email = unknownAddress();
    const added = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email, name: 'Not Verified', language: 'en', role: 'user' } });
    expect(added.status).toBe(201);
    const res = await api('POST', '/password-resets', { body: { email } });
    expect(res.status).toBe(202);
    expect(await resetEmails(email)).toEqual([]);
  });

  it('mails a branded link in the account holder\'s language, valid one hour, never the token in clear anywhere but the email', async () => {
    const user = await createUser({ language: 'fi' });
    await resetToken(user);
    const [mail] = await resetEmails(user.email);
    expect(mail?.subject).toContain('salasana');
    expect(mail?.body.html).toContain('<html lang="fi">');
    const env = handlerEnvironment();
    expect(mail?.body.text?.startsWith(`${env.PRODUCT_NAME}\n`)).toBe(true);
    expect(mail?.body.html).toContain(env.PRODUCT_NAME as string);
    expect(mail?.body.text).toContain(`${env.APP_URL}/reset-password?token=`);
    const token = RESET_LINK.exec(mail?.body.text ?? '')?.[1] as string;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const { allTableItems } = await import('./seed.ts');
    const stored = (await allTableItems()).filter((item) => String(item.pk).startsWith('RESET#'));
    expect(JSON.stringify(stored)).not.toContain(token);
    const { hashToken } = await import('#shared/tokens.ts');
    const item = stored.find((i) => i.pk === `RESET#${hashToken(token)}`);
    expect(item).toBeDefined();
    expect(Number(item?.ttl) - Date.parse(String(item?.createdAt)) / 1000).toBeCloseTo(3600, -1);

    const fr = await createUser({ language: 'fr' });
    await resetToken(fr);
    expect((await resetEmails(fr.email))[0]?.subject).toContain('mot de passe');
  });

  it('sends at most 5 reset emails per address per hour, even when 8 requests race: the rest get 429 with Retry-After', async () => {
    const user = await createUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => api('POST', '/password-resets', { body: { email: user.email } })));
    expect(results.filter((r) => r.status === 202)).toHaveLength(5);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.type).toContain('password-reset-limit');
      const retryAfter = Number(r.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
    }
    // Five were queued: a job whose link a newer request replaced before the worker took it is
    // superseded, never mailed (its link could not work), so at most five go out, at least one.
    const mailed = (await resetEmails(user.email)).length;
    expect(mailed).toBeGreaterThanOrEqual(1);
    expect(mailed).toBeLessThanOrEqual(5);

    // The window slides: an hour after the first sends, one more goes out.
    const later = await api('POST', '/password-resets', { body: { email: user.email }, clockOffsetMs: HOUR_MS + 60_000 });
    expect(later.status).toBe(202);
    expect(await resetEmails(user.email)).toHaveLength(mailed + 1);
  });

  it('limits an address without an account just the same, so the 429 reveals nothing', async () => {
    const nobody = unknownAddress();
    const results = await Promise.all(Array.from({ length: 8 }, () => api('POST', '/password-resets', { body: { email: nobody } })));
    expect(results.filter((r) => r.status === 202)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
  });

  it('refuses a body without a valid email with 400 naming the field', async () => {
    const res = await api('POST', '/password-resets', { body: { email: 'not an address' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.email']);
  });
});

describe('POST /password-resets/{token}', () => {
  it('sets the new password, ends every older session, and works only once', async () => {
    const domain = await newDomain(owner);
    const user = await createUser();
    await addMembership(domain.id, user.userId, 'user', 'active');
    const token = await resetToken(user);
    expect((await api('GET', `/domains/${domain.id}`, { token: user.token })).status).toBe(200);

    const password = newPassword();
    const done = await api('POST', `/password-resets/${token}`, { body: { password } });
    expect(done.status).toBe(204);

    for (const [method, path] of [['GET', '/me'], ['GET', '/domains'], ['GET', `/domains/${domain.id}`]] as const) {
      const res = await api(method, path, { token: user.token });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.type).toContain('unauthorized');
    }
    await expect(tokenFor(user.email, user.password)).rejects.toThrow();
    await nextSecond();
    const fresh = await tokenFor(user.email, password);
    expect((await api('GET', `/domains/${domain.id}`, { token: fresh })).status).toBe(200);

    const again = await api('POST', `/password-resets/${token}`, { body: { password: newPassword() } });
    expect(again.status).toBe(410);
    expect(again.body.type).toContain('reset-link-used');
    await expect(tokenFor(user.email, password)).resolves.toBeTruthy();
  });

  it('only the latest email’s link works: an earlier one answers 410 reset-link-replaced, and none is left once the password is reset', async () => {
    const user = await createUser();
    const first = await resetToken(user);
    const second = await resetToken(user);
    const third = await resetToken(user);
    const early = await api('POST', `/password-resets/${first}`, { body: { password: newPassword() } });
    expect(early.status).toBe(410);
    expect(early.body.type).toContain('reset-link-replaced');
    await expect(tokenFor(user.email, user.password)).resolves.toBeTruthy();
    expect((await api('POST', `/password-resets/${third}`, { body: { password: newPassword() } })).status).toBe(204);
    const late = await api('POST', `/password-resets/${second}`, { body: { password: newPassword() } });
    expect(late.status).toBe(410);
  });

  it('two concurrent uses of one link: exactly one 204 and one 410', async () => {
    const user = await createUser();
    const token = await resetToken(user);
    const [a, b] = [newPassword(), newPassword()];
    const results = await Promise.all([a, b].map((password) => api('POST', `/password-resets/${token}`, { body: { password } })));
    expect(results.map((r) => r.status).sort()).toEqual([204, 410]);
    const winner = results[0]?.status === 204 ? a : b;
    await nextSecond();
    await expect(tokenFor(user.email, winner)).resolves.toBeTruthy();
  });

  it('refuses a weak password with 400 saying what it lacks, and the link still works afterwards', async () => {
    const user = await createUser();
    const token = await resetToken(user);
    const weak = await api('POST', `/password-resets/${token}`, { body: { password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
    expect(weak.body.detail).toContain('at least 12 characters');
    // The session survives a refused attempt.
    expect((await api('GET', '/me', { token: user.token })).status).toBe(200);
    expect((await api('POST', `/password-resets/${token}`, { body: { password: newPassword() } })).status).toBe(204);
  });

  it('answers 410 reset-link-expired after an hour and 404 for a token it never issued', async () => {
    const user = await createUser();
    const token = await resetToken(user);
    const late = await api('POST', `/password-resets/${token}`, { body: { password: newPassword() }, clockOffsetMs: HOUR_MS + 1000 });
    expect(late.status).toBe(410);
    expect(late.body.type).toContain('reset-link-expired');
    await expect(tokenFor(user.email, user.password)).resolves.toBeTruthy();

    const unknown = await api('POST', `/password-resets/${Buffer.from(randomUUID() + randomUUID()).toString('base64url').slice(0, 43)}`, { body: { password: newPassword() } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const malformed = await api('POST', '/password-resets/not%20a%20token', { body: { password: newPassword() } });
    expect(malformed.status).toBe(400);
  });

  it('enables nothing: a disabled account stays unable to sign in after a reset', async () => {
    const domain = await newDomain(owner);
    const user = await createUser();
    await addMembership(domain.id, user.userId, 'user', 'active');
    const token = await resetToken(user);
    expect((await api('PATCH', `/domains/${domain.id}/members/${user.userId}`, { token: owner, body: { status: 'inactive' } })).status).toBe(200);
    const password = newPassword();
    expect((await api('POST', `/password-resets/${token}`, { body: { password } })).status).toBe(204);
    await nextSecond();
    await expect(tokenFor(user.email, password)).rejects.toThrow(/disabled/i);
  });
});
