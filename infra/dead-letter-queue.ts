/**
 * The dead-letter queues of the stack (the table stream's, the sweeps schedule's): encrypted,
 * TLS only, and kept as long as SQS allows, so a failure found after a holiday is still there.
 */
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '#infra/nag.ts';

/** SQS's longest retention. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * A dead-letter queue. `whyNoQueueOfItsOwn` is the cdk-nag acknowledgement (SQS3: a queue
 * without a dead-letter queue): a dead-letter queue is where failures end; nothing
 * consumes it automatically, so there is no failed receive to catch.
 */
export function deadLetterQueue(scope: Construct, id: string, whyNoQueueOfItsOwn: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    // SQS-managed keys: the producers (Lambda, EventBridge Scheduler) need no KMS grant to send.
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  acknowledge(queue, 'AwsSolutions-SQS3', `This queue is a dead-letter queue itself. ${whyNoQueueOfItsOwn}`);
  return queue;
}
