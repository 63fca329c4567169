/** What the mail worker retries and what it gives up on at once (shared/domain/mail-worker.ts classify). */
import { AccountSuspendedException, MessageRejected, SendingPausedException, SESv2ServiceException, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { classify } from '#shared/domain/mail-worker.ts';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('the mail worker classifies SES errors', () => {
  it('retries throttling, SES failures (5xx) and no answer at all', () => {
    expect(classify(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta(429) }))).toEqual({ transient: true, throttling: true, reason: 'TooManyRequestsException' });
    const internal = new SESv2ServiceException({ name: 'InternalFailure', $fault: 'server', message: 'oops', ...meta(500) });
    expect(classify(internal)).toEqual({ transient: true, throttling: false, reason: 'InternalFailure' });
    expect(classify(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toEqual({ transient: true, throttling: false, reason: 'ECONNRESET' });
    expect(classify(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toEqual({ transient: true, throttling: false, reason: 'TimeoutError' });
  });

  it('gives up at once on a refusal another try will not cure', () => {
    expect(classify(new MessageRejected({ message: 'Email address is not verified.', ...meta(400) }))).toEqual({ transient: false, throttling: false, reason: 'MessageRejected' });
    expect(classify(new SendingPausedException({ message: 'paused', ...meta(400) }))).toEqual({ transient: false, throttling: false, reason: 'SendingPausedException' });
    expect(classify(new AccountSuspendedException({ message: 'suspended', ...meta(400) }))).toEqual({ transient: false, throttling: false, reason: 'AccountSuspendedException' });
  });

  it('leaves a bug a bug: an error that is no answer of SES is not classified (the worker throws it)', () => {
    expect(classify(new TypeError('x is undefined'))).toBeUndefined();
  });
});
