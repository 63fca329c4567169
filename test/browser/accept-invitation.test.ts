/**
 * The invitee's journey in a real browser: an administrator invites through the client, the
 * link is taken from the mail in the SES emulator, and the person opens it, types a name and a
 * password and lands signed in on the domain. Used, revoked and expired links each show their
 * own screen. axe-core runs on every page; each journey saves a screenshot under .local/.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { CLOCK_OFFSET_HEADER } from '#local/gateway.ts';
import { api, awaitEmails, client, createUser, newDomain, stack } from '../integration/helpers.ts';
import { expectAccessible, freshPage, launch, screenshot } from './browser.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
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

/** Invites a new address to the Demo domain as manager; answers the address, the invitation id and the link from its mail. */
async function invite(): Promise<{ email: string; invitationId: string; link: string }> {
  const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  const sent = unwrap(await client(adminToken).POST('/domains/{domainId}/invitations', { params: { path: { domainId: stack().demoDomainId } }, body: { emails: [email], role: 'manager' } }));
  const invitationId = sent.results[0]?.invitationId ?? '';
  const [mail] = await awaitEmails(email);
  const link = /https?:\/\/[^\s"<>]+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0];
  if (!link) throw new Error(`no accept link in the mail to ${email}: ${mail?.body.text}`);
  return { email, invitationId, link };
}

describe('accepting an email invitation in the browser', () => {
  it('the invitee opens the link from the mail, sets name and password, and lands signed in on the domain', async () => {
    const { email, link } = await invite();
    expect(link.startsWith(inject('webUrl'))).toBe(true);
    const { page, faults } = await freshPage(browser);
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Join Demo');
    const body = await page.locator('main').innerText();
    expect(body).toContain('invited you to join Demo as Manager');
    expect(body).toMatch(/valid until/);
    expect(await page.getByLabel('Your email address').inputValue()).toBe(email);
    await expectAccessible(page);

    await page.getByLabel('Your name').fill('Grace Hopper');
    // The rules are checked as the person types: a short password leaves rules unmet.
    await page.getByLabel('Choose a password').pressSequentially('short');
    expect(await page.locator('ul.rules li:not(.met)').count()).toBeGreaterThan(0);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await expect.poll(() => page.locator('ul.rules li:not(.met)').count()).toBe(0);
    await screenshot(page, 'accept-invitation-form');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();

    await page.waitForURL(/\/\?domain=/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Grace Hopper');
    expect(await page.locator('ul.domains li').first().innerText()).toBe('Demo: Manager'); // the role's name (roleName of GET /me), not its id
    await expectAccessible(page);
    await screenshot(page, 'accept-invitation-journey');
    expect(faults).toEqual([]);

    // Used now: the same link shows the used screen.
    await page.goto(link);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-used');
    expect(await page.getByRole('alert').innerText()).toMatch(/used already.*ask the person who invited you/i);
    await expectAccessible(page);
    await page.context().close();
  });

  it('opened while signed in: the invited account joins with a click; signed in as someone else, the page says so and signs out to accept', async () => {
    const domain = await newDomain(adminToken);
    const invitee = await createUser({ name: 'Ivy Invited' });
    const bystander = await createUser({ name: 'Bo Bystander' });
    unwrap(await client(adminToken).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [invitee.email], role: 'manager' } }));
    const [mail] = await awaitEmails(invitee.email);
    const link = /https?:\/\/[^\s"<>]+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0] ?? '';
    const { page, faults } = await freshPage(browser);
    const signInAs = async (who: { email: string; password: string }) => {
      await page.goto(`${inject('webUrl')}/sign-in?next=${encodeURIComponent(new URL(link).pathname + new URL(link).search)}`);
      await page.getByLabel('Email address').fill(who.email);
      await page.getByLabel('Password').fill(who.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/accept-invitation\?token=/);
    };

    await signInAs(bystander);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem'), { timeout: 15_000 }).toBe('wrong-account');
    expect(await page.getByRole('alert').innerText()).toBe(`You are signed in as ${bystander.email}, but this invitation was sent to ${invitee.email}.`);
    await expectAccessible(page);
    await page.getByRole('button', { name: `Sign out and accept as ${invitee.email}` }).click();
    // Signed out in this tab: the form for the invited address.
    expect(await page.getByLabel('Your email address').inputValue()).toBe(invitee.email);
    expect(await page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();

    await signInAs(invitee);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain(`You are signed in as ${invitee.email}.`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Join with this account' }).click();
    await page.waitForURL(/\/\?domain=/);
    await expect.poll(() => page.locator('ul.domains li').first().innerText(), { timeout: 15_000 }).toContain(domain.name);
    expect(await page.locator('ul.domains li').first().innerText()).toMatch(/manager/i);
    await screenshot(page, 'accept-invitation-signed-in');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('an invitation to an address that has an account, opened signed out, leads to sign in and back to join', async () => {
    const domain = await newDomain(adminToken);
    const invitee = await createUser({ name: 'Kai Known' });
    unwrap(await client(adminToken).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [invitee.email], role: 'manager' } }));
    const [mail] = await awaitEmails(invitee.email);
    const link = /https?:\/\/[^\s"<>]+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0] ?? '';
    const { page, faults } = await freshPage(browser);
    await page.goto(link);
    await page.getByLabel('Your name').fill('Kai Known');
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 15_000 }).toMatch(/account with this email address exists already/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Sign in to join with it' }).click();
    await page.getByLabel('Email address').fill(invitee.email);
    await page.getByLabel('Password').fill(invitee.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/accept-invitation\?token=/);
    await page.getByRole('button', { name: 'Join with this account' }).click();
    await page.waitForURL(/\/\?domain=/);
    await expect.poll(() => page.locator('ul.domains li').first().innerText(), { timeout: 15_000 }).toContain(domain.name);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a revoked invitation shows its own screen, saying whom to ask', async () => {
    const { invitationId, link } = await invite();
    unwrap(await client(adminToken).DELETE('/domains/{domainId}/invitations/{invitationId}', { params: { path: { domainId: stack().demoDomainId, invitationId } } }));
    const { page, faults } = await freshPage(browser);
    await page.goto(link);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-revoked');
    expect(await page.getByRole('alert').innerText()).toMatch(/withdrawn.*Ask the person who invited you/);
    await expectAccessible(page);
    await screenshot(page, 'accept-invitation-revoked');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('an expired invitation shows its own screen, saying whom to ask', async () => {
    const { link } = await invite();
    const { page, faults } = await freshPage(browser);
    // The handlers' clock 31 days on (the test stack honours the header): the invitation has expired.
    await page.route(`${stack().apiUrl}/**`, (route) => route.continue({ headers: { ...route.request().headers(), [CLOCK_OFFSET_HEADER]: String(31 * DAY_MS) } }));
    await page.goto(link);
    await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-expired');
    expect(await page.getByRole('alert').innerText()).toMatch(/expired.*send a new one/);
    await expectAccessible(page);
    await screenshot(page, 'accept-invitation-expired');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('the Finnish invitee sees the page in Finnish and in the domain\'s branding; the switch turns it to English', async () => {
    const domain = await newDomain(adminToken);
    unwrap(await client(adminToken).PATCH('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } }, body: { branding: { productName: 'Acme Tools', primaryColor: '#0a4d2e' } } }));
    const email = `finnish-${randomUUID().slice(0, 8)}@example.test`;
    // The CSV form is the one that names each invitee's language.
    const sent = await api('POST', `/domains/${domain.id}/invitations`, { token: adminToken, rawBody: `email,role,language\n${email},manager,fi`, headers: { 'Content-Type': 'text/csv' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [mail] = await awaitEmails(email);
    const link = /https?:\/\/[^\s"<>]+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0] ?? '';
    const { page, faults } = await freshPage(browser);
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Liity työtilaan ${domain.name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await page.locator('.product').innerText()).toBe('Acme Tools');
    expect(await page.evaluate('getComputedStyle(document.documentElement).getPropertyValue("--brand").trim()')).toBe('#0a4d2e');
    await expectAccessible(page);
    await screenshot(page, 'accept-invitation-finnish');

    await page.getByLabel('Kieli').selectOption('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Join ${domain.name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('markup in a domain name and product name is shown as text, never run (the attack fails)', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">Acme';
    const domain = await newDomain(adminToken, hostile);
    unwrap(await client(adminToken).PATCH('/domains/{domainId}/settings', { params: { path: { domainId: domain.id } }, body: { branding: { productName: '<script>window.pwned=2</script>' } } }));
    const email = `hostile-${randomUUID().slice(0, 8)}@example.test`;
    unwrap(await client(adminToken).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [email], role: 'manager' } }));
    const [mail] = await awaitEmails(email);
    const link = /https?:\/\/[^\s"<>]+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0] ?? '';
    const { page, faults } = await freshPage(browser);
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Join ${hostile}`);
    expect(await page.locator('.product').innerText()).toBe('<script>window.pwned=2</script>');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a forged or mangled token shows the invalid-link screen and calls nothing else', async () => {
    const { page, faults } = await freshPage(browser);
    const calls: string[] = [];
    page.on('request', (request) => request.url().startsWith(stack().apiUrl) && calls.push(`${request.method()} ${new URL(request.url()).pathname}`));
    for (const token of ['..%2F..%2Fme', 'not-a-token-we-ever-issued-0123456789']) {
      await page.goto(`${inject('webUrl')}/accept-invitation?token=${token}`);
      await expect.poll(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('not-found');
      expect(await page.getByRole('alert').innerText()).toMatch(/This link is not valid/);
    }
    await expectAccessible(page);
    // The path traversal stays one encoded path segment of the preview route.
    expect(calls.filter((c) => !c.startsWith('OPTIONS'))).toEqual(['GET /invitations/..%2F..%2Fme', 'GET /invitations/not-a-token-we-ever-issued-0123456789']);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
