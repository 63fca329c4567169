/**
 * A member's page in the console (web/src/console/member.ts at /domains/{id}/members/{userId}),
 * in a real browser: found by typing part of a name in mixed case, opened from the list, its
 * role changed (and the member's own console follows on their next navigation), deactivated and
 * reactivated, the last-admin refusal and a 412 said in words with their way forward, what a
 * member holds shown before removing them, the set-password email sent again; a user role is
 * offered none of it, and the API refuses it when forced. axe-core on every page.
 */
import { randomUUID } from 'node:crypto';
import { ifMatch, unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, client, createUser, expectProblem, newDomain, stack, type TestUser } from '../integration/helpers.ts';
import { expectAccessible, launch, screenshot, signedInPage } from './browser.ts';

const POLL = { timeout: 15_000 };
let browser: Browser;
let domain: { id: string; name: string };
let admin: TestUser;
let porter: { id: string };

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  domain = await newDomain(await idToken(info, info.admin.email, info.admin.password), `Yard ${randomUUID().slice(0, 6)}`);
  admin = await createUser({ name: 'Ada Admin' });
  await addMembership(domain.id, admin.userId, 'administrator', 'active');
  porter = unwrap(await client(admin.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Porter', permissions: ['assets:view'] } }));
});
afterAll(async () => {
  await browser?.close();
});

const memberPage = (page: Page) => page.locator('gatehouse-member');
const field = (page: Page, name: string) => memberPage(page).locator(`dd[data-field="${name}"]`);
const alertText = (page: Page) => memberPage(page).locator('[role=alert] p').textContent();
const noticeText = (page: Page) => memberPage(page).locator('[role=status]').textContent();

async function openMember(page: Page, userId: string) {
  await page.goto(`${inject('webUrl')}/domains/${domain.id}/members/${userId}`);
  await expect.poll(() => memberPage(page).locator('h2').count(), POLL).toBe(1);
}

describe('the console: a member', () => {
  it("an administrator finds a member by part of the name in mixed case, opens them and changes the role; the member's console shows the new permissions on the next navigation", async () => {
    const quentin = await createUser({ name: 'Quentin Quillfeather' });
    await addMembership(domain.id, quentin.userId, porter.id, 'active');

    // The member's own console before: a Porter (assets:view only) is offered no members section.
    const own = await signedInPage(browser, quentin, { width: 1024, height: 900 });
    await own.page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await expect.poll(() => own.page.locator('gatehouse-members [role=alert]').count(), POLL).toBe(1);
    expect(await own.page.locator('nav a', { hasText: 'Members' }).count()).toBe(0);

    const { page, faults } = await signedInPage(browser, admin, { width: 1024, height: 900 });
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await expect.poll(() => page.getByRole('link', { name: 'Invite people' }).getAttribute('href'), POLL).toBe(`/domains/${domain.id}/invite`);
    await page.getByLabel('Search').pressSequentially('qUILLf', { delay: 30 });
    const rows = page.locator('gatehouse-members tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().locator('td').allInnerTexts()).toEqual(['Quentin Quillfeather', quentin.email, 'Porter', 'Active', expect.any(String), 'Nothing']);
    await rows.first().getByRole('link', { name: 'Quentin Quillfeather' }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/members/${quentin.userId}`);
    await expect.poll(() => field(page, 'role').textContent(), POLL).toBe('Porter');
    await expectAccessible(page);
    await screenshot(page, 'console-member');

    // An administrator may hand out every role.
    expect(await page.getByLabel('Role', { exact: true }).locator('option').allTextContents()).toEqual(['Administrator', 'Manager', 'User', 'Porter']);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'User' });
    await page.getByRole('button', { name: 'Change the role' }).click();
    await expect.poll(() => noticeText(page), POLL).toBe('The role is now User.');
    expect(await field(page, 'role').textContent()).toBe('User');
    // The history says it in words, newest first, the actor by name.
    await expect.poll(() => memberPage(page).locator('ol.history li').first().textContent(), POLL).toContain('Ada Admin changed their role from Porter to User.');

    // The member's next navigation: the members section is offered and lists the members.
    await own.page.reload();
    await expect.poll(() => own.page.locator('nav a', { hasText: 'Members' }).count(), POLL).toBe(1);
    await expect.poll(() => own.page.locator('gatehouse-members tbody tr').count(), POLL).toBeGreaterThan(1);
    expect(await own.page.locator('gatehouse-members [role=alert]').count()).toBe(0);
    await screenshot(own.page, 'console-member-new-role-seen');
    expect([...faults, ...own.faults]).toEqual([]);
    await page.context().close();
    await own.page.context().close();
  });

  it('deactivates and reactivates a member, each change said and recorded', async () => {
    const rita = await createUser({ name: 'Rita Returner' });
    await addMembership(domain.id, rita.userId, 'user', 'active');
    const { page, faults } = await signedInPage(browser, admin, { width: 360, height: 900 });
    await openMember(page, rita.userId);
    expect(await field(page, 'status').textContent()).toBe('Active');

    await page.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => field(page, 'status').textContent(), POLL).toBe('Deactivated');
    expect(await noticeText(page)).toMatch(/^Deactivated: they cannot use this domain/);
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'console-member-deactivated-360');
    // The API agrees.
    expect(unwrap(await client(admin.token).GET('/domains/{domainId}/members/{userId}', { params: { path: { domainId: domain.id, userId: rita.userId } } })).status).toBe('inactive');

    await page.getByRole('button', { name: 'Reactivate' }).click();
    await expect.poll(() => field(page, 'status').textContent(), POLL).toBe('Active');
    expect(await noticeText(page)).toBe('Reactivated: they can use this domain again.');
    await expect
      .poll(async () => (await memberPage(page).locator('ol.history li').allTextContents()).slice(0, 2), POLL)
      .toEqual([expect.stringContaining('Ada Admin reactivated them.'), expect.stringContaining('Ada Admin deactivated them.')]);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('the only administrator demoting or deactivating themself is refused with the last-admin sentence', async () => {
    const olga = await createUser({ name: 'Olga Only', owner: true });
    const own = await newDomain(olga.token, `Solo ${randomUUID().slice(0, 6)}`);
    const { page, faults } = await signedInPage(browser, olga, { width: 1024, height: 900 });
    await page.goto(`${inject('webUrl')}/domains/${own.id}/members/${olga.userId}`);
    await expect.poll(() => field(page, 'role').textContent(), POLL).toBe('Administrator');

    await page.getByRole('button', { name: 'Deactivate' }).click();
    const lastAdmin = 'This would leave the domain without an active administrator. Give another member the Administrator role first, then try again.';
    await expect.poll(() => alertText(page), POLL).toBe(lastAdmin);
    expect(await field(page, 'status').textContent()).toBe('Active');

    // Demoting themself, on a fresh load of the page (no sentence shown yet).
    await page.reload();
    await expect.poll(() => field(page, 'role').textContent(), POLL).toBe('Administrator');
    expect(await memberPage(page).locator('[role=alert]').count()).toBe(0);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'User' });
    await page.getByRole('button', { name: 'Change the role' }).click();
    await expect.poll(() => alertText(page), POLL).toBe(lastAdmin);
    expect(await field(page, 'role').textContent()).toBe('Administrator');
    await expectAccessible(page);
    await screenshot(page, 'console-member-last-admin');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a change made through the API after the page loaded: the page is refused (412), says so, and reloads to show what changed', async () => {
    const sam = await createUser({ name: 'Sam Sametime' });
    await addMembership(domain.id, sam.userId, 'user', 'active');
    const { page, faults } = await signedInPage(browser, admin, { width: 1024, height: 900 });
    await openMember(page, sam.userId);
    expect(await field(page, 'role').textContent()).toBe('User');

    // Meanwhile, someone else makes Sam a manager.
    const gh = client(admin.token);
    const path = { domainId: domain.id, userId: sam.userId };
    const read = await gh.GET('/domains/{domainId}/members/{userId}', { params: { path } });
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: { path, header: ifMatch(read) }, body: { role: 'manager' } }));

    await page.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => alertText(page), POLL).toBe(
      'Someone else changed this after you opened the page, so your change was not made. Reload to see what changed, then decide again.',
    );
    // Nothing was changed by the refused click.
    expect(unwrap(await gh.GET('/domains/{domainId}/members/{userId}', { params: { path } })).status).toBe('active');
    await expectAccessible(page);
    await screenshot(page, 'console-member-412');

    await page.getByRole('button', { name: 'Reload and see what changed' }).click();
    await expect.poll(() => noticeText(page), POLL).toBe('Since you opened the page: Role: User → Manager. Decide again with what is shown now.');
    expect(await field(page, 'role').textContent()).toBe('Manager');
    expect(await memberPage(page).locator('[role=alert]').count()).toBe(0);
    // Decided again on the fresh version: it goes through.
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => field(page, 'status').textContent(), POLL).toBe('Deactivated');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('says what a member holds, in the list and before removing them; sends the set-password email again', async () => {
    const gh = client(admin.token);
    const email = `hand-${randomUUID().slice(0, 8)}@example.test`;
    const added = unwrap(await gh.POST('/domains/{domainId}/members', { params: { path: { domainId: domain.id } }, body: { email, name: 'Hanna Holder', language: 'en', role: 'user' } }));
    const asset = unwrap(await gh.POST('/domains/{domainId}/assets', { params: { path: { domainId: domain.id } }, body: { name: 'Torque wrench', tag: `TW-${randomUUID().slice(0, 4)}` } }));
    unwrap(await gh.POST('/domains/{domainId}/assets/{assetId}/checkout', { params: { path: { domainId: domain.id, assetId: asset.id } }, body: { holderId: added.userId } }));

    const { page, faults } = await signedInPage(browser, admin, { width: 1024, height: 900 });
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members?q=hanna`);
    const rows = page.locator('gatehouse-members tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect((await rows.first().locator('td').allInnerTexts()).at(-1)).toBe('1 asset');
    await rows.first().getByRole('link', { name: 'Hanna Holder' }).click();
    await expect.poll(() => field(page, 'holds').textContent(), POLL).toBe('1 asset');
    await expect.poll(() => memberPage(page).locator('section[aria-labelledby=held-title] li').allTextContents(), POLL).toEqual([`Torque wrench (${asset.tag})`]);

    // Added by hand, no password yet: the email again.
    await page.getByRole('button', { name: 'Send the set-password email again' }).click();
    await expect.poll(() => noticeText(page), POLL).toContain(`The email to ${email} is on its way. Its link works until `);

    await page.getByRole('button', { name: 'Remove from the domain' }).click();
    await expect
      .poll(() => memberPage(page).locator('section[aria-labelledby=remove-title] p').textContent(), POLL)
      .toBe('Hanna Holder still holds 1 asset. Check it in first, or remove Hanna Holder anyway: it stays listed under a former member.');
    await expectAccessible(page);
    await screenshot(page, 'console-member-remove-holding');
    await page.getByRole('button', { name: 'Remove anyway' }).click();
    await expect.poll(() => noticeText(page), POLL).toBe('Hanna Holder is no longer a member of this domain. The history keeps the record.');
    expectProblem(await gh.GET('/domains/{domainId}/members/{userId}', { params: { path: { domainId: domain.id, userId: added.userId } } }), 404);

    // Back to the list: she is gone from it.
    await page.getByRole('link', { name: 'All members' }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/members`);
    await page.getByLabel('Search').fill('hanna');
    await expect.poll(() => page.locator('gatehouse-members [role=status]').textContent(), POLL).toBe('No member matches.');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it("a role that may change members is offered only the roles within its own, and nothing on a member above it", async () => {
    const supervisor = unwrap(
      await client(admin.token).POST('/domains/{domainId}/roles', {
        params: { path: { domainId: domain.id } },
        body: { name: 'Supervisor', permissions: ['members:view', 'members:update', 'roles:view', 'assets:view', 'history:view'] },
      }),
    );
    const vera = await createUser({ name: 'Vera Supervisor' });
    await addMembership(domain.id, vera.userId, supervisor.id, 'active');
    const walt = await createUser({ name: 'Walt Worker' });
    await addMembership(domain.id, walt.userId, porter.id, 'active');
    const { page, faults } = await signedInPage(browser, vera, { width: 1024, height: 900 });
    await openMember(page, walt.userId);
    await expect.poll(() => page.getByLabel('Role', { exact: true }).locator('option').allTextContents(), POLL).toEqual(['Porter', 'Supervisor']);
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(1);
    // No members:delete: no removal.
    expect(await page.getByRole('button', { name: 'Remove from the domain' }).count()).toBe(0);

    await openMember(page, admin.userId);
    await expect.poll(() => memberPage(page).locator('#history-title').count(), POLL).toBe(1);
    expect(await memberPage(page).getByRole('button').allTextContents()).toEqual([]);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a user role sees no invite button and no change or remove on a member, and the API refuses them when forced (403)', async () => {
    const uma = await createUser({ name: 'Uma User' });
    await addMembership(domain.id, uma.userId, 'user', 'active');
    const { page, faults } = await signedInPage(browser, uma, { width: 1024, height: 900 });
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await expect.poll(() => page.locator('gatehouse-members tbody tr').count(), POLL).toBeGreaterThan(1);
    expect(await page.getByRole('link', { name: 'Invite people' }).count()).toBe(0);
    await expectAccessible(page);

    await page.locator('gatehouse-members tbody').getByRole('link', { name: 'Ada Admin' }).click();
    await expect.poll(() => field(page, 'role').textContent(), POLL).toBe('Administrator');
    // Only read: details and history (history:view), no action.
    await expect.poll(() => memberPage(page).locator('#history-title').count(), POLL).toBe(1);
    expect(await memberPage(page).getByRole('button').allTextContents()).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'console-member-read-only');
    // The same page in Finnish: the catalogue's words, the role's name as the domain has it.
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members/${admin.userId}?lang=fi`);
    await expect.poll(() => memberPage(page).locator('#history-title').textContent(), POLL).toBe('Historia');
    expect(await field(page, 'status').textContent()).toBe('Aktiivinen');
    expect(await field(page, 'holds').textContent()).toBe('Ei mitään');

    const gh = client(uma.token);
    expectProblem(
      await gh.POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [`forced-${randomUUID().slice(0, 6)}@example.test`], role: 'user' } }),
      403,
      'permission-missing',
    );
    expectProblem(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: { path: { domainId: domain.id, userId: admin.userId } }, body: { status: 'inactive' } }), 403, 'permission-missing');
    expectProblem(await gh.DELETE('/domains/{domainId}/members/{userId}', { params: { path: { domainId: domain.id, userId: admin.userId } } }), 403, 'permission-missing');
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
