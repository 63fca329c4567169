/**
 * The stack's own mail worker (the local stack's stream poller, as on AWS) when SES refuses an
 * email (the emulator's refusal hook) and when SES reports a bounce (the feedback hook): the
 * invitation's delivery state, its history and bus event, the suppression, and the resend.
 * The worker under injected faults (throttling, a kill) is outbox-faults.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { api, awaitEmails, busEvents, client, newDomain, sentEmails, stack, tokenFor } from './helpers.ts';

const address = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

/** A new domain of the stack's administrator, with their client. */
async function ownersNewDomain() {
  const owner = await tokenFor(stack().admin.email, stack().admin.password);
  const domain = await newDomain(owner);
  return { gh: client(owner), domain, path: { domainId: domain.id } };
}

describe('SES refusing mail on the local stack', () => {
  it('the stack\'s worker marks the invitation delivery_failed and publishes invitation.delivery_failed; resend delivers once SES takes it', async () => {
    const { gh, domain, path } = await ownersNewDomain();
    const email = address('refused');
    const query = new URLSearchParams({ email }).toString();
    expect((await api('POST', `/__local/ses-refusals?${query}`)).status).toBe(200);
    try {
      const sent = await gh.POST('/domains/{domainId}/invitations', { params: { path }, body: { emails: [email], role: 'user' } });
      expect(sent.data?.results[0]).toMatchObject({ status: 'invited', delivery: 'queued' });
      await vi.waitFor(async () => {
        const listed = await gh.GET('/domains/{domainId}/invitations', { params: { path, query: { email } } });
        expect(listed.data?.items[0]).toMatchObject({ delivery: 'delivery_failed', deliveryReason: 'MessageRejected' });
      }, { timeout: 15_000, interval: 100 });
    } finally {
      await api('DELETE', `/__local/ses-refusals?${query}`);
    }
    expect(await sentEmails(email)).toEqual([]);
    await vi.waitFor(async () => {
      const events = (await busEvents(domain.id)).filter((e) => e.detailType === 'invitation.delivery_failed');
      expect(events.map((e) => e.detail)).toEqual([expect.objectContaining({ actor: 'system:mail', after: { delivery: 'delivery_failed', reason: 'MessageRejected' } })]);
    }, { timeout: 15_000, interval: 100 });

    const invitationId = (await gh.GET('/domains/{domainId}/invitations', { params: { path, query: { email } } })).data?.items[0]?.id ?? '';
    const resent = await gh.POST('/domains/{domainId}/invitations/{invitationId}/resend', { params: { path: { ...path, invitationId } } });
    expect(resent.data).toMatchObject({ delivery: 'queued' });
    expect(await awaitEmails(email)).toHaveLength(1);
  }, 60_000);
});

describe('SES feedback on the local stack', () => {
  it('a bounce marks the invitation bounced and suppresses the address until an administrator resends it', async () => {
    const { gh, domain, path } = await ownersNewDomain();
    const email = address('bounce');
    const sent = await gh.POST('/domains/{domainId}/invitations', { params: { path }, body: { emails: [email], role: 'user' } });
    const invitationId = sent.data?.results[0]?.invitationId ?? '';
    const [mail] = await awaitEmails(email);
    // The worker records the message id once SES took it: wait for `sent`.
    for (let i = 0; i < 50; i++) {
      const listed = await gh.GET('/domains/{domainId}/invitations', { params: { path, query: { email } } });
      if (listed.data?.items[0]?.delivery === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const hook = await api('POST', `/__local/ses-feedback?${new URLSearchParams({ type: 'Bounce', email, domainId: domain.id, invitationId, messageId: mail?.messageId ?? '' })}`);
    expect(hook.status).toBe(200);
    expect(hook.body).toEqual({ recorded: 1 });
    const listed = await gh.GET('/domains/{domainId}/invitations', { params: { path, query: { email } } });
    expect(listed.data?.items[0]).toMatchObject({ delivery: 'bounced', deliveryReason: 'bounce: General' });

    // Inviting it again by list is refused for that row; resending the invitation is the explicit re-invite.
    const again = await gh.POST('/domains/{domainId}/invitations', { params: { path }, body: { emails: [email], role: 'user' } });
    expect(again.data?.results[0]).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/^suppressed: SES reported this address bounced/) });
    const resent = await gh.POST('/domains/{domainId}/invitations/{invitationId}/resend', { params: { path: { ...path, invitationId } } });
    expect(resent.data).toMatchObject({ delivery: 'queued' });
    expect(await awaitEmails(email, 2)).toHaveLength(2);
  }, 60_000);
});
