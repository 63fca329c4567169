/**
 * The deploy's custom resource (a Lambda-backed CloudFormation resource, answered through
 * its pre-signed ResponseURL): on Create, the stack's first domain and its administrator's
 * set-password email; on an Update that changes AdminEmail, an administrator invitation for
 * the new address (shared/domain/bootstrap.ts). Delete keeps the data as it is.
 *
 * It always answers, and before its own timeout: the work gets the function's remaining
 * time less a reserve for the answer, and a dependency that hangs fails the work (the SDK
 * clients' own timeouts, shared/clients/http.ts, then this deadline), so CloudFormation
 * hears FAILED within minutes rather than waiting out its service timeout.
 */
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { createAccount } from '#shared/directory.ts';
import { bootstrapFirstDomain, inviteFurtherAdministrator, resendFirstAdministratorLink } from '#shared/domain/bootstrap.ts';
import { logger } from '#shared/http/logger.ts';
import { sesMailer } from '#shared/mail/mailer.ts';

const PHYSICAL_ID = 'gatehouse-first-domain';

/** Time kept back from the function's remaining time to send the answer: at most 10 s, a quarter of it when less is left. */
export function answerReserveMs(remainingMs: number): number {
  return Math.min(10_000, Math.floor(remainingMs / 4));
}

interface Properties {
  AdminEmail: string;
  DomainName: string;
}

class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

/** `work`, or a DeadlineExceeded after `ms`; the timer never outlives the race. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`not done within ${Math.round(ms / 1000)} s: a dependency did not answer`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function run(event: CloudFormationCustomResourceEvent): Promise<Record<string, string>> {
  const deps = { directory: { createAccount }, mailer: sesMailer };
  const props = event.ResourceProperties as unknown as Properties;
  if (event.RequestType === 'Create') {
    const result = await bootstrapFirstDomain({ adminEmail: props.AdminEmail, domainName: props.DomainName }, deps);
    // A refused first email is answered, not failed: the deploy stands; README says how to resend.
    return { DomainId: result.domainId, ...('delivery' in result ? { FirstAdminEmail: result.delivery, FirstAdminUserId: result.userId } : {}) };
  }
  if (event.RequestType === 'Update') {
    const before = (event.OldResourceProperties as unknown as Partial<Properties>).AdminEmail ?? '';
    // Another property changing (the product name, the service timeout) invites nobody.
    if (before.toLowerCase() === props.AdminEmail.toLowerCase()) return {};
    const result = await inviteFurtherAdministrator({ adminEmail: props.AdminEmail, domainName: props.DomainName }, deps);
    logger().info('adminEmail changed: further administrator', { outcome: result.outcome, delivery: result.delivery });
    return { DomainId: result.domainId, AdminInvitation: result.outcome, ...(result.delivery ? { AdminInvitationDelivery: result.delivery } : {}) };
  }
  return {};
}

/** What the operator invokes by hand (README): a new set-password link for the first administrator. */
export const RESEND_FIRST_ADMIN_LINK = 'resend-first-admin-link';

export const handler = async (event: CloudFormationCustomResourceEvent | { action: string }, context: Context): Promise<unknown> => {
  if ('action' in event) {
    if (event.action !== RESEND_FIRST_ADMIN_LINK) throw new Error(`Unknown action ${event.action}; the only one is ${RESEND_FIRST_ADMIN_LINK}.`);
    return resendFirstAdministratorLink();
  }
  const remaining = context.getRemainingTimeInMillis();
  const reserve = answerReserveMs(remaining);
  let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
  let reason = '';
  let data: Record<string, string> = {};
  const work = run(event);
  try {
    data = await within(remaining - reserve, work);
  } catch (error) {
    // A failed bootstrap must answer too, or CloudFormation waits for it until its service timeout.
    logger().error('bootstrap failed', { error: error as Error });
    status = 'FAILED';
    const what = event.RequestType === 'Create' ? 'The first domain could not be created' : 'The change of adminEmail could not be applied';
    reason = `${what} (${error instanceof DeadlineExceeded ? error.message : (error as Error).name}); see log stream ${context.logStreamName}.`;
  }
  const response = await fetch(event.ResponseURL, {
    method: 'PUT',
    headers: { 'Content-Type': '' },
    body: JSON.stringify({
      Status: status,
      Reason: reason,
      PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : PHYSICAL_ID,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      Data: data,
    }),
    signal: AbortSignal.timeout(reserve),
  });
  if (!response.ok) throw new Error(`CloudFormation did not take the answer: ${response.status}`);
};
