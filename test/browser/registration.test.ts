/**
 * Registering through a shared link, in a real browser: a person opens the link, types an
 * email, a name and a password, reads "check your inbox", opens the verification link from
 * the mail in the SES emulator, confirms, and waits as pending until an administrator gives
 * a role; someone already signed in joins with a click; a used link and a used verification
 * link each show their own screen; a Finnish registrant reads Finnish pages throughout.
 * axe-core runs on every page; each journey saves a screenshot under .local/.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { client, createUser, newDomain, sentEmails, stack } from '../integration/helpers.ts';
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

/** A new registration link of a domain; `role` makes its registrants active at once. */
async function registrationLink(domainId: string, body: { role?: string; maxUses?: number } = {}): Promise<string> {
  const link = unwrap(await client(adminToken).POST('/domains/{domainId}/invite-links', { params: { path: { domainId } }, body: { validDays: 7, ...body } }));
  expect(link.url.startsWith(`${inject('webUrl')}/accept-invitation?token=`)).toBe(true);
  return link.url;
}

/** The verification link of the newest mail to `email`. */
async function verificationLink(email: string): Promise<string> {
  const mail = (await sentEmails(email)).at(-1);
  const link = /https?:\/\/[^\s"<>]+\/verify-email\?token=[A-Za-z0-9_-]+(&lang=[a-z]+)?/.exec(mail?.body.text ?? '')?.[0];
  if (!link) throw new Error(`no verification link in the mail to ${email}: ${mail?.body.text}`);
  return link;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/**
 * expect.poll with room for the API: a page waits on the stack (Cognito, SES, DynamoDB), which
 * on a loaded machine takes longer than the poll's default second.
 */
const settled = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

describe('registering through a shared link in the browser', () => {
  it('link → verification mail → confirm → pending → the administrator gives a role → the next load shows it', async () => {
    const domain = await newDomain(adminToken);
    const link = await registrationLink(domain.id);
    const email = uniqueEmail('registrant');
    const { page, faults } = await freshPage(browser, { locale: 'en-GB' });

    await page.goto(link);
    await settled(() => heading(page)).toBe(`Join ${domain.name}`);
    const lead = await page.locator('main').innerText();
    expect(lead).toContain(`invites you to join ${domain.name}`);
    expect(lead).toContain('an administrator will give you a role');
    await expectAccessible(page);

    await page.getByLabel('Your email address').fill(email);
    await page.getByLabel('Your name').fill('Rita Registrant');
    await page.getByLabel('Choose a password').pressSequentially('short');
    expect(await page.locator('ul.rules li:not(.met)').count()).toBeGreaterThan(0);
    // Sent too weak, the form says what the password still needs; nothing goes out.
    await page.getByRole('button', { name: 'Register' }).click();
    await settled(() => page.getByRole('alert').innerText()).toMatch(/Please correct the form: .*at least 12 characters/);
    expect(await sentEmails(email)).toHaveLength(0);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await settled(() => page.locator('ul.rules li:not(.met)').count()).toBe(0);
    // The complaint about the weak password goes once the person types another.
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'registration-form');
    await page.getByRole('button', { name: 'Register' }).click();

    await settled(() => heading(page)).toBe('Check your inbox');
    expect(await page.getByRole('status').innerText()).toContain(`We sent a confirmation link to ${email}`);
    await expectAccessible(page);

    const verify = await verificationLink(email);
    expect(verify.startsWith(`${inject('webUrl')}/verify-email?token=`)).toBe(true);
    await page.goto(verify);
    await settled(() => heading(page)).toBe('Confirm your email address');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await settled(() => heading(page)).toBe('Your email address is confirmed');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('pending');
    expect(await page.getByRole('status').innerText()).toMatch(/An administrator will give you a role/);
    await expectAccessible(page);
    await screenshot(page, 'registration-pending');

    // On to sign in, and back to the domain: waiting for a role.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/\?domain=/);
    await settled(() => page.locator('ul.domains li').first().innerText()).toContain(domain.name);
    expect(await page.locator('ul.domains li').first().innerText()).toMatch(/waiting|pending/i);

    // The administrator gives a role; the next load of the page shows it.
    const admin = client(adminToken);
    const members = unwrap(await admin.GET('/domains/{domainId}/members', { params: { path: { domainId: domain.id }, query: { status: 'pending' } } }));
    const registrant = members.items.find((m) => m.email === email);
    expect(registrant?.name).toBe('Rita Registrant');
    unwrap(await admin.PATCH('/domains/{domainId}/members/{userId}', { params: { path: { domainId: domain.id, userId: registrant?.userId ?? '' } }, body: { role: 'user' } }));
    await page.reload();
    await settled(() => page.locator('ul.domains li').first().innerText()).toMatch(/user/i);
    const line = await page.locator('ul.domains li').first().innerText();
    expect(line).toContain(domain.name);
    expect(line).not.toMatch(/waiting|pending/i);
    await expectAccessible(page);
    await screenshot(page, 'registration-role-given');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('someone with an account signs in from the link and joins with a click', async () => {
    const domain = await newDomain(adminToken);
    const link = await registrationLink(domain.id, { role: 'user' });
    const person = await createUser({ name: 'Sam Signed-In' });
    const { page, faults } = await freshPage(browser, { locale: 'en-GB' });

    await page.goto(link);
    await settled(() => heading(page)).toBe(`Join ${domain.name}`);
    expect(await page.locator('main').innerText()).toContain('You will join as User.');
    await page.getByRole('link', { name: 'Sign in to join with it' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Back on the link, signed in: no form, one button.
    await page.waitForURL(/\/accept-invitation\?token=/);
    await settled(() => page.locator('main').innerText()).toContain(`You are signed in as ${person.email}.`);
    expect(await page.getByLabel('Choose a password').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'registration-join-signed-in');
    await page.getByRole('button', { name: 'Join with this account' }).click();

    await page.waitForURL(/\/\?domain=/);
    expect(new URL(page.url()).searchParams.get('domain')).toBe(domain.id);
    await settled(() => page.locator('ul.domains li').first().innerText()).toContain(domain.name);
    expect(await page.locator('ul.domains li').first().innerText()).toMatch(/user/i);
    await expectAccessible(page);
    await screenshot(page, 'registration-signed-in-join');
    // No second account, no verification mail: the session proved the address.
    expect(await sentEmails(person.email)).toHaveLength(0);

    // Opened again, the same person learns they are a member already, with a way on.
    await page.goto(link);
    await page.getByRole('button', { name: 'Join with this account' }).click();
    await settled(() => page.getByRole('alert').innerText()).toMatch(/member of this domain already/);
    await page.getByRole('link', { name: 'Go to your domains' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a session ended elsewhere (signed out everywhere) makes joining say so and show the registration form', async () => {
    const domain = await newDomain(adminToken);
    const link = await registrationLink(domain.id);
    const person = await createUser({ name: 'Gus Gone' });
    const { page, faults } = await freshPage(browser, { locale: 'en-GB' });
    await page.goto(`${inject('webUrl')}/sign-in?next=${encodeURIComponent(new URL(link).pathname + new URL(link).search)}`);
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Join with this account' }).waitFor();
    // Signed out everywhere from another device: this tab's ID token no longer opens anything.
    expect((await client(person.token).POST('/me/sign-out')).response.status).toBe(204);
    await page.getByRole('button', { name: 'Join with this account' }).click();
    await settled(() => page.getByRole('alert').innerText()).toBe('Your session has ended. Sign in again, or fill in the form below.');
    expect(await page.getByLabel('Your email address').isEditable()).toBe(true);
    expect(await page.evaluate('sessionStorage.getItem("gatehouse.session")')).toBeNull();
    await expectAccessible(page);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it("sign-in's way back (?next=) stays on this site: another origin in it leads to the landing", async () => {
    const person = await createUser({ name: 'Nora Next' });
    const { page, faults } = await freshPage(browser, { locale: 'en-GB' });
    for (const next of ['//evil.example/steal', '/\\evil.example/steal', 'https://evil.example/steal']) {
      await page.goto(`${inject('webUrl')}/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel('Email address').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(new URL(page.url()).origin).toBe(new URL(inject('webUrl')).origin);
      await page.evaluate('sessionStorage.clear()');
    }
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a used link and a used verification link each show their own screen, saying what to do', async () => {
    const domain = await newDomain(adminToken);
    const link = await registrationLink(domain.id, { maxUses: 1 });
    const token = new URL(link).searchParams.get('token') ?? '';
    const email = uniqueEmail('only-one');
    // The one registration the link admits, made and verified through the API.
    const anonymous = client();
    expect((await anonymous.POST('/invitations/{token}/accept', { params: { path: { token } }, body: { email, name: 'Only One', password: PASSWORD } })).response.status).toBe(202);
    const verify = await verificationLink(email);
    unwrap(await anonymous.POST('/email-verifications/{token}', { params: { path: { token: new URL(verify).searchParams.get('token') ?? '' } } }));

    const { page, faults } = await freshPage(browser, { locale: 'en-GB' });
    await page.goto(link);
    await settled(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-used');
    expect(await heading(page)).toBe('This link cannot be used');
    expect(await page.getByRole('alert').innerText()).toMatch(/used already.*ask the person who invited you/i);
    expect(await page.getByRole('link', { name: 'Go to sign in' }).getAttribute('href')).toBe('/sign-in');
    expect(await page.getByLabel('Your email address').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'registration-link-used');

    await page.goto(verify);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await settled(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('invitation-used');
    expect(await page.getByRole('alert').innerText()).toMatch(/confirmation link has been used already.*your registration is complete: sign in/);
    await expectAccessible(page);
    await screenshot(page, 'verification-link-used');

    // A verification link that was never issued says how to start again.
    await page.goto(`${inject('webUrl')}/verify-email?token=${'x'.repeat(43)}`);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await settled(() => page.locator('[data-problem]').getAttribute('data-problem')).toBe('not-found');
    expect(await page.getByRole('alert').innerText()).toMatch(/not valid.*register again through your invitation link/);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a Finnish registrant reads the link, the inbox screen and the confirmation in Finnish, also on another device', async () => {
    const domain = await newDomain(adminToken);
    const link = await registrationLink(domain.id);
    const email = uniqueEmail('suomi');
    const { page, faults } = await freshPage(browser, { locale: 'fi-FI' });

    await page.goto(link);
    await settled(() => heading(page)).toBe(`Liity työtilaan ${domain.name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await page.locator('main').innerText()).toContain('ylläpitäjä antaa sinulle roolin');
    await expectAccessible(page);
    await page.getByLabel('Sähköpostiosoitteesi').fill(email);
    await page.getByLabel('Nimesi').fill('Aino Suominen');
    await page.getByLabel('Valitse salasana').fill(PASSWORD);
    await page.getByRole('button', { name: 'Rekisteröidy' }).click();
    await settled(() => heading(page)).toBe('Tarkista sähköpostisi');
    expect(await page.getByRole('status').innerText()).toContain(`Lähetimme vahvistuslinkin osoitteeseen ${email}`);
    await expectAccessible(page);
    await screenshot(page, 'registration-finnish');

    // The mail is Finnish, and its link carries the language to a browser set to English.
    const [mail] = await sentEmails(email);
    expect(mail?.subject).toMatch(/^Vahvista sähköpostiosoitteesi/);
    const verify = await verificationLink(email);
    expect(new URL(verify).searchParams.get('lang')).toBe('fi');
    const other = await freshPage(browser, { locale: 'en-GB' });
    await other.page.goto(verify);
    await settled(() => heading(other.page)).toBe('Vahvista sähköpostiosoitteesi');
    await expectAccessible(other.page);
    await other.page.getByRole('button', { name: 'Vahvista sähköpostiosoitteeni' }).click();
    await settled(() => heading(other.page)).toBe('Sähköpostiosoitteesi on vahvistettu');
    expect(await other.page.getByRole('status').innerText()).toMatch(/Ylläpitäjä antaa sinulle roolin/);
    await expectAccessible(other.page);
    expect(faults).toEqual([]);
    expect(other.faults).toEqual([]);
    await Promise.all([page.context().close(), other.page.context().close()]);
  });
});
