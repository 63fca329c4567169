/**
 * The forgotten password in a real browser: from the sign-in page to /forgot-password, the
 * link from the mail in the SES emulator, a new password on /reset-password; the session a
 * second browser held is gone, the old password no longer signs in and the new one does. A
 * used, an expired and a replaced link each show their own screen; too many requests say when
 * to try again. axe-core runs on every page; each journey saves a screenshot under .local/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLOCK_OFFSET_HEADER } from '#local/gateway.ts';
import { locale as enLocale } from '#shared/mail/messages/en.ts';
import { addMembership, api, client, createUser, settledEmails, stack } from '../integration/helpers.ts';
import { expectAccessible, freshPage, launch, screenshot, signInThroughPage } from './browser.ts';

const NEW_PASSWORD = 'Brand-new-pass-77!';
const HOUR_MS = 60 * 60 * 1000;
const DAY_S = 24 * 60 * 60;

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The reset link of the latest mail to `email`. */
async function resetLink(email: string): Promise<string> {
  const mails = await settledEmails(email);
  const text = mails.at(-1)?.body.text ?? '';
  const link = /https?:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no reset link in the mail to ${email}: ${text}`);
  return link;
}

/** Types a new password on the reset page and submits it. */
async function chooseNewPassword(page: Page, password = NEW_PASSWORD): Promise<void> {
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Change the password' }).click();
}

/** Signs in through the sign-in page; answers once the landing shows the Demo domain. */
async function signInLanded(page: Page, email: string, password: string): Promise<void> {
  await signInThroughPage(page, email, password);
  await expect.poll(() => page.locator('ul.domains').innerText()).toContain('Demo');
}

describe('resetting a forgotten password in the browser', () => {
  it('forgot password → the mail → a new password: the other session is gone, the old password refused, the new one signs in', async () => {
    const member = await createUser({ name: 'Rita Reset' });
    await addMembership(stack().demoDomainId, member.userId, 'user', 'active');

    // A second browser signed in before the reset.
    const other = await freshPage(browser, { width: 390, height: 800 });
    await signInLanded(other.page, member.email, member.password);
    const otherSession = JSON.parse(String(await other.page.evaluate('sessionStorage.getItem("gatehouse.session")'))) as { idToken: string };

    const { page, faults } = await freshPage(browser, { width: 360, height: 800 });
    await page.goto(`${inject('webUrl')}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Forgot your password?');
    // The stack's product name: a password belongs to the account, not to a domain.
    await expect.poll(() => page.locator('.product').innerText()).toBe('Gatehouse');
    await expectAccessible(page);
    // A 360 px phone: nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your inbox');
    expect(await page.getByRole('status').innerText()).toBe(
      `If an account exists for ${member.email}, we sent it a link to choose a new password. The link works once, for one hour. If nothing arrives within a few minutes, look in your spam folder.`,
    );
    await expectAccessible(page);
    await screenshot(page, 'forgot-password-sent');

    const link = await resetLink(member.email);
    expect(link.startsWith(inject('webUrl'))).toBe(true);
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Choose a new password');
    // The pool's rules, checked as the person types.
    await page.getByLabel('New password').pressSequentially('short');
    expect(await page.locator('ul.rules li:not(.met)').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Change the password' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/^Please correct the form: at least 12 characters/);
    await expectAccessible(page);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await expect.poll(() => page.locator('ul.rules li:not(.met)').count()).toBe(0);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Password changed');
    expect(await page.getByRole('status').innerText()).toMatch(/every session of your account has ended/);
    await expectAccessible(page);
    await screenshot(page, 'reset-password-journey');

    // The session the other browser held is gone: its token gets 401, and its next page load asks to sign in.
    expect((await client(otherSession.idToken).GET('/me')).response.status).toBe(401);
    await other.page.reload();
    await other.page.waitForURL(/\/sign-in$/);
    expect(await other.page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();
    expect(other.faults).toEqual([]);
    await other.page.context().close();

    // The old password no longer signs in; the new one does.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email address or the password is wrong. Check both and try again.');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('ul.domains').innerText()).toContain('Demo: User');

    // The same link a second time: its own screen, with a way to ask for a new one.
    await page.goto(link);
    await chooseNewPassword(page, 'Another-pass-88!');
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('reset-link-used');
    expect(await page.getByRole('alert').innerText()).toMatch(/used already.*sign in with the new one; otherwise ask for a new link/);
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
    await expectAccessible(page);
    await screenshot(page, 'reset-password-used');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('an expired link shows its own screen, and a replaced one its own; each offers a new link', async () => {
    const member = await createUser({});
    expect((await api('POST', '/password-resets', { body: { email: member.email } })).status).toBe(202);
    const first = await resetLink(member.email);

    // The handlers' clock two hours on (the test stack honours the header): the link has expired.
    const { page, faults } = await freshPage(browser, { width: 390, height: 800 });
    await page.route(`${stack().apiUrl}/**`, (route) => route.continue({ headers: { ...route.request().headers(), [CLOCK_OFFSET_HEADER]: String(2 * HOUR_MS) } }));
    await page.goto(first);
    await chooseNewPassword(page);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('reset-link-expired');
    expect(await page.getByRole('alert').innerText()).toBe('This reset link has expired: a link works for one hour only. Ask for a new one.');
    await expectAccessible(page);
    await screenshot(page, 'reset-password-expired');
    await page.unroute(`${stack().apiUrl}/**`);

    // Asked again: the first link is replaced by the newer one.
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your inbox');
    expect(await resetLink(member.email)).not.toBe(first);
    await page.goto(first);
    await chooseNewPassword(page);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('reset-link-replaced');
    expect(await page.getByRole('alert').innerText()).toMatch(/newer reset link.*Use the link in the latest email/);
    await expectAccessible(page);

    // A token never issued, and none at all: the invalid-link screen.
    await page.goto(`${inject('webUrl')}/reset-password?token=not-a-token-we-ever-issued-0123456789`);
    await chooseNewPassword(page);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('not-found');
    expect(await page.getByRole('alert').innerText()).toMatch(/^This reset link is not valid/);
    await page.goto(`${inject('webUrl')}/reset-password`);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('not-found');
    await expectAccessible(page);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('too many requests for one address say when to try again (Retry-After), in words', async () => {
    const member = await createUser({});
    // The limit is 5 reset emails per address per hour.
    for (let i = 0; i < 5; i++) expect((await api('POST', '/password-resets', { body: { email: member.email } })).status).toBe(202);
    const { page, faults } = await freshPage(browser, { width: 390, height: 800 });
    // The API's own Retry-After (at most the hour), read by the page through CORS; moved to three
    // days on, so the sentence shows a date the page could only have taken from the header.
    const retryAfter: string[] = [];
    await page.route(`${stack().apiUrl}/password-resets`, async (route) => {
      const response = await route.fetch();
      retryAfter.push(response.headers()['retry-after'] ?? '');
      await route.fulfill({ response, headers: { ...response.headers(), 'retry-after': String(3 * DAY_S) } });
    });
    await page.goto(`${inject('webUrl')}/forgot-password`);
    // Not an address (the API's 400): said on the field.
    await page.getByLabel('Email address').fill('not-an-address');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Type the whole email address, such as name@example.com.');
    expect(await page.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    const day = new Intl.DateTimeFormat(enLocale, { dateStyle: 'long' }).format(new Date(Date.now() + 3 * DAY_S * 1000));
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(
      new RegExp(`^Too many reset emails went to this address in the last hour\\. Use the link in the latest email, or ask again after ${day} at \\d`),
    );
    expect(Number(retryAfter.at(-1))).toBeGreaterThan(0);
    expect(Number(retryAfter.at(-1))).toBeLessThanOrEqual(3600);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Forgot your password?');
    await expectAccessible(page);
    await screenshot(page, 'forgot-password-limit');
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
