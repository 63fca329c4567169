import { inviteByEmail, inviteFromCsv } from '#shared/domain/send-invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { createInvitations } from '#shared/routes/invitations.ts';

// Invitation email goes through the outbox (the mail worker sends it): this function holds no SES client.
export const handler = makeHandler(createInvitations, async ({ access, caller, body, csv }) =>
  csv === undefined ? inviteByEmail(access, caller, body, {}) : inviteFromCsv(access, caller, csv, {}),
);
