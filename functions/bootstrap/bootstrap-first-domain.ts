/**
 * The deploy's custom resource (CDK Provider framework): on Create, the stack's first
 * domain and its administrator's set-password email. Update and Delete keep the data.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { cognitoDirectory } from '#shared/directory.ts';
import { bootstrapFirstDomain } from '#shared/domain/bootstrap.ts';
import { sesMailer } from '#shared/mail/mailer.ts';

export const handler = async (event: CloudFormationCustomResourceEvent) => {
  const physicalId = 'PhysicalResourceId' in event ? event.PhysicalResourceId : 'gatehouse-first-domain';
  if (event.RequestType !== 'Create') return { PhysicalResourceId: physicalId };
  const { AdminEmail, DomainName } = event.ResourceProperties as unknown as { AdminEmail: string; DomainName: string };
  const result = await bootstrapFirstDomain({ adminEmail: AdminEmail, domainName: DomainName }, { directory: cognitoDirectory, mailer: sesMailer });
  return { PhysicalResourceId: physicalId, Data: { DomainId: result.domainId } };
};
