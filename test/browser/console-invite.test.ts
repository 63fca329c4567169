/**
 * The console's invite and invitations pages in a real browser (web/src/console/invite.ts and
 * invitations.ts inside /domains/{id}/invite and /invitations): a CSV of 20 rows uploaded through
 * the file input, each row answered by a sentence (invited and queued, already a member, not
 * invited and why); addresses pasted with a role that must be chosen, in Finnish; the
 * invitations list resending one (a second mail arrives) and revoking another after a yes (its
 * link answers 410 revoked); a role without invitations:create is offered neither the page nor
 * the buttons, and the API refuses it when forced. axe-core on every page.
 */
import { randomUUID } from 'node:crypto';
import { unwrap } from '@gatehouse/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idToken } from '#local/sign-in.ts';
import { addMembership, awaitEmails, client, createUser, newDomain, stack, type TestUser } from '../integration/helpers.ts';
import { expectAccessible, launch, screenshot, signedInPage } from './browser.ts';

const POLL = { timeout: 15_000 };
let browser: Browser;
let ownerToken: string;
let admin: TestUser;

beforeAll(async () => {
  const info = stack();
  browser = await launch();
  ownerToken = await idToken(info, info.admin.email, info.admin.password);
  admin = await createUser({ name: 'Ines Inviter' });
});
afterAll(async () => {
  await browser?.close();
});

/** A new domain with Ines as its administrator. */
async function domainOfInes(): Promise<{ id: string; name: string }> {
  const domain = await newDomain(ownerToken, `Yard ${randomUUID().slice(0, 6)}`);
  await addMembership(domain.id, admin.userId, 'administrator', 'active');
  return domain;
}

const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;
const results = (page: Page) => page.locator('gatehouse-invite .results li');
const rowOf = (page: Page, row: number) => page.locator(`gatehouse-invite .results li[data-row="${row}"]`);

/** The link of the newest mail to `email`. */
async function invitationToken(email: string, count = 1): Promise<string> {
  const mail = (await awaitEmails(email, count)).at(-1);
  const token = /\/accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in the mail to ${email}`);
  return token;
}

describe('the console: invite', () => {
  it('a CSV of 20 rows uploaded through the file input answers each row with a sentence', async () => {
    const domain = await domainOfInes();
    const member = await createUser({ name: 'Mia Member' });
    await addMembership(domain.id, member.userId, 'user', 'active');
    const fresh = Array.from({ length: 15 }, (_, i) => uniqueEmail(`csv${String(i).padStart(2, '0')}`));
    const languages = ['en', 'fi', 'fr', ''];
    // 20 rows: 15 new people, one member already, and four the API refuses one by one.
    const lines = [
      'email,role,language',
      ...fresh.slice(0, 8).map((email, i) => `${email},${i % 2 ? 'manager' : 'user'},${languages[i % 4]}`),
      `${member.email},user,en`, // row 10
      'not-an-address,user,en', // row 11
      ...fresh.slice(8).map((email) => `${email},user,fi`), // rows 12-18
      `${fresh[0]},user,en`, // row 19: listed twice
      `${uniqueEmail('klingon')},user,tlh`, // row 20: a language Gatehouse does not write
      ',user,en', // row 21: no address
    ];
    expect(lines).toHaveLength(21);

    const { page, faults } = await signedInPage(browser, admin);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await page.getByRole('link', { name: 'Invite', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/invite`);
    await page.getByRole('heading', { name: 'Invite people' }).waitFor();
    await page.getByLabel('A CSV file').check();
    await expect.poll(() => page.locator('gatehouse-invite #csv-hint').innerText(), POLL).toContain('administrator, manager, user');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await expect.poll(() => page.locator('gatehouse-invite #csv-chosen').innerText(), POLL).toBe('people.csv: 20 rows.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send the invitations' }).click();

    await expect.poll(() => results(page).count(), POLL).toBe(20);
    const statuses = await results(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'invited')).toHaveLength(15);
    expect(statuses.filter((s) => s === 'already_member')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'invalid')).toHaveLength(4);
    expect(await page.locator('gatehouse-invite .results [role=status]').innerText()).toBe(
      'Invited: 15. Invited again: 0. Already members: 1. Not invited: 4. Emails queued: 15. Emails that could not be sent: 0.',
    );
    expect(await rowOf(page, 2).innerText()).toBe(`Row 2: ${fresh[0]} is invited. The email is queued and goes out in a moment.`);
    expect(await rowOf(page, 10).innerText()).toBe(`Row 10: ${member.email} is a member of this domain already: nothing was sent.`);
    expect(await rowOf(page, 11).innerText()).toBe('Row 11: not-an-address was not invited: this is not a valid email address.');
    expect(await rowOf(page, 19).innerText()).toBe(`Row 19: ${fresh[0]} was not invited: the address is listed twice.`);
    expect(await rowOf(page, 20).innerText()).toMatch(/^Row 20: klingon-.* was not invited: the language must be en, fi, fr, sv or de, or left empty\.$/);
    expect(await rowOf(page, 21).innerText()).toBe('Row 21: (no address) was not invited: this is not a valid email address.');
    await expectAccessible(page);
    await screenshot(page, 'console-invite-csv');

    // The queued mail goes out: the last row's person gets an invitation.
    expect(await invitationToken(fresh[14] ?? '')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a CSV naming a role the domain lacks is refused whole, naming the rows; one over 500 rows is not sent', async () => {
    const domain = await domainOfInes();
    const { page, faults } = await signedInPage(browser, admin);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/invite`);
    await page.getByLabel('A CSV file').check();
    const csv = ['email,role,language', `${uniqueEmail('ok')},user,en`, `${uniqueEmail('typo')},usr,en`, `${uniqueEmail('typo')},captain,fi`].join('\n');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'typos.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('gatehouse-invite #csv-chosen').innerText(), POLL).toBe('typos.csv: 3 rows.');
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await expect.poll(() => page.locator('gatehouse-invite [role=alert]').innerText(), POLL).toBe(
      'Nothing was sent: rows 3, 4 name a role this domain does not have. Use one of administrator, manager, user, then send the file again.',
    );
    expect(await results(page).count()).toBe(0);
    expect(unwrap(await client(ownerToken).GET('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } } })).items).toEqual([]);

    // Over 500 rows: the page says so before sending anything.
    const big = ['email,role,language', ...Array.from({ length: 501 }, (_, i) => `big-${i}@example.test,user,en`)].join('\n');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
    await expect.poll(() => page.locator('gatehouse-invite #csv-chosen').innerText(), POLL).toBe('big.csv: 501 rows.');
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await expect.poll(() => page.locator('gatehouse-invite [role=alert]').innerText(), POLL).toBe('The file has more than 500 rows: split it and send each part on its own.');
    expect(unwrap(await client(ownerToken).GET('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } } })).items).toEqual([]);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('addresses pasted in Finnish: the role must be chosen first, then each address has its sentence', async () => {
    const domain = await domainOfInes();
    const [a, b] = [uniqueEmail('liitetty-a'), uniqueEmail('liitetty-b')];
    const { page, faults } = await signedInPage(browser, admin);
    // ?lang=fi, as the language switch and the emails' links choose it.
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/invite?lang=fi`);
    await page.getByRole('heading', { name: 'Kutsu ihmisiä' }).waitFor();
    await page.getByLabel('Sähköpostiosoitteet').fill(`${a}, ${b}\n\nei-osoite`);
    await expect.poll(() => page.locator('gatehouse-invite #emails-count').innerText(), POLL).toBe('3 osoitetta');
    await page.getByRole('button', { name: 'Lähetä kutsut' }).click();
    await expect.poll(() => page.locator('gatehouse-invite [role=alert]').innerText(), POLL).toBe('Valitse ensin rooli.');
    // No role is chosen in advance: the list starts on "Valitse rooli…".
    expect(await page.getByLabel('Rooli', { exact: true }).inputValue()).toBe('');

    await page.getByLabel('Rooli', { exact: true }).selectOption({ label: 'User' });
    await page.getByLabel('Voimassa (päivää)').fill('3');
    await page.getByLabel('Viesti (valinnainen)').fill('Tervetuloa varastolle!');
    await page.getByRole('button', { name: 'Lähetä kutsut' }).click();
    await expect.poll(() => results(page).allInnerTexts(), POLL).toEqual([
      `${a} on kutsuttu. Sähköposti on jonossa ja lähtee hetken kuluttua.`,
      `${b} on kutsuttu. Sähköposti on jonossa ja lähtee hetken kuluttua.`,
      'Osoitetta ei-osoite ei kutsuttu: tämä ei ole kelvollinen sähköpostiosoite.',
    ]);
    // What was not invited stays in the box, to correct.
    expect(await page.getByLabel('Sähköpostiosoitteet').inputValue()).toBe('ei-osoite');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page);
    await screenshot(page, 'console-invite-finnish-360');
    await page.setViewportSize({ width: 1024, height: 800 });

    // The validity and the message went with them.
    const [invitation] = unwrap(await client(ownerToken).GET('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id }, query: { email: a } } })).items;
    const days = (Date.parse(invitation?.expiresAt ?? '') - Date.parse(invitation?.createdAt ?? '')) / 86_400_000;
    expect(Math.round(days)).toBe(3);
    const [mail] = await awaitEmails(a);
    expect(mail?.body.text).toContain('Tervetuloa varastolle!');

    // Sent again, the same address is invited again (refreshed).
    await page.getByLabel('Sähköpostiosoitteet').fill(a);
    await page.getByRole('button', { name: 'Lähetä kutsut' }).click();
    await expect.poll(() => results(page).allInnerTexts(), POLL).toEqual([
      `Osoitteella ${a} oli jo kutsu: se uusittiin, ja siinä on uusi linkki ja uusi voimassaoloaika. Sähköposti on jonossa ja lähtee hetken kuluttua.`,
    ]);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});

describe('the console: invitations', () => {
  it('lists the pending invitations, resends one (a new mail, the old link dead) and revokes another after a yes', async () => {
    const domain = await domainOfInes();
    const [keep, drop] = [uniqueEmail('resend-me'), uniqueEmail('revoke-me')];
    unwrap(await client(admin.token).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [keep, drop], role: 'user' } }));
    const [firstToken, dropToken] = await Promise.all([invitationToken(keep), invitationToken(drop)]);

    const { page, faults } = await signedInPage(browser, admin);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/members`);
    await page.getByRole('link', { name: 'Invitations', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/domains/${domain.id}/invitations`);
    const rows = page.locator('gatehouse-invitations tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    const keepRow = rows.filter({ hasText: keep });
    const dropRow = rows.filter({ hasText: drop });
    await expect.poll(() => keepRow.locator('td').nth(3).innerText(), POLL).toBe('Sent.');
    expect(await keepRow.locator('td').nth(1).innerText()).toBe('User');
    expect(await keepRow.locator('td').nth(2).innerText()).toMatch(/^Pending, valid until /);
    await expectAccessible(page);
    await screenshot(page, 'console-invitations');

    await keepRow.getByRole('button', { name: `Resend: ${keep}` }).click();
    await expect.poll(() => page.locator('gatehouse-invitations p[role=status]').innerText(), POLL).toBe(
      `The invitation to ${keep} was sent again, with a new link and a fresh validity; the old link no longer works.`,
    );
    const secondToken = await invitationToken(keep, 2);
    expect(secondToken).not.toBe(firstToken);
    expect((await client().GET('/invitations/{token}', { params: { path: { token: firstToken } } })).response.status).toBe(410);

    // Revoke asks first; "Keep it" keeps it.
    await dropRow.getByRole('button', { name: `Revoke: ${drop}` }).click();
    expect(await dropRow.getByRole('group').innerText()).toContain(`Revoke the invitation to ${drop}? Its link stops working at once.`);
    await expectAccessible(page);
    await dropRow.getByRole('button', { name: 'Keep it' }).click();
    expect(await rows.count()).toBe(2);
    await dropRow.getByRole('button', { name: `Revoke: ${drop}` }).click();
    await dropRow.getByRole('button', { name: 'Yes, revoke it' }).click();
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await page.locator('gatehouse-invitations p[role=status]').innerText()).toBe(`The invitation to ${drop} is revoked: its link no longer works.`);
    const revoked = await client().GET('/invitations/{token}', { params: { path: { token: dropToken } } });
    expect(revoked.response.status).toBe(410);
    expect((revoked.error as { type?: string } | undefined)?.type).toBe('https://gatehouse.dev/problems/invitation-revoked');

    // The status filter, kept in the address: nothing has expired.
    await page.getByLabel('Status').selectOption({ label: 'Expired' });
    await expect.poll(() => page.locator('gatehouse-invitations').getByText('No invitation matches.').count(), POLL).toBe(1);
    expect(new URL(page.url()).searchParams.get('status')).toBe('expired');
    await page.reload();
    await expect.poll(() => page.locator('gatehouse-invitations').getByText('No invitation matches.').count(), POLL).toBe(1);
    expect(await page.getByLabel('Status').inputValue()).toBe('expired');
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('resending an invitation whose role was deleted since says so, with the way forward', async () => {
    const domain = await domainOfInes();
    const temp = unwrap(await client(admin.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Temporary', permissions: ['assets:view'] } }));
    const invitee = uniqueEmail('orphan');
    unwrap(await client(admin.token).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [invitee], role: temp.id } }));
    expect((await client(admin.token).DELETE('/domains/{domainId}/roles/{roleId}', { params: { path: { domainId: domain.id, roleId: temp.id } } })).response.status).toBe(204);

    const { page, faults } = await signedInPage(browser, admin);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/invitations`);
    const row = page.locator('gatehouse-invitations tbody tr').filter({ hasText: invitee });
    await row.getByRole('button', { name: `Resend: ${invitee}` }).click();
    await expect.poll(() => page.locator('gatehouse-invitations [role=alert]').innerText(), POLL).toBe(
      "This invitation's role was deleted since it was sent: revoke it, then invite again with another role.",
    );
    await expectAccessible(page);
    expect(faults).toEqual([]);
    await page.context().close();
  });

  it('a role that may only view invitations gets no invite page nor buttons, and the API refuses it when forced', async () => {
    const domain = await domainOfInes();
    const invitee = uniqueEmail('seen');
    unwrap(await client(admin.token).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [invitee], role: 'user' } }));
    const role = unwrap(
      await client(admin.token).POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Doorkeeper', permissions: ['invitations:view', 'members:view'] } }),
    );
    const viewer = await createUser({ name: 'Vic Viewer' });
    await addMembership(domain.id, viewer.userId, role.id, 'active');

    const { page, faults } = await signedInPage(browser, viewer);
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/invitations`);
    const rows = page.locator('gatehouse-invitations tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await page.locator('nav a').allInnerTexts()).not.toContain('Invite');
    expect(await page.locator('gatehouse-invitations').getByRole('button', { name: /Resend|Revoke/ }).count()).toBe(0);
    expect(await page.locator('gatehouse-invitations th').allInnerTexts()).not.toContain('Actions');
    const invitationId = (await rows.first().getAttribute('data-invitation')) ?? '';
    await expectAccessible(page);

    // The address typed by hand: the page says the role does not allow it, and offers no form.
    await page.goto(`${inject('webUrl')}/domains/${domain.id}/invite`);
    await expect.poll(() => page.locator('gatehouse-invite [role=alert]').innerText(), POLL).toBe('Your role does not allow this. Ask an administrator of the domain.');
    expect(await page.locator('gatehouse-invite form').count()).toBe(0);
    // The API stays the guard.
    const forced = await client(viewer.token).POST('/domains/{domainId}/invitations', { params: { path: { domainId: domain.id } }, body: { emails: [uniqueEmail('forced')], role: 'user' } });
    expect(forced.response.status).toBe(403);
    const revoke = await client(viewer.token).DELETE('/domains/{domainId}/invitations/{invitationId}', { params: { path: { domainId: domain.id, invitationId } } });
    expect(revoke.response.status).toBe(403);
    expect(faults).toEqual([]);
    await page.context().close();
  });
});
