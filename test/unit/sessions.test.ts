import { describe, expect, it } from 'vitest';
import { gatewayDate } from '#local/authorizer.ts';
import { issuedAtOf, requireLiveSession } from '#shared/domain/sessions.ts';
import type { UserRecord } from '#shared/store/records.ts';

const user = (sessionsValidAfter?: number): UserRecord => ({
  userId: 'u-1',
  email: 'someone@example.test',
  name: 'Someone',
  language: 'en',
  owner: false,
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...(sessionsValidAfter === undefined ? {} : { sessionsValidAfter }),
});

describe('the iat claim', () => {
  it("reads API Gateway's rendering of it, and a plain number", () => {
    expect(issuedAtOf('Sun Dec 17 07:28:12 UTC 2017')).toBe(Date.UTC(2017, 11, 17, 7, 28, 12) / 1000);
    expect(issuedAtOf('Wed Dec 02 04:06:41 UTC 2026')).toBe(Date.UTC(2026, 11, 2, 4, 6, 41) / 1000);
    expect(issuedAtOf('1513495692')).toBe(1513495692);
    expect(issuedAtOf(1513495692)).toBe(1513495692);
  });

  it('reads what the local authorizer renders, as API Gateway does', () => {
    for (const seconds of [1513495692, 1764648401, 1767225599]) expect(issuedAtOf(gatewayDate(seconds))).toBe(seconds);
    expect(gatewayDate(1513495692)).toBe('Sun Dec 17 07:28:12 UTC 2017');
  });

  it('refuses anything else', () => {
    for (const claim of [undefined, null, '', 'yesterday', '02 Dec 2026', 'Sun Foo 17 07:28:12 UTC 2017', -5, 1.5, {}]) expect(issuedAtOf(claim)).toBeUndefined();
  });
});

describe('the session cut-off', () => {
  it('refuses a token issued at or before the cut-off (one-second resolution), accepts one issued after', () => {
    expect(() => requireLiveSession(1000, user(1000))).toThrow(/session was ended/);
    expect(() => requireLiveSession(999, user(1000))).toThrow(/session was ended/);
    expect(requireLiveSession(1001, user(1000)).userId).toBe('u-1');
    expect(requireLiveSession(5, user()).userId).toBe('u-1');
  });

  it('refuses any token of an account whose profile is gone', () => {
    expect(() => requireLiveSession(1001, undefined)).toThrow(expect.objectContaining({ status: 401 }));
  });
});
