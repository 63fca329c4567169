/**
 * The console's assets and locations (web/src/console/assets.ts and locations.ts inside
 * /domains/{id}/assets and /locations) in a real browser: an administrator creates a location
 * and an asset there, finds it by searching part of its tag, checks it out (then finds it under
 * "held by me") and in, and reserves it; the location's count links to its assets. A role that
 * may only view is offered none of those actions, and the API still refuses it. axe-core on
 * each page, screenshots.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, client, createUser, newDomain, stack } from '../integration/helpers.ts';
import { expectAccessible, launch, screenshot, signedInPage } from './browser.ts';

const POLL = { timeout: 15_000 };
let browser: Browser;
let domain: { id: string; name: string };
let admin: { email: string; password: string; userId: string; token: string };

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  domain = await newDomain(await idToken(info, info.admin.email, info.admin.password), `Yard ${randomUUID().slice(0, 6)}`);
  admin = await createUser({ name: 'Ines Inventory' });
  await addMembership(domain.id, admin.userId, 'administrator', 'active');
});
afterAll(async () => {
  await browser?.close();
});

const assetRows = (page: Page) => page.locator('gatehouse-assets tbody tr');

describe('the console: assets and locations', () => {
  it('creates a location and an asset there, finds it, checks it out and in, and reserves it', async () => {
    const { page, faults } = await signedInPage(browser, admin);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/locations`);
    await page.getByRole('button', { name: 'New location' }).click();
    await page.getByLabel('Name').fill('Workshop North');
    await page.getByLabel('Description').fill('Shelves by the loading bay');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('gatehouse-locations [role=status]').first().textContent(), POLL).toBe('Workshop North is added.');
    await expect.poll(() => page.locator('gatehouse-locations tbody tr').count(), POLL).toBe(1);
    expect(await page.locator('gatehouse-locations tbody tr td').allInnerTexts()).toEqual(['Workshop North', 'Shelves by the loading bay', '0 assets', 'Edit']);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Assets', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/assets`);
    await expect.poll(() => page.locator('gatehouse-assets [role=status]').textContent(), POLL).toBe('No asset matches.');
    await page.getByRole('button', { name: 'New asset' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Cordless drill');
    await page.getByLabel('Tag or barcode').fill('DR-001');
    // The location list arrives with the permissions; choose the one just made.
    await expect.poll(() => page.locator('#asset-location option').count(), POLL).toBe(2);
    await page.locator('#asset-location').selectOption({ label: 'Workshop North' });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => assetRows(page).count(), POLL).toBe(1);
    expect((await assetRows(page).first().locator('td').allInnerTexts()).slice(0, 4)).toEqual(['Cordless drill', 'DR-001', 'Workshop North', 'Available']);
    // A second asset, so that the search has something to leave out.
    await page.getByRole('button', { name: 'New asset' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ladder');
    await page.getByLabel('Tag or barcode').fill('LD-7');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => assetRows(page).count(), POLL).toBe(2);

    // Search as you type, by part of the tag in another case; kept in the URL.
    await page.getByLabel('Search').pressSequentially('dr-0', { delay: 30 });
    await expect.poll(() => assetRows(page).count(), POLL).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('dr-0');

    await page.getByRole('button', { name: 'Check out: Cordless drill' }).click();
    await expect.poll(() => page.locator('gatehouse-assets p[role=status]').first().textContent(), POLL).toBe('Cordless drill is checked out to you.');
    await expect.poll(() => assetRows(page).first().locator('td').nth(3).innerText(), POLL).toMatch(/^Checked out to Ines Inventory since /);
    // Assets by holder: the caller's own.
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Held by').selectOption({ label: 'Me' });
    await expect.poll(() => assetRows(page).count(), POLL).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'console-assets');

    await page.getByRole('button', { name: 'Check in: Cordless drill' }).click();
    await expect.poll(() => page.locator('gatehouse-assets p[role=status]').first().textContent(), POLL).toBe('Cordless drill is checked in.');
    await expect.poll(() => page.locator('gatehouse-assets [role=status]').last().textContent(), POLL).toBe('No asset matches.');
    await page.getByLabel('Held by').selectOption({ label: 'Anyone' });
    await expect.poll(() => assetRows(page).count(), POLL).toBe(2);
    expect(await assetRows(page).first().locator('td').nth(3).innerText()).toBe('Available');

    // Reservations: none yet, then one.
    await page.getByRole('button', { name: 'Reservations: Cordless drill' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Reservations of Cordless drill' }).isVisible(), POLL).toBe(true);
    await page.getByLabel('From').fill('2031-03-10T09:00');
    await page.getByLabel('Until').fill('2031-03-10T17:00');
    await page.getByRole('button', { name: 'Reserve' }).click();
    await expect.poll(() => page.locator('gatehouse-assets section li').count(), POLL).toBe(1);
    expect(await page.locator('gatehouse-assets section li').innerText()).toMatch(/2031.*reserved by Ines Inventory$/);
    await expectAccessible(page);
    await screenshot(page, 'console-assets-reservation');
    // Usable at 360 px: nothing wider than the screen (the table scrolls inside its region).
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'console-assets-360');

    // The location now counts its asset and links to it.
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/locations`);
    await page.getByRole('link', { name: '1 asset' }).click();
    await expect.poll(() => assetRows(page).count(), POLL).toBe(1);
    expect(await assetRows(page).first().locator('td').first().innerText()).toBe('Cordless drill');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('offers a role that may only view no action, and the API still refuses one', async () => {
    const token = admin.token;
    const role = unwrap(await client(token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Looker', permissions: ['assets:view', 'locations:view'] } }));
    const looker = await createUser({ name: 'Lou Looker' });
    await addMembership(domain.id, looker.userId, role.id, 'active');
    const asset = unwrap(await client(token).POST('/domains/{domainId}/assets', { params: { path: { domainId: domain.id } }, body: { name: 'Pallet jack', tag: 'PJ-1' } }));

    const { page, faults } = await signedInPage(browser, looker);
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/assets?q=PJ-1`);
    await expect.poll(() => assetRows(page).count(), POLL).toBe(1);
    // A console page loads the console's build only (console.html), and of its sections only this one.
    expect(scripts.every((path) => /^\/console\/[\w-]+-[A-Z0-9]{8}\.js$/.test(path)), scripts.join(', ')).toBe(true);
    expect(scripts.filter((path) => /^\/console\/(assets|members|locations)-/.test(path)).map((path) => path.split('-')[0])).toEqual(['/console/assets']);
    const offered = await page.locator('gatehouse-assets button').allInnerTexts();
    expect(offered.filter((name) => ['New asset', 'Check out', 'Check in', 'Edit'].includes(name))).toEqual([]);
    expect(offered).toContain('Reservations');
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/locations`);
    await expect.poll(() => page.locator('gatehouse-locations tbody tr').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('gatehouse-locations button').count()).toBe(0);
    await expectAccessible(page);

    const forced = await client(looker.token).POST('/domains/{domainId}/assets/{assetId}/checkout', { params: { path: { domainId: domain.id, assetId: asset.id } }, body: {} });
    expect(forced.response.status).toBe(403);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
