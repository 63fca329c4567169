/**
 * The console's members page in a real browser (web/src/console/members.ts inside
 * /domains/{id}/members): reached from the landing, search as you type, filters kept in the
 * URL (a link with ?status=inactive opens filtered), paging; a role without members:view is
 * not offered the page, and the API still refuses it when the address is typed. axe-core on
 * every page.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, client, createUser, newDomain, stack } from '../integration/helpers.ts';
import { expectAccessible, launch, screenshot, signedInPage } from './browser.ts';

const POLL = { timeout: 15_000 };
/** The test domain's primary colour, and how the browser computes it. */
const BRAND = '#7c2d12';
const BRAND_RGB = 'rgb(124, 45, 18)';
let browser: Browser;
let domain: { id: string; name: string };
let admin: { email: string; password: string; userId: string; token: string };

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  const ownerToken = await idToken(info, info.admin.email, info.admin.password);
  domain = await newDomain(ownerToken, `Depot ${randomUUID().slice(0, 6)}`);
  // The domain's own brand colour: the console's elements theme themselves with it.
  unwrap(await client(ownerToken).PATCH('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } }, body: { branding: { primaryColor: BRAND } } }));
  admin = await createUser({ name: 'Ada Admin' });
  await addMembership(domain.id, admin.userId, 'administrator', 'active');
  // 26 more: with the stack's administrator (who made the domain) and Ada, 28, two pages of 25;
  // one of them deactivated and easy to find.
  const people = await Promise.all(Array.from({ length: 26 }, (_, i) => createUser({ name: i === 0 ? 'Zoë Searchable' : `Member ${String(i).padStart(2, '0')}` })));
  await Promise.all(people.map((person, i) => addMembership(domain.id, person.userId, 'user', i === 0 ? 'inactive' : 'active')));
});
afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page) => page.locator('gatehouse-members tbody tr');

describe('the console: members', () => {
  it('opens from the landing, pages through the members, searches as the administrator types, and keeps the filters in the URL', async () => {
    const { page, faults } = await signedInPage(browser, admin);
    await page.getByRole('link', { name: `${domain.name}: Administrator` }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/members`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe(domain.name);
    await expect.poll(() => rows(page).count(), POLL).toBe(25);
    await expectAccessible(page);
    await screenshot(page, 'console-members');

    // Themed with the domain's brand colour by default (no --gatehouse-brand on this page).
    expect(await page.getByRole('button', { name: 'Next page' }).evaluate((button) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(button).backgroundColor)).toBe(BRAND_RGB);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => rows(page).count(), POLL).toBe(3);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => rows(page).count(), POLL).toBe(25);

    // Search as you type, any case: one match, its status and role in words.
    await page.getByLabel('Search').pressSequentially('zOË', { delay: 30 });
    await expect.poll(() => rows(page).count(), POLL).toBe(1);
    const cells = await rows(page).first().locator('td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['Zoë Searchable', expect.stringContaining('@'), 'User', 'Deactivated']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('zOË');
    await page.getByLabel('Search').fill('nobody-by-this-name');
    await expect.poll(() => page.locator('gatehouse-members [role=status]').textContent(), POLL).toBe('No member matches.');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a link with ?status=inactive opens filtered, the filter shown as chosen', async () => {
    const { page } = await signedInPage(browser, admin);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members?status=inactive`);
    await expect.poll(() => rows(page).count(), POLL).toBe(1);
    expect(await rows(page).first().locator('td').first().innerText()).toBe('Zoë Searchable');
    expect(await page.getByLabel('Status').inputValue()).toBe('inactive');
    await page.getByLabel('Status').selectOption({ label: 'All statuses' });
    await expect.poll(() => rows(page).count(), POLL).toBe(25);
    expect(new URL(page.url()).searchParams.has('status')).toBe(false);
    await page.context().close();
  });

  it('is not offered to a role without members:view, and the API still refuses the typed address; a domain of someone else says so', async () => {
    const role = unwrap(
      await client(admin.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Porter', permissions: ['assets:view'] } }),
    );
    const porter = await createUser({ name: 'Pat Porter' });
    await addMembership(domain.id, porter.userId, role.id, 'active');
    const { page, faults } = await signedInPage(browser, porter);
    await expect.poll(() => page.locator(`li[data-domain="${domain.id}"]`).innerText(), POLL).toBe(`${domain.name}: Porter`);
    expect(await page.locator(`li[data-domain="${domain.id}"] a`).count()).toBe(0);

    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await expect.poll(() => page.locator('gatehouse-members [role=alert]').count(), POLL).toBe(1);
    expect(await rows(page).count()).toBe(0);
    await expectAccessible(page);

    await page.goto(`${inject('webUrl')}/domains/${randomUUID()}/members`);
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toMatch(/not a member of this domain/);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
