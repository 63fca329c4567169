/**
 * The console's roles, settings, access review and history in a real browser
 * (web/src/console/roles.ts, settings.ts, access-review.ts, history.ts inside /domains/{id}/…):
 * a custom role created by a member who may manage roles but lacks some permissions (shown,
 * not tickable, and still refused by the API); the access review downloaded as a CSV file and
 * signed off; a branding change shown in the invitation preview before it is saved, then
 * saved, and a concurrent change said as a sentence; history showing names and filtered by
 * action and by actor. axe-core on every page, no CSP refusal or page error.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { unwrap } from '@gatehouse/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, client, createUser, expectProblem, newDomain, stack, type TestUser } from '../integration/helpers.ts';
import { expectAccessible, launch, screenshot, signedInPage } from './browser.ts';

const POLL = { timeout: 15_000 };
/** The browser's, inside locator.evaluate (this file compiles without the DOM library). */
declare const getComputedStyle: (element: unknown) => { backgroundColor: string; color: string };
let browser: Browser;
let domain: { id: string; name: string };
let ada: TestUser;
let keeper: TestUser;
let keeperRole: { id: string; name: string };

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  domain = await newDomain(await idToken(info, info.admin.email, info.admin.password), `Works ${randomUUID().slice(0, 6)}`);
  ada = await createUser({ name: 'Ada Admin' });
  await addMembership(domain.id, ada.userId, 'administrator', 'active');
  // A member who may manage roles, but holds only some permissions to hand out.
  keeperRole = unwrap(
    await client(ada.token).POST('/domains/{domainId}/roles', {
      params: { path: { domainId: domain.id } },
      body: { name: 'Role keeper', permissions: ['roles:view', 'roles:manage', 'members:view', 'assets:view', 'assets:checkout'] },
    }),
  );
  keeper = await createUser({ name: 'Kim Keeper' });
  await addMembership(domain.id, keeper.userId, keeperRole.id, 'active');
  const others = await Promise.all([createUser({ name: 'Uma User' }), createUser({ name: 'Ivo Inactive' })]);
  await addMembership(domain.id, others[0].userId, 'user', 'active');
  await addMembership(domain.id, others[1].userId, 'user', 'inactive');
});
afterAll(async () => {
  await browser?.close();
});

describe('the console: roles', () => {
  it('a member who may manage roles sees the permissions they lack disabled, and creates a role with what they hold', async () => {
    const { page, faults } = await signedInPage(browser, keeper, { width: 1200, height: 900, path: `/domains/${domain.id}/roles` });
    const roles = page.locator('gatehouse-roles');
    await expect.poll(() => roles.locator('tr[data-role="administrator"]').count(), POLL).toBe(1);
    // Built-in roles are read-only: no edit or delete beside them.
    expect(await roles.locator('tr[data-role="administrator"] button').count()).toBe(0);
    // Only what the role allows is offered: no settings, no history in the navigation.
    const nav = page.getByRole('navigation', { name: domain.name });
    expect(await nav.getByRole('link', { name: 'Roles' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'History' }).count()).toBe(0);

    await roles.getByRole('button', { name: 'New role' }).click();
    const lacking = roles.getByRole('checkbox', { name: 'Assets: Delete' });
    await expect.poll(() => lacking.isDisabled(), POLL).toBe(true);
    // Explained to assistive technology, not only greyed out.
    expect(await lacking.getAttribute('aria-describedby')).toBe('not-held');
    expect(await roles.locator('#not-held').innerText()).toMatch(/your own role does not hold/);
    expect(await roles.getByRole('checkbox', { name: 'Settings: Update' }).isDisabled()).toBe(true);
    expect(await roles.getByRole('checkbox', { name: 'Assets: Check out' }).isDisabled()).toBe(false);
    await expectAccessible(page);

    await roles.getByLabel('Name', { exact: true }).fill('Borrower');
    await roles.getByRole('checkbox', { name: 'Assets: View' }).check();
    await roles.getByRole('checkbox', { name: 'Assets: Check out' }).check();
    await screenshot(page, 'console-roles-grid');
    await roles.getByRole('button', { name: 'Create the role' }).click();
    await expect.poll(() => roles.getByRole('status').textContent(), POLL).toBe('The role Borrower is created.');
    const row = roles.locator('#custom-roles ~ div tr', { hasText: 'Borrower' });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.locator('td').nth(2).innerText()).toBe('Assets: View, Check out');

    const made = unwrap(await client(keeper.token).GET('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } } })).items.find((r) => r.name === 'Borrower');
    expect(made?.permissions.sort()).toEqual(['assets:checkout', 'assets:view']);
    // The API stays the guard: forcing a permission the member lacks is refused.
    expectProblem(
      await client(keeper.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Wrecker', permissions: ['assets:delete'] } }),
      403,
      'grant-exceeds-own',
    );
    await screenshot(page, 'console-roles');
    expect(faults).toEqual([]);
    await page.context().close();
  });
});

describe('the console: roles, edited and deleted', () => {
  it('an administrator edits a custom role in the grid, deletes it, and is told in a sentence why a role in use cannot go', async () => {
    const role = unwrap(
      await client(ada.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Porter', permissions: ['assets:view'] } }),
    );
    const { page, faults } = await signedInPage(browser, ada, { width: 1200, height: 900, path: `/domains/${domain.id}/roles` });
    page.on('dialog', (dialog) => void dialog.accept());
    const roles = page.locator('gatehouse-roles');
    const row = roles.locator(`tr[data-role="${role.id}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    await row.getByRole('button', { name: 'Edit Porter' }).click();
    // An administrator holds everything: nothing is disabled.
    expect(await roles.locator('.grid input[disabled]').count()).toBe(0);
    expect(await roles.getByRole('checkbox', { name: 'Assets: View' }).isChecked()).toBe(true);
    await roles.getByRole('checkbox', { name: 'Assets: Check in' }).check();
    await roles.getByRole('button', { name: 'Save the role' }).click();
    await expect.poll(() => roles.getByRole('status').textContent(), POLL).toBe("The role Porter is saved. Its members' next requests follow it.");
    await expect.poll(() => row.locator('td').nth(2).innerText(), POLL).toBe('Assets: View, Check in');

    await row.getByRole('button', { name: 'Delete Porter' }).click();
    await expect.poll(() => roles.getByRole('status').textContent(), POLL).toBe('The role Porter is deleted.');
    await expect.poll(() => row.count(), POLL).toBe(0);

    await roles.locator(`tr[data-role="${keeperRole.id}"]`).getByRole('button', { name: 'Delete Role keeper' }).click();
    await expect.poll(() => roles.getByRole('alert').textContent(), POLL).toBe('Members still hold this role. Give them another role first, then delete it.');
    await expectAccessible(page);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('is usable at 360 px: the page does not scroll sideways, the grid scrolls in its own region', async () => {
    const { page, faults } = await signedInPage(browser, ada, { width: 360 });
    for (const section of ['roles', 'settings', 'access-review', 'history']) {
      await page.goto(`${inject('webUrl')}/domains/${domain.id}/${section}`);
      await expect.poll(() => page.locator('main h2, gatehouse-roles h2, gatehouse-settings h2, gatehouse-access-review h2, gatehouse-history h2').count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.muted', { hasText: 'Loading' }).count(), POLL).toBe(0);
      if (section === 'roles') await page.locator('gatehouse-roles').getByRole('button', { name: 'New role' }).click();
      await screenshot(page, `console-${section}-360`);
      expect(await page.evaluate('document.documentElement.scrollWidth'), section).toBeLessThanOrEqual(360);
    }
    expect(faults).toEqual([]);
    await page.context().close();
  });
});

describe('the console: in Finnish and French', () => {
  it('the grid, the preview and the history speak the language chosen', async () => {
    const { page, faults } = await signedInPage(browser, keeper, { path: `/domains/${domain.id}/roles?lang=fi` });
    const roles = page.locator('gatehouse-roles');
    await roles.getByRole('button', { name: 'Uusi rooli' }).click();
    expect(await roles.getByRole('checkbox', { name: 'Laitteet: Poista' }).isDisabled()).toBe(true);
    expect(await roles.locator('#not-held').innerText()).toBe('Harmaana näkyviä oikeuksia oma roolisi ei sisällä: et voi antaa niitä.');
    await expectAccessible(page);
    await page.context().close();

    const fr = await signedInPage(browser, ada, { path: `/domains/${domain.id}/history?lang=fr` });
    const history = fr.page.locator('gatehouse-history');
    await expect.poll(() => history.locator('tr[data-action="domain.created"] td').nth(2).innerText(), POLL).toBe('Domaine créé');
    await fr.page.goto(`${inject('webUrl')}/domains/${domain.id}/settings?lang=fr`);
    await expect.poll(() => fr.page.locator('gatehouse-settings #preview-title').innerText(), POLL).toBe('Aperçu : un e-mail d’invitation');
    await expectAccessible(fr.page);
    expect([...faults, ...fr.faults]).toEqual([]);
    await fr.page.context().close();
  });
});

describe('the console: access review', () => {
  it('shows the table and due date, downloads the CSV file, and is signed off with a note', async () => {
    const { page, faults } = await signedInPage(browser, ada, { width: 1200, height: 900, path: `/domains/${domain.id}/access-review` });
    const review = page.locator('gatehouse-access-review');
    await expect.poll(() => review.locator('tr[data-user]').count(), POLL).toBe(5);
    expect(await review.locator('[data-due]').innerText()).toMatch(/^The next review falls due on \d{1,2} \w+ \d{4}\.$/);
    expect(await review.locator('[data-last-sign-off]').innerText()).toBe('Nobody has signed off a review of this domain yet.');
    const ivo = review.locator('tr[data-user]', { hasText: 'Ivo Inactive' });
    expect((await ivo.locator('td').allInnerTexts()).slice(2, 4)).toEqual(['User', 'Deactivated']);
    const kim = review.locator('tr[data-user]', { hasText: 'Kim Keeper' });
    expect(await kim.locator('td').nth(2).innerText()).toBe('Role keeper');
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^access-review-${domain.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/email/i);
    for (const person of [ada, keeper]) expect(csv).toContain(person.email);

    await review.getByLabel('Note (optional)').fill('Checked every member; Ivo stays deactivated.');
    await review.getByRole('button', { name: 'Sign off', exact: true }).click();
    await expect.poll(() => review.getByRole('status').textContent(), POLL).toMatch(/^Signed off on .+\. The next review falls due on .+\.$/);
    await expect.poll(() => review.locator('[data-last-sign-off]').innerText(), POLL).toMatch(/^Last signed off on .+ by Ada Admin\.\n+Checked every member; Ivo stays deactivated\.$/);
    const signed = unwrap(await client(ada.token).GET('/domains/{domainId}/access-review', { params: { path: { domainId: domain.id } } }));
    expect(signed.lastSignOff).toMatchObject({ by: ada.userId, note: 'Checked every member; Ivo stays deactivated.' });
    await expectAccessible(page);
    await screenshot(page, 'console-access-review');
    expect(faults).toEqual([]);
    await page.context().close();
  });
});

describe('the console: settings', () => {
  it('shows a branding change in the invitation preview before saving, then saves it; a concurrent change is a sentence with a reload', async () => {
    const { page, faults } = await signedInPage(browser, ada, { width: 1200, height: 900, path: `/domains/${domain.id}/settings` });
    const settings = page.locator('gatehouse-settings');
    const product = settings.getByLabel('Product name');
    await expect.poll(() => product.inputValue(), POLL).not.toBe('');
    await expectAccessible(page);
    const before = unwrap(await client(ada.token).GET('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } } }));

    // The logo's host answers with a 1x1 PNG (no network in tests): the preview loads it under the pages' CSP.
    await page.route('https://logo.example.test/**', (route) =>
      route.fulfill({ contentType: 'image/png', body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') }),
    );
    await product.fill('Bright Tools');
    await settings.getByLabel('Primary colour').fill('#7c2d12');
    await settings.getByLabel('Logo URL (https, optional)').fill('https://logo.example.test/mark.png');
    await expect.poll(() => settings.locator('.mail header img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), POLL).toBe(1);
    // The preview follows the typing, before anything is saved.
    await expect.poll(() => settings.locator('[data-preview="product"]').innerText(), POLL).toBe('Bright Tools');
    expect(await settings.locator('[data-preview="subject"]').innerText()).toBe(`Alex Example invited you to join ${domain.name} on Bright Tools`);
    await expect.poll(() => settings.locator('[data-preview="button"]').evaluate((el) => getComputedStyle(el).backgroundColor), POLL).toBe('rgb(124, 45, 18)');
    expect(await settings.locator('[data-preview="button"]').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    const unsaved = unwrap(await client(ada.token).GET('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } } }));
    expect(unsaved.branding).toEqual(before.branding);
    await expectAccessible(page);
    await screenshot(page, 'console-settings-preview');

    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await expect.poll(() => settings.getByRole('status').textContent(), POLL).toBe('The settings are saved.');
    const saved = unwrap(await client(ada.token).GET('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } } }));
    expect(saved.branding).toEqual({ productName: 'Bright Tools', primaryColor: '#7c2d12', logoUrl: 'https://logo.example.test/mark.png' });
    expect(saved.version).toBe(before.version + 1);

    // Someone else saves meanwhile: this page's save is refused (412), said as a sentence.
    unwrap(await client(ada.token).PATCH('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } }, body: { staleAfterDays: 120 } }));
    await settings.getByLabel('Review access every (days)').fill('30');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await expect.poll(() => settings.getByRole('alert').innerText(), POLL).toMatch(/^Someone else changed the settings since you opened them\./);
    await settings.getByRole('button', { name: 'Reload the settings' }).click();
    await expect.poll(() => settings.getByLabel('Deactivate members inactive for (days)').inputValue(), POLL).toBe('120');
    expect(await settings.getByRole('alert').count()).toBe(0);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});

describe('the console: history', () => {
  it('shows actors and targets by name, and filters by action and by actor', async () => {
    unwrap(await client(keeper.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Lender', permissions: ['assets:view'] } }));
    unwrap(await client(ada.token).PATCH('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } }, body: { name: `${domain.name} Ltd` } }));
    const { page, faults } = await signedInPage(browser, ada, { width: 1200, height: 900, path: `/domains/${domain.id}/history` });
    const history = page.locator('gatehouse-history');
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(2);
    // Newest first: the settings change just made.
    expect(await rows.first().getAttribute('data-action')).toBe('settings.updated');
    expect((await rows.first().locator('td').allInnerTexts()).slice(1)).toEqual(['Ada Admin', 'Settings changed', `${domain.name} Ltd`]);
    const created = history.locator(`tbody tr[data-action="role.created"]`, { hasText: 'Role keeper' });
    expect((await created.locator('td').allInnerTexts()).slice(1)).toEqual(['Ada Admin', 'Role created', 'Role keeper']);
    // Names, not ids: no user id or role id shows anywhere in the table.
    const table = await history.locator('table').innerText();
    for (const id of [ada.userId, keeper.userId, keeperRole.id]) expect(table).not.toContain(id);
    await expectAccessible(page);
    await screenshot(page, 'console-history');

    await history.getByLabel('Action').selectOption({ label: 'Role created' });
    await expect.poll(async () => [...new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))))], POLL).toEqual(['role.created']);
    expect(await history.locator('tbody tr', { hasText: 'Role keeper' }).count()).toBe(1);

    // A name filters by that actor; the chip removes the filter.
    await history.getByLabel('Action').selectOption({ label: 'All actions' });
    await expect.poll(async () => new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))).size, POLL).toBeGreaterThan(1);
    await created.getByRole('button', { name: 'Ada Admin' }).click();
    await expect.poll(() => history.locator('[data-filter="actor"]').count(), POLL).toBe(1);
    await expect.poll(async () => [...new Set(await rows.locator('td:nth-child(2)').allInnerTexts())], POLL).toEqual(['Ada Admin']);
    await history.getByRole('button', { name: 'Remove the filter: Who: Ada Admin' }).click();
    await expect.poll(() => history.locator('[data-filter]').count(), POLL).toBe(0);

    // Or a person chosen by typing their name (suggestions from the members search).
    const who = history.getByLabel('Who', { exact: true });
    await who.pressSequentially('kIM', { delay: 30 });
    await expect.poll(() => history.locator('#people option').evaluateAll((options) => options.map((o) => o.getAttribute('value'))), POLL).toEqual([`Kim Keeper <${keeper.email}>`]);
    await who.fill(`Kim Keeper <${keeper.email}>`);
    await expect.poll(() => history.locator('[data-filter="actor"]').innerText(), POLL).toBe('Who: Kim Keeper ✕');
    await expect.poll(async () => (await rows.locator('td:nth-child(3)').allInnerTexts()).includes('Role created') && [...new Set(await rows.locator('td:nth-child(2)').allInnerTexts())].join(), POLL).toBe('Kim Keeper');
    expect(await history.locator('tbody tr', { hasText: 'Lender' }).count()).toBe(1);
    await expectAccessible(page);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
