/**
 * The console's registration links in a real browser (web/src/console/links.ts inside
 * /domains/{id}/links): an administrator creates a link (validity, most registrations, allowed
 * email domain, no role), copies it (the clipboard holds it; the page says "copied"); a
 * registrant in a second browser context registers through it and confirms the address from the
 * mail in the SES emulator; the console then shows the link's use and the registrant waiting,
 * and "assign the role" activates them, which their own next load shows. Revoking the link asks
 * first, and the link then has its own screen. A role that may only view is offered neither
 * the form nor the buttons. axe-core on every page.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, client, createUser, newDomain, sentEmails, stack, type TestUser } from '../integration/helpers.ts';
import { expectAccessible, freshPage, launch, screenshot, signedInPage } from './browser.ts';

const POLL = { timeout: 15_000 };
const PASSWORD = 'Correct-horse-42!';
let browser: Browser;
let ownerToken: string;
let admin: TestUser;

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  ownerToken = await idToken(info, info.admin.email, info.admin.password);
  admin = await createUser({ name: 'Lea Linkmaker' });
});
afterAll(async () => {
  await browser?.close();
});

async function domainOfLea(): Promise<{ id: string; name: string }> {
  const domain = await newDomain(ownerToken, `Depot ${randomUUID().slice(0, 6)}`);
  await addMembership(domain.id, admin.userId, 'administrator', 'active');
  return domain;
}

/** The verification link of the newest mail to `email`, once it is there. */
async function verificationLink(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mail = (await sentEmails(email)).at(-1);
      link = /https?:\/\/[^\s"<>]+\/verify-email\?token=[A-Za-z0-9_-]+(&lang=[a-z]+)?/.exec(mail?.body.text ?? '')?.[0];
      return link;
    }, POLL)
    .toBeDefined();
  return link ?? '';
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const linkRows = (page: Page) => page.locator('gatehouse-links tbody tr');
const waiting = (page: Page) => page.locator('gatehouse-links ul.pending li');

describe('the console: registration links', () => {
  it('a link created and copied in the console, used by a registrant in a second browser, who is activated by "assign the role"', async () => {
    const domain = await domainOfLea();
    const { page, faults } = await signedInPage(browser, admin, { width: 1024, height: 900 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('webUrl')).origin });
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await page.getByRole('link', { name: 'Registration links' }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/links`);
    await expect.poll(() => page.locator('gatehouse-links').getByText('No registration link yet.').count(), POLL).toBe(1);
    await expect.poll(() => page.locator('gatehouse-links').getByText('Nobody is waiting for a role.').count(), POLL).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('Valid for (days)').fill('5');
    await page.getByLabel('Most registrations (optional)').fill('3');
    await page.getByLabel('Allowed email domains (optional)').fill('@Example.test');
    expect(await page.getByLabel('Role of the people who register').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Create the link' }).click();

    const address = page.getByLabel('The link', { exact: true });
    await expect.poll(() => address.inputValue(), POLL).toMatch(new RegExp(`^${inject('webUrl')}/accept-invitation\\?token=[A-Za-z0-9_-]+$`));
    const url = await address.inputValue();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => page.locator('gatehouse-links .copy-state').innerText(), POLL).toBe('Copied to the clipboard.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await expect.poll(() => linkRows(page).count(), POLL).toBe(1);
    expect((await linkRows(page).first().locator('td').allInnerTexts()).slice(0, 4)).toEqual(['Given by an administrator', '0 of 3', 'example.test', expect.stringMatching(/^Valid until /)]);
    await expectAccessible(page);
    await screenshot(page, 'console-links-created');

    // A second browser context: the registrant opens the copied link, registers, confirms the address.
    const email = `rita-${randomUUID().slice(0, 8)}@example.test`;
    const registrant = await freshPage(browser, { locale: 'en-GB' });
    await registrant.page.goto(url);
    await expect.poll(() => heading(registrant.page), POLL).toBe(`Join ${domain.name}`);
    await registrant.page.getByLabel('Your email address').fill(email);
    await registrant.page.getByLabel('Your name').fill('Rita Registrant');
    await registrant.page.getByLabel('Choose a password').fill(PASSWORD);
    await registrant.page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => heading(registrant.page), POLL).toBe('Check your inbox');
    await registrant.page.goto(await verificationLink(email));
    await registrant.page.getByRole('button', { name: 'Confirm my email address' }).click();
    await expect.poll(() => heading(registrant.page), POLL).toBe('Your email address is confirmed');
    expect(await registrant.page.locator('[data-status]').getAttribute('data-status')).toBe('pending');

    // Back in the console: the link counts one registration, and Rita waits for a role.
    await page.reload();
    await expect.poll(() => linkRows(page).first().locator('td').nth(1).innerText(), POLL).toBe('1 of 3');
    await expect.poll(() => waiting(page).count(), POLL).toBe(1);
    expect(await waiting(page).first().innerText()).toContain(`Rita Registrant · ${email} · Registered on`);
    const roleOfRita = page.getByLabel('Role for Rita Registrant');
    expect(await roleOfRita.inputValue()).toBe('');
    await expectAccessible(page);
    await screenshot(page, 'console-links-waiting');
    // No role chosen: the browser asks for one (the list is required), and nothing changes.
    await waiting(page).first().getByRole('button', { name: 'Assign the role' }).click();
    expect(await waiting(page).count()).toBe(1);
    await roleOfRita.selectOption({ label: 'User' });
    await waiting(page).first().getByRole('button', { name: 'Assign the role' }).click();
    await expect.poll(() => page.locator('gatehouse-links p.good[role=status]').innerText(), POLL).toBe('Rita Registrant is now active, as User.');
    await expect.poll(() => page.locator('gatehouse-links').getByText('Nobody is waiting for a role.').count(), POLL).toBe(1);
    const members = unwrap(await client(admin.token).GET('/domains/{domainId}/members', { params: { path: { domainId: domain.id }, query: { q: email } } })).items;
    expect(members.map((m) => [m.email, m.role, m.status])).toEqual([[email, 'user', 'active']]);

    // Rita signs in: her landing shows the domain with her role.
    await registrant.page.goto(`${inject('webUrl')}/sign-in`);
    await registrant.page.getByLabel('Email address').fill(email);
    await registrant.page.getByLabel('Password').fill(PASSWORD);
    await registrant.page.getByRole('button', { name: 'Sign in' }).click();
    await registrant.page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => registrant.page.locator(`li[data-domain="${domain.id}"]`).innerText(), POLL).toBe(`${domain.name}: User`);

    // The address is shown once; a new one can be had (after a yes), and the old one dies.
    await linkRows(page).first().getByRole('button', { name: 'New address' }).click();
    expect(await linkRows(page).first().getByRole('group').innerText()).toContain('Give this link a new address to copy? The current address stops working at once');
    await linkRows(page).first().getByRole('button', { name: 'Yes, a new address' }).click();
    await expect.poll(() => address.inputValue(), POLL).not.toBe(url);
    const renewed = await address.inputValue();
    expect(renewed).toMatch(/\/accept-invitation\?token=[A-Za-z0-9_-]+$/);
    expect(await page.locator('gatehouse-links p.good[role=status]').innerText()).toBe('The link has a new address: copy it now from "The link". The old address no longer works.');
    expect(await linkRows(page).first().locator('td').nth(1).innerText()).toBe('1 of 3');
    const other = await freshPage(browser, { locale: 'en-GB' });
    await other.page.goto(url);
    await expect.poll(() => other.page.locator('[data-problem]').getAttribute('data-problem'), POLL).toBe('invitation-revoked');
    await other.page.goto(renewed);
    await expect.poll(() => heading(other.page), POLL).toBe(`Join ${domain.name}`);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page);
    await screenshot(page, 'console-links-360');
    await page.setViewportSize({ width: 1024, height: 900 });

    // Revoking asks first; then the link has its own screen.
    await linkRows(page).first().getByRole('button', { name: 'Revoke' }).click();
    expect(await linkRows(page).first().getByRole('group').innerText()).toContain('Revoke this link? Nobody can register with it any more.');
    await linkRows(page).first().getByRole('button', { name: 'Yes, revoke it' }).click();
    await expect.poll(() => page.locator('gatehouse-links').getByText('No registration link yet.').count(), POLL).toBe(1);
    await other.page.goto(renewed);
    await expect.poll(() => other.page.locator('[data-problem]').getAttribute('data-problem'), POLL).toBe('invitation-revoked');
    expect(faults).toEqual([]);
    expect(registrant.faults).toEqual([]);
    expect(other.faults).toEqual([]);
    await Promise.all([page.context().close(), registrant.page.context().close(), other.page.context().close()]);
  });

  it('a link with a role refused by the API says why; an admin role is never offered for a link', async () => {
    const domain = await domainOfLea();
    const { page, faults } = await signedInPage(browser, admin, { width: 1024, height: 900 });
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/links`);
    const roleList = page.getByLabel('Role of the people who register');
    await expect.poll(() => roleList.locator('option').allInnerTexts(), POLL).toEqual(['None: an administrator gives each a role', 'Manager', 'User']);
    await page.getByLabel('Valid for (days)').fill('3');
    await page.getByLabel('Allowed email domains (optional)').fill('not a domain');
    await page.getByRole('button', { name: 'Create the link' }).click();
    await expect.poll(() => page.locator('gatehouse-links [role=alert]').innerText(), POLL).toBe(
      'Please correct the form: Allowed email domains (optional) — must be a domain name such as example.com',
    );
    expect(await page.getByLabel('The link', { exact: true }).count()).toBe(0);
    expect(unwrap(await client(admin.token).GET('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id }, query: { kind: 'link' } } })).items).toEqual([]);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a role that may view but not create or assign sees the links and the waiting people, with no form and no buttons', async () => {
    const domain = await domainOfLea();
    unwrap(await client(admin.token).POST('/domains/{domainId}/invite-links', { params: { path: { domainId: domain.id } }, body: { validDays: 7, maxUses: 10 } }));
    const waitingOne = await createUser({ name: 'Walt Waiting' });
    await addMembership(domain.id, waitingOne.userId, null, 'pending');
    const role = unwrap(
      await client(admin.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Onlooker', permissions: ['invitations:view', 'members:view'] } }),
    );
    const viewer = await createUser({ name: 'Otto Onlooker' });
    await addMembership(domain.id, viewer.userId, role.id, 'active');

    const { page, faults } = await signedInPage(browser, viewer, { width: 1024, height: 900 });
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/links`);
    await expect.poll(() => linkRows(page).count(), POLL).toBe(1);
    await expect.poll(() => waiting(page).count(), POLL).toBe(1);
    expect(await linkRows(page).first().locator('td').nth(1).innerText()).toBe('0 of 10');
    expect(await page.getByRole('button', { name: /Create the link|New address|Revoke|Assign the role/ }).count()).toBe(0);
    expect(await waiting(page).locator('select').count()).toBe(0);
    await expectAccessible(page);
    // The API stays the guard.
    const forced = await client(viewer.token).POST('/domains/{domainId}/invite-links', { params: { path: { domainId: domain.id } }, body: { validDays: 7 } });
    expect(forced.response.status).toBe(403);
    const assign = await client(viewer.token).PATCH('/domains/{domainId}/members/{userId}', { params: { path: { domainId: domain.id, userId: waitingOne.userId } }, body: { role: 'user' } });
    expect(assign.response.status).toBe(403);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
