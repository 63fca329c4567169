/**
 * A member added by hand, in a real browser: the administrator adds an address through the
 * client, the person opens the set-password link from the mail in the SES emulator, reads who
 * added them to which domain, chooses a password and lands signed in on the domain. The used
 * link and the link a newer email replaced each show their own screen; a link from an older
 * email (to /accept-invitation) still leads to the page. axe-core runs on every page.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { client, newDomain, settledEmails, stack } from '../integration/helpers.ts';
import { expectAccessible, freshPage, launch, screenshot } from './browser.ts';

const PASSWORD = 'Correct-horse-42!';

let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  const info = stack();
  [browser, adminToken] = await Promise.all([launch(), idToken(info, info.admin.email, info.admin.password)]);
});
afterAll(async () => {
  await browser?.close();
});

/** Adds a new address to a domain by hand; answers it, the member's id and the set-password link from its mail. */
async function addByHand(domainId: string, role = 'manager'): Promise<{ email: string; userId: string; link: string }> {
  const email = `added-${randomUUID().slice(0, 8)}@example.test`;
  const added = unwrap(await client(adminToken).POST('/domains/{domainId}/members', { params: { path: { domainId } }, body: { email, name: 'Ada Added', language: 'en', role } }));
  expect(added.setPasswordEmail).toBe('queued');
  return { email, userId: added.userId, link: await setPasswordLink(email) };
}

/** The set-password link of the newest mail to `email`. */
async function setPasswordLink(email: string): Promise<string> {
  const mail = (await settledEmails(email)).at(-1);
  const link = /https?:\/\/[^\s"<>]+\/set-password\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0];
  if (!link) throw new Error(`no set-password link in the mail to ${email}: ${mail?.body.text}`);
  return link;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/**
 * expect.poll with room for the API: a page waits on the stack (Cognito, SES, DynamoDB), which
 * on a loaded machine takes longer than the poll's default second.
 */
const settled = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe('setting the first password in the browser', () => {
  it('the administrator adds a member by hand; the member opens the mail, reads who added them, sets a password and lands signed in on the domain', async () => {
    const domain = await newDomain(adminToken);
    const { link } = await addByHand(domain.id);
    expect(link.startsWith(`${inject('webUrl')}/set-password?token=`)).toBe(true);
    const me = unwrap(await client(adminToken).GET('/me'));
    const { page, faults } = await freshPage(browser, { width: 360, height: 740, locale: 'en-GB' });

    await page.goto(link);
    await settled(() => heading(page)).toBe(`Set your password for ${domain.name}`);
    expect(await page.locator('main').innerText()).toContain(`${me.name} added you to ${domain.name}.`);
    expect(await page.getByLabel('Your email address').inputValue()).toMatch(/^added-/);
    await expectAccessible(page);

    await page.getByLabel('Choose a password').pressSequentially('short');
    expect(await page.locator('ul.rules li:not(.met)').count()).toBeGreaterThan(0);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await settled(() => page.locator('ul.rules li:not(.met)').count()).toBe(0);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();

    await page.waitForURL(/\/\?domain=/);
    expect(new URL(page.url()).searchParams.get('domain')).toBe(domain.id);
    await settled(() => page.locator('ul.domains li').first().innerText()).toContain(domain.name);
    expect(await page.locator('ul.domains li').first().innerText()).toMatch(/manager/i);
    await expectAccessible(page);
    await screenshot(page, 'set-password-journey');

    // Used now: the same link says a password is set, and leads to sign in.
    await page.goto(link);
    await settled(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-used');
    expect(await page.getByRole('alert').innerText()).toMatch(/password has been set for this account already\. Sign in with it/);
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.waitForURL(/\/sign-in$/);
    await expectAccessible(page);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a link from an older email (/accept-invitation) leads to the page; a link a newer email replaced says to open the latest', async () => {
    const domain = await newDomain(adminToken);
    const { userId, email, link } = await addByHand(domain.id, 'user');
    const token = new URL(link).searchParams.get('token') ?? '';
    const { page, faults } = await freshPage(browser, { width: 360, height: 740, locale: 'en-GB' });

    await page.goto(`${inject('webUrl')}/accept-invitation?token=${token}`);
    await page.waitForURL(/\/set-password\?token=/);
    await settled(() => heading(page)).toBe(`Set your password for ${domain.name}`);

    // The administrator sends the email again: the first link dies at once.
    unwrap(await client(adminToken).POST('/domains/{domainId}/members/{userId}/set-password-email', { params: { path: { domainId: domain.id, userId } } }));
    expect(await setPasswordLink(email)).not.toBe(link);
    await page.goto(link);
    await settled(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-revoked');
    expect(await page.getByRole('alert').innerText()).toMatch(/newer email replaced this link.*ask an administrator of the domain/);
    await expectAccessible(page);
    await screenshot(page, 'set-password-replaced');
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
