/**
 * `/sign-in` in a real browser: the seeded administrator signs in with email and password
 * against the stack's Cognito app client (fetch from the page, no SDK) and lands on their
 * domains; a wrong password is a sentence, not a sign-in. axe-core runs on every page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stack } from '../integration/helpers.ts';
import { expectAccessible, launch, pageFaults, screenshot } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in on the hosted pages', () => {
  it('the administrator signs in with email and password and lands on their domains; a wrong password is refused in words', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const faults = pageFaults(page);
    const { admin } = stack();

    // Signed out, the landing sends the person to sign in.
    await page.goto(inject('webUrl'));
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectAccessible(page);

    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill(`${admin.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email address or the password is wrong. Check both and try again.');
    expect(page.url()).toMatch(/\/sign-in$/);
    expect(await page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('ul.domains').innerText()).toContain('Demo');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-journey');

    // Signing out forgets the tokens of the tab: the landing asks to sign in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(inject('webUrl'));
    await page.waitForURL(/\/sign-in$/);
    expect(faults).toEqual([]);
    await context.close();
  });
});
