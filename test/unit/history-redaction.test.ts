import { describe, expect, it } from 'vitest';
import { REDACTED, redactEvent } from '#shared/domain/history.ts';
import type { Grant } from '#shared/permissions.ts';

const event = (action: string, before: unknown, after: unknown) => ({ id: 'e', at: 't', actor: 'u', action, targetType: 'x', targetId: 'y', before, after });

describe('history redaction', () => {
  const historyOnly: Grant[] = ['history:view'];

  it('hides settings and billing but not the domain name without settings:view', () => {
    const shown = redactEvent(event('settings.updated', { name: 'D', billing: { plan: 'p' } }, { name: 'E', staleAfterDays: 3 }), historyOnly);
    expect(shown).toMatchObject({ redacted: true, before: { name: 'D', billing: REDACTED }, after: { name: 'E', staleAfterDays: REDACTED } });
    expect(redactEvent(event('settings.updated', { billing: { plan: 'p' } }, null), ['history:view', 'settings:view'])).not.toHaveProperty('redacted');
  });

  it('hides invitees and link settings without invitations:view, role permissions without roles:view', () => {
    expect(redactEvent(event('invitation.expired', { status: 'pending', email: 'a@b.test' }, { status: 'expired' }), historyOnly)).toMatchObject({
      redacted: true,
      before: { status: 'pending', email: REDACTED },
      after: { status: 'expired' },
    });
    expect(redactEvent(event('role.deleted', { name: 'R', permissions: ['*'] }, null), historyOnly)).toMatchObject({ before: { name: 'R', permissions: REDACTED }, after: null });
    expect(redactEvent(event('role.deleted', { name: 'R', permissions: ['*'] }, null), ['*'])).not.toHaveProperty('redacted');
  });

  it('leaves events it has no rule for, and events with nothing to hide, as they are', () => {
    const member = event('member.role_changed', { role: 'a' }, { role: 'b' });
    expect(redactEvent(member, historyOnly)).toBe(member);
    const plain = event('invitation.revoked', { status: 'pending', email: null }, null);
    expect(redactEvent(plain, historyOnly)).toBe(plain);
  });
});
