/**
 * README's first journey, in a real browser from end to end: an administrator signs in on the
 * pages, invites an address from the landing's form, the invitee opens the link from the mail
 * in the SES emulator, sets name and password and lands signed in on the domain. A member
 * without `invitations:create` is not offered the form. axe-core runs on every page.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, createUser, newDomain, settledEmails, stack } from '../integration/helpers.ts';
import { expectAccessible, launch, pageFaults, screenshot, signInThroughPage } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an administrator invites from the pages', () => {
  it('signs in, invites an address as Manager, and the invitee accepts from the mail and lands signed in on the domain', async () => {
    const info = stack();
    const domain = await newDomain(await idToken(info, info.admin.email, info.admin.password), `Harbour ${randomUUID().slice(0, 6)}`);
    const admin = await createUser({ name: 'Ada Admin' });
    await addMembership(domain.id, admin.userId, 'administrator', 'active');

    const adminPage = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    const adminFaults = pageFaults(adminPage);
    await signInThroughPage(adminPage, admin.email, admin.password);
    await expect.poll(() => adminPage.getByRole('heading', { level: 2, name: 'Invite someone' }).isVisible(), { timeout: 15_000 }).toBe(true);
    // The roles of the domain, by name.
    await expect.poll(() => adminPage.getByLabel('Role').locator('option').allInnerTexts(), { timeout: 15_000 }).toContain('Manager');
    await expectAccessible(adminPage);

    const email = `guest-${randomUUID().slice(0, 8)}@example.test`;
    await adminPage.getByLabel('Their email address').fill(email);
    // No role is chosen for the administrator: sending now is refused by the form itself.
    expect(await adminPage.getByLabel('Role').inputValue()).toBe('');
    await adminPage.getByRole('button', { name: 'Send the invitation' }).click();
    expect(await adminPage.getByLabel('Role').evaluate((select) => (select as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);
    expect(await adminPage.getByRole('status').count()).toBe(0);
    await adminPage.getByLabel('Role').selectOption({ label: 'Manager' });
    await adminPage.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => adminPage.getByRole('status').textContent(), { timeout: 15_000 }).toBe(`${email} is invited: the email is on its way.`);
    await screenshot(adminPage, 'invite-from-landing');

    // The same address again: the invitation is refreshed, and the page says so.
    await adminPage.getByLabel('Their email address').fill(email);
    await adminPage.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => adminPage.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/already invited: the invitation was sent again/);
    // Not an address: refused in words, nothing sent.
    await adminPage.getByLabel('Their email address').evaluate((input) => input.removeAttribute('type'));
    await adminPage.getByLabel('Their email address').fill('not-an-address');
    await adminPage.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => adminPage.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/^That address cannot be invited: /);
    expect(adminFaults).toEqual([]);

    // Invited, then invited again (refreshed): the newest message carries the live link. (The
    // first may never go out: a job whose link the refresh replaced before the mail worker took
    // it is superseded, not mailed.)
    const mails = await settledEmails(email);
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails.length).toBeLessThanOrEqual(2);
    const link = /https?:\/\/[^\s"<>]+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(mails.at(-1)?.body.text ?? '')?.[0];
    expect(link?.startsWith(inject('webUrl'))).toBe(true);

    const guest = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const guestFaults = pageFaults(guest);
    await guest.goto(link as string);
    await expect.poll(() => guest.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(`Join ${domain.name}`);
    await expect.poll(() => guest.locator('main').innerText(), { timeout: 15_000 }).toContain(`Ada Admin invited you to join ${domain.name} as Manager`);
    await guest.getByLabel('Your name').fill('Gus Guest');
    await guest.getByLabel('Choose a password').fill('Harbour-lights-42!');
    await guest.getByRole('button', { name: 'Accept and sign in' }).click();
    await guest.waitForURL(/\/\?domain=/);
    await expect.poll(() => guest.locator('ul.domains li').first().innerText(), { timeout: 15_000 }).toBe(`${domain.name}: Manager`);
    // A manager of the asset-management preset may not invite: no form is offered.
    expect(await guest.getByRole('heading', { level: 2, name: 'Invite someone' }).count()).toBe(0);
    await expectAccessible(guest);
    expect(guestFaults).toEqual([]);
    await adminPage.context().close();
    await guest.context().close();
  });
});
