/**
 * `/account` in a real browser: a signed-out visitor signs in and comes back; the profile's
 * name and language change (a refused name is shown on its field; the page turns Finnish);
 * the domains show the role's name, built-in or custom; signing out everywhere ends a second
 * browser's session. `?next=` never leads to another origin. axe-core on every page; 360 px wide.
 */
import { unwrap } from '@gatehouse/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, client, createUser, newDomain, stack } from '../integration/helpers.ts';
import { expectAccessible, fillSignIn, freshPage, launch, screenshot, signInThroughPage } from './browser.ts';

let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  const info = stack();
  [browser, adminToken] = await Promise.all([launch(), idToken(info, info.admin.email, info.admin.password)]);
});
afterAll(async () => {
  await browser?.close();
});

describe('the account page', () => {
  it('signs in and comes back; shows the domains with role names; changes name and language (the page turns Finnish); signs out everywhere', async () => {
    const member = await createUser({ name: 'Aino Account' });
    const domain = await newDomain(adminToken);
    const role = unwrap(await client(adminToken).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Night shift', permissions: ['assets:view'] } }));
    await addMembership(stack().demoDomainId, member.userId, 'manager', 'active');
    await addMembership(domain.id, member.userId, role.id, 'active');

    // A second browser, signed in first: signing out everywhere ends its session too.
    const other = await freshPage(browser, { width: 1024, height: 740 });
    await signInThroughPage(other.page, member.email, member.password);
    // The landing names the roles too, and links to the account page.
    await expect.poll(() => other.page.locator('ul.domains').innerText()).toContain('Demo: Manager');
    expect(await other.page.locator('ul.domains').innerText()).toContain(`${domain.name}: Night shift`);
    expect(await other.page.getByRole('link', { name: 'Your account' }).getAttribute('href')).toBe('/account');
    // `?domain=` puts that domain first.
    await other.page.goto(`${inject('webUrl')}/?domain=${domain.id}`);
    await expect.poll(() => other.page.locator('ul.domains li').first().innerText()).toBe(`${domain.name}: Night shift`);

    // Signed out, /account sends the visitor to sign in, and back after.
    const { page, faults } = await freshPage(browser, { width: 360, height: 740 });
    await page.goto(`${inject('webUrl')}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await fillSignIn(page, member.email, member.password);
    await page.waitForURL(/\/account$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    expect(await page.getByLabel('Email address').inputValue()).toBe(member.email);
    expect(await page.getByLabel('Name').inputValue()).toBe('Aino Account');
    const domains = await page.locator('ul.domains').innerText();
    expect(domains).toContain('Demo: Manager');
    expect(domains).toContain(`${domain.name}: Night shift`);
    await expectAccessible(page);
    // A 360 px phone: nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'account');

    // A name the API refuses is shown on its field.
    await page.getByLabel('Name').fill('   ');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#name-problem').innerText()).toBe('Type your name: 1 to 100 characters, on one line.');
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    // Name and language: the page turns Finnish, and the profile holds both.
    await page.getByLabel('Name').fill('Aino Tili');
    await page.getByLabel('Language of pages and emails').selectOption('fi');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Oma tili');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await page.getByRole('status').innerText()).toBe('Muutokset on tallennettu.');
    expect(await page.getByLabel('Nimi', { exact: true }).getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator('ul.domains').innerText()).toContain('Demo: Manager');
    const me = unwrap(await client(member.token).GET('/me'));
    expect({ name: me.name, language: me.language }).toEqual({ name: 'Aino Tili', language: 'fi' });
    await expectAccessible(page);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'account-finnish');

    // The Finnish language stays on the next load.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Oma tili');

    // Sign out everywhere: this tab forgets its tokens, and the other browser's session has ended.
    await page.getByRole('button', { name: 'Kirjaudu ulos kaikkialta' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();
    await other.page.reload();
    await other.page.waitForURL(/\/sign-in$/);
    expect(await other.page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();
    expect(other.faults).toEqual([]);
    await other.page.context().close();
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('?next= leads only to a path of the pages: an absolute or scheme-relative URL lands on the landing (the open redirect fails)', async () => {
    const member = await createUser({});
    await addMembership(stack().demoDomainId, member.userId, 'user', 'active');
    const web = new URL(inject('webUrl'));
    for (const next of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example/steal']) {
      const { page, faults } = await freshPage(browser, { width: 360, height: 740 });
      const leftFor: string[] = [];
      page.on('request', (request) => new URL(request.url()).hostname === 'evil.example' && leftFor.push(request.url()));
      await page.goto(`${web.origin}/sign-in?next=${encodeURIComponent(next)}`);
      await fillSignIn(page, member.email, member.password);
      await page.waitForURL((url) => url.origin === web.origin && url.pathname === '/');
      await expect.poll(() => page.locator('ul.domains').innerText()).toContain('Demo: User');
      expect(leftFor).toEqual([]);
      expect(faults).toEqual([]);
      await page.context().close();
    }
  });
});
