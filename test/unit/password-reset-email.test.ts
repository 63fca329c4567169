import { describe, expect, it } from 'vitest';
import { passwordResetEmail } from '#shared/mail/templates.ts';

const branding = { productName: 'Acme App', logoUrl: null, primaryColor: '#1f6feb' };
const link = 'https://app.example.com/reset-password?token=QmFzZTY0dXJsLXRva2VuLTI1NmJpdHMtLS0tLS0tLS0tLS0';
const expiresAt = '2026-12-02T05:00:00Z';

describe('the password reset email', () => {
  it.each([
    ['en', /Reset your Acme App password/, /expires on 2 December 2026 at 05:00 UTC/],
    ['fi', /Vaihda Acme App -palvelun salasanasi/, /voimassa 2\. joulukuuta 2026 klo 5\.00 UTC asti/],
    ['fr', /Réinitialisez votre mot de passe Acme App/, /expire le 2 décembre 2026 à 05:00 UTC/],
  ])('speaks %s, carries the product and the link, says when it expires', (language, subject, expiry) => {
    const mail = passwordResetEmail({ language, branding, link, expiresAt });
    expect(mail.subject).toMatch(subject);
    expect(mail.html).toContain(`<html lang="${language}">`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain(link);
    expect(mail.text.startsWith('Acme App\n')).toBe(true);
    expect(mail.text).toMatch(expiry);
  });

  it('falls back to English for a language without its own messages', () => {
    expect(passwordResetEmail({ language: 'sv', branding, link, expiresAt }).html).toContain('<html lang="en">');
  });
});
