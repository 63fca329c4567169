/**
 * The business metrics' names, shared by the functions that emit them (EMF through
 * Powertools) and the stack's dashboard (infra/dashboard.ts). Every metric carries the
 * dimensions `service` and `customer`, so customers in one account keep their own numbers.
 */
import type { EventAction } from '#shared/events/catalogue.ts';

export const METRICS_NAMESPACE = 'Gatehouse';

/** The customer dimension: the stack's customer (CUSTOMER), `local` outside AWS. */
export const customerDimension = () => ({ customer: process.env.CUSTOMER ?? 'local' });

/** History actions counted by the stream consumer, and the metric each adds to. */
export const INVITATION_METRICS = {
  'invitation.invited': 'InvitationsSent',
  'invitation.refreshed': 'InvitationsSent',
  'invitation.resent': 'InvitationsSent',
  'invitation.accepted': 'InvitationsAccepted',
  'invitation.expired': 'InvitationsExpired',
} as const satisfies Partial<Record<EventAction, string>>;

export type InvitationMetric = (typeof INVITATION_METRICS)[keyof typeof INVITATION_METRICS];

/** The invitation metrics of a batch of history events: every metric, zero when none happened. */
export function invitationCounts(actions: readonly string[]): Record<InvitationMetric, number> {
  const counts: Record<InvitationMetric, number> = { InvitationsSent: 0, InvitationsAccepted: 0, InvitationsExpired: 0 };
  for (const action of actions) {
    const metric = (INVITATION_METRICS as Record<string, InvitationMetric | undefined>)[action];
    if (metric) counts[metric] += 1;
  }
  return counts;
}

/** The mail worker's outcomes counted as EMF (service `mail`): the dashboard's mail jobs, and the `mail-failures` alarm. */
export const MAIL_JOB_METRICS = {
  sent: 'MailSent',
  failed: 'MailFailed',
  superseded: 'MailSuperseded',
} as const;

export type MailJobMetric = (typeof MAIL_JOB_METRICS)[keyof typeof MAIL_JOB_METRICS];

/** The metrics of a batch's outcomes (`handleRecords`): every metric, zero when none happened; other outcomes (a job done already) count nothing. */
export function mailJobCounts(outcomes: Readonly<Record<string, number>>): Record<MailJobMetric, number> {
  const counts: Record<MailJobMetric, number> = { MailSent: 0, MailFailed: 0, MailSuperseded: 0 };
  for (const [outcome, metric] of Object.entries(MAIL_JOB_METRICS)) counts[metric] += outcomes[outcome] ?? 0;
  return counts;
}
