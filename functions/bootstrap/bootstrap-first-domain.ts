/**
 * The deploy's custom resource (a Lambda-backed CloudFormation resource, answered through
 * its pre-signed ResponseURL): on Create, the stack's first domain and its administrator's
 * set-password email. Update and Delete keep the data as it is.
 */
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { createAccount } from '#shared/directory.ts';
import { bootstrapFirstDomain } from '#shared/domain/bootstrap.ts';
import { logger } from '#shared/http/logger.ts';
import { sesMailer } from '#shared/mail/mailer.ts';

const PHYSICAL_ID = 'gatehouse-first-domain';

export const handler = async (event: CloudFormationCustomResourceEvent, context: Context): Promise<void> => {
  let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
  let reason = '';
  let data: Record<string, string> = {};
  try {
    if (event.RequestType === 'Create') {
      const { AdminEmail, DomainName } = event.ResourceProperties as unknown as { AdminEmail: string; DomainName: string };
      const result = await bootstrapFirstDomain({ adminEmail: AdminEmail, domainName: DomainName }, { directory: { createAccount }, mailer: sesMailer });
      data = { DomainId: result.domainId };
    }
  } catch (error) {
    // A failed bootstrap must answer too, or CloudFormation waits an hour for it.
    logger().error('bootstrap failed', { error: error as Error });
    status = 'FAILED';
    reason = `The first domain could not be created; see log stream ${context.logStreamName}.`;
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
  });
  if (!response.ok) throw new Error(`CloudFormation did not take the answer: ${response.status}`);
};
