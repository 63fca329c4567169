import { inviteByEmail, inviteFromCsv } from '#shared/domain/send-invitations.ts';
import { makeHandler } from '#shared/http/handler.ts';
import { sesMailer } from '#shared/mail/mailer.ts';
import { createInvitations } from '#shared/routes/invitations.ts';

export const handler = makeHandler(createInvitations, async ({ access, caller, body, csv }) =>
  csv === undefined ? inviteByEmail(access, caller, body, { mailer: sesMailer }) : inviteFromCsv(access, caller, csv, { mailer: sesMailer }),
);
