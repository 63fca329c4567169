/**
 * `/sign-in` in a real browser: a member signs in with email and password against the
 * stack's Cognito app client (fetch from the page, no SDK) and lands on their domains; a
 * wrong password is a sentence, not a sign-in; signing out ends the session everywhere.
 * axe-core runs on every page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addMembership, client, createUser, stack } from '../integration/helpers.ts';
import { expectAccessible, launch, pageFaults, screenshot } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in on the hosted pages', () => {
  it('a member signs in and lands on their domains; a wrong password is refused in words; a session near expiry is refreshed; sign-out ends the session everywhere (a copied ID or refresh token gets nowhere)', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const faults = pageFaults(page);
    // Not the seeded administrator: signing out ends every session of the account, and the other files use the administrator's.
    const member = await createUser({ name: 'Mia Member' });
    await addMembership(stack().demoDomainId, member.userId, 'manager', 'active');

    // Signed out, the landing sends the person to sign in.
    await page.goto(inject('webUrl'));
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-page');

    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(`${member.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email address or the password is wrong. Check both and try again.');
    expect(page.url()).toMatch(/\/sign-in$/);
    expect(await page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();

    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('ul.domains').innerText()).toContain('Demo');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-journey');

    // A session about to expire is refreshed (REFRESH_TOKEN_AUTH) before the next call: the
    // stored expiry is moved to 30 s from now, as the clock would, and the page reloaded.
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem("gatehouse.session"));
      sessionStorage.setItem("gatehouse.session", JSON.stringify({ ...session, expiresAt: Date.now() + 30000 }));
    })()`);
    await page.reload();
    await expect.poll(() => page.locator('ul.domains').innerText()).toContain('Demo');
    const refreshed = JSON.parse(String(await page.evaluate('sessionStorage.getItem("gatehouse.session")'))) as { expiresAt: number; refreshToken?: string };
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.expiresAt - Date.now()).toBeGreaterThan(5 * 60 * 1000);

    // The ID token the page holds: after sign-out, someone who copied it gets nowhere (the attack fails).
    const session = JSON.parse(String(await page.evaluate('sessionStorage.getItem("gatehouse.session")'))) as { idToken: string; refreshToken: string };
    expect((await client(session.idToken).GET('/me')).response.status).toBe(200);

    // Signing out ends the session everywhere and forgets the tab's tokens: the landing asks to sign in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();
    expect((await client(session.idToken).GET('/me')).response.status).toBe(401);
    // Nor does a copied refresh token renew the session (the attack fails).
    const { cognito } = stack();
    const renewed = await fetch(cognito.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: cognito.clientId, AuthParameters: { REFRESH_TOKEN: session.refreshToken } }),
    });
    const renewedBody = (await renewed.json()) as { AuthenticationResult?: { IdToken: string } };
    if (renewedBody.AuthenticationResult) expect((await client(renewedBody.AuthenticationResult.IdToken).GET('/me')).response.status).toBe(401);
    else expect(renewed.status).toBe(400);
    await page.goto(inject('webUrl'));
    await page.waitForURL(/\/sign-in$/);
    expect(faults).toEqual([]);
    await context.close();
  });
});
