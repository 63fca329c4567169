import { describe, expect, it } from 'vitest';
import {
  accessReviewReminderEmail,
  type Branding,
  invitationEmail,
  memberAddedEmail,
  type RenderedEmail,
  setPasswordEmail,
  signInToJoinEmail,
  staleDigestEmail,
  verifyEmailEmail,
} from '#shared/mail/templates.ts';

const branding: Branding = { productName: 'Trackinno', logoUrl: 'https://cdn.example.com/logo.png', primaryColor: '#0a7d4f' };
const link = 'https://app.example.com/accept-invitation?token=QmFzZTY0dXJsLXRva2VuLTEyOGJpdHM';
const reviewLink = 'https://app.example.com/domains/d-1/access-review';
const verifyLink = 'https://app.example.com/verify-email?token=VmVyaWZ5LXRva2VuLTI1NmJpdHMtYmFzZTY0dXJs';
const signInLink = 'https://app.example.com/sign-in';

type TemplateName = 'invitation' | 'setPassword' | 'staleDigest' | 'accessReview' | 'verifyEmail' | 'signInToJoin' | 'memberAdded';

/** The link each template carries in renderAll. */
const LINKS: Record<TemplateName, string> = {
  invitation: link,
  setPassword: link,
  staleDigest: reviewLink,
  accessReview: reviewLink,
  verifyEmail: verifyLink,
  signInToJoin: link,
  memberAdded: signInLink,
};

/** Each template with the same language, branding and domain name, so every test can run over all four. */
function renderAll(language: string, over: { branding?: Branding; domainName?: string } = {}): Record<TemplateName, RenderedEmail> {
  const common = { language, branding: over.branding ?? branding, domainName: over.domainName ?? 'Acme Oy' };
  return {
    invitation: invitationEmail({ ...common, inviterName: 'Anna Admin', roleName: 'Manager', link, expiresAt: '2026-11-30T14:05:00Z', message: 'Welcome aboard!' }),
    setPassword: setPasswordEmail({ ...common, inviterName: 'Anna Admin', link, expiresAt: new Date('2026-12-01T08:00:00Z') }),
    staleDigest: staleDigestEmail({
      ...common,
      deactivated: [
        { name: 'Jane Doe', email: 'jane@example.com', lastActiveAt: '2026-03-03T10:00:00Z' },
        { name: 'Bob Idle', email: 'bob@example.com', lastActiveAt: null },
      ],
      keptAdmins: [{ name: 'Last Admin', email: 'last@example.com' }],
      reviewLink,
    }),
    accessReview: accessReviewReminderEmail({ ...common, dueAt: '2026-12-15T00:00:00Z', reviewLink }),
    verifyEmail: verifyEmailEmail({ ...common, link: verifyLink, expiresAt: '2026-11-30T14:05:00Z' }),
    signInToJoin: signInToJoinEmail({ ...common, link }),
    memberAdded: memberAddedEmail({ ...common, inviterName: 'Anna Admin', roleName: 'Manager', link: signInLink }),
  };
}

/** A phrase per template and language, in its subject and body, that only that language's text has. */
const PHRASES: Record<string, Record<string, RegExp>> = {
  en: {
    invitation: /invited you to join/,
    setPassword: /Set your password/,
    staleDigest: /deactivated/,
    accessReview: /access review of/,
    verifyEmail: /[Cc]onfirm/,
    signInToJoin: /Sign in/,
    memberAdded: /added to|added you to/,
  },
  fi: {
    invitation: /kutsui sinut/,
    setPassword: /[Aa]seta salasana/,
    staleDigest: /poistettiin käytöstä/,
    accessReview: /käyttöoikeuksien tarkastus/,
    verifyEmail: /[Vv]ahvista/,
    signInToJoin: /[Kk]irjaudu/,
    memberAdded: /lisä(ttiin|si)/,
  },
  fr: {
    invitation: /vous invite à rejoindre/,
    setPassword: /mot de passe/,
    staleDigest: /désactivé/,
    accessReview: /revue (périodique )?des accès/,
    verifyEmail: /[Cc]onfirme/,
    signInToJoin: /[Cc]onnecte/,
    memberAdded: /ajouté/,
  },
};

describe('email templates', () => {
  for (const language of ['en', 'fi', 'fr']) {
    it(`writes every email in ${language}: subject, HTML and text`, () => {
      for (const [name, email] of Object.entries(renderAll(language))) {
        const phrase = PHRASES[language]?.[name] as RegExp;
        expect(email.subject, `${name} subject`).toMatch(phrase);
        expect(email.html, `${name} html`).toMatch(phrase);
        expect(email.text, `${name} text`).toMatch(phrase);
        expect(email.html).toContain(`<html lang="${language}">`);
      }
    });
  }

  it('formats dates in the language of the email', () => {
    expect(renderAll('en').invitation.text).toContain('30 November 2026 at 14:05 UTC');
    expect(renderAll('fi').invitation.text).toContain('30. marraskuuta 2026 klo 14.05 UTC');
    expect(renderAll('fr').invitation.text).toContain('30 novembre 2026 à 14:05 UTC');
    expect(renderAll('fi').accessReview.text).toContain('15. joulukuuta 2026');
    expect(renderAll('fr').staleDigest.text).toContain('dernière activité le 3 mars 2026');
  });

  it('falls back to English for Swedish, German and unknown languages', () => {
    const english = renderAll('en');
    for (const language of ['sv', 'de', 'xx', '']) {
      const emails = renderAll(language);
      for (const [name, email] of Object.entries(emails)) {
        expect(email, `${name} in '${language}'`).toEqual(english[name as TemplateName]);
      }
    }
    expect(renderAll('fi-FI').invitation.subject).toMatch(PHRASES.fi?.invitation as RegExp);
  });

  it('names the product in every subject and header', () => {
    for (const language of ['en', 'fi', 'fr']) {
      for (const email of Object.values(renderAll(language))) {
        expect(email.subject).toContain('Trackinno');
        expect(email.html).toContain('>Trackinno</span>');
        expect(email.text.startsWith('Trackinno\n')).toBe(true);
      }
    }
  });

  it('puts the invitation together: who, where, which role, the message and the expiry', () => {
    const { subject, html, text } = renderAll('en').invitation;
    expect(subject).toBe('Anna Admin invited you to join Acme Oy on Trackinno');
    expect(text).toContain('Anna Admin invited you to join Acme Oy on Trackinno as Manager.');
    expect(text).toContain('Message from Anna Admin:\n> Welcome aboard!');
    expect(html).toContain('Welcome aboard!');
    expect(text).toContain('expires on 30 November 2026');
  });

  it('leaves the message block out when there is no personal message', () => {
    const email = invitationEmail({ language: 'en', branding, domainName: 'Acme', inviterName: 'Anna', roleName: 'User', link, expiresAt: '2026-11-30T14:05:00Z' });
    expect(email.text).not.toContain('Message from');
    expect(email.html).not.toContain('<blockquote');
  });

  it('lists who the sweep deactivated, who was kept, and how to reactivate', () => {
    const { subject, text } = renderAll('en').staleDigest;
    expect(subject).toBe('Trackinno: 2 members of Acme Oy deactivated for inactivity');
    expect(text).toContain('- Jane Doe (jane@example.com), last active 3 March 2026');
    expect(text).toContain('- Bob Idle (bob@example.com), never signed in');
    expect(text).toContain('- Last Admin (last@example.com)');
    expect(text).toContain('set their status to Active');
  });

  it('writes a digest that only reports kept administrators without announcing deactivations', () => {
    const email = staleDigestEmail({ language: 'fr', branding, domainName: 'Acme', deactivated: [], keptAdmins: [{ name: 'Ada', email: 'ada@example.com' }], reviewLink });
    expect(email.subject).toBe('Trackinno\u00a0: administrateurs inactifs à vérifier dans l’espace Acme');
    expect(email.text).not.toMatch(/désactivés?,/);
    expect(email.text).toContain('- Ada (ada@example.com)');
  });

  it('counts one member in the singular', () => {
    const one = { name: 'Jane', email: 'jane@example.com', lastActiveAt: '2026-03-03T10:00:00Z' };
    const input = { branding, domainName: 'Acme', deactivated: [one], keptAdmins: [], reviewLink };
    expect(staleDigestEmail({ ...input, language: 'en' }).subject).toBe('Trackinno: 1 member of Acme deactivated for inactivity');
    expect(staleDigestEmail({ ...input, language: 'fi' }).subject).toBe('Trackinno: 1 jäsen poistettiin käytöstä passiivisuuden vuoksi – Acme');
    expect(staleDigestEmail({ ...input, language: 'fr' }).subject).toBe('Trackinno\u00a0: 1 membre désactivé pour inactivité dans l’espace Acme');
  });

  it('escapes every interpolated value in the HTML and never lets markup through', () => {
    const evil = '<script>alert(1)</script>';
    const all = Object.values(renderAll('en', { domainName: evil, branding: { ...branding, productName: `"Brand" & <b>` } }));
    const emails = [
      ...all,
      memberAddedEmail({ language: 'fr', branding, domainName: 'Acme', inviterName: `Eve <img src=x onerror=alert(1)>`, roleName: `"><script>x</script>`, link: signInLink }),
      invitationEmail({ language: 'fi', branding, domainName: 'Acme', inviterName: `Eve <img src=x onerror=alert(1)>`, roleName: `"><script>x</script>`, link, expiresAt: '2026-11-30T14:05:00Z', message: `Hi' & "bye"\n${evil}` }),
      staleDigestEmail({ language: 'fr', branding, domainName: 'Acme', deactivated: [{ name: evil, email: `a"b@example.com`, lastActiveAt: null }], keptAdmins: [{ name: `<i>x</i>`, email: 'x@example.com' }], reviewLink }),
    ];
    for (const { html } of emails) {
      expect(html).not.toMatch(/<script|<img src=x|<i>|<b>/);
      expect(html).not.toMatch(/onerror=alert\(1\)>/);
    }
    const domainHtml = emails[0]?.html ?? '';
    expect(domainHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(domainHtml).toContain('&quot;Brand&quot; &amp; &lt;b&gt;');
    expect(emails[all.length + 1]?.html).toContain('Hi&#39; &amp; &quot;bye&quot;<br>&lt;script&gt;');
    // The plain-text part is text: the same value, as written.
    expect(emails[0]?.text).toContain(evil);
  });

  it('keeps a value with line breaks on one line, so it cannot forge lines or headers', () => {
    const email = invitationEmail({ language: 'en', branding, domainName: 'Acme\r\nBcc: x@example.com', inviterName: 'Anna\n\nAdmin', roleName: 'User', link, expiresAt: '2026-11-30T14:05:00Z' });
    expect(email.subject).toBe('Anna Admin invited you to join Acme Bcc: x@example.com on Trackinno');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('carries the link, as given, in both parts, and no other link', () => {
    const withQuery = 'https://app.example.com/accept-invitation?token=abc&x=1';
    for (const [name, email] of Object.entries(renderAll('fr'))) {
      const expected = LINKS[name as TemplateName];
      expect(email.text, name).toContain(`\n${expected}\n`);
      expect(email.html, name).toContain(`href="${expected}"`);
      const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
      expect(new Set(hrefs), name).toEqual(new Set([expected]));
    }
    const email = setPasswordEmail({ language: 'en', branding, domainName: 'Acme', inviterName: 'Anna', link: withQuery, expiresAt: '2026-12-01T08:00:00Z' });
    expect(email.html).toContain('href="https://app.example.com/accept-invitation?token=abc&amp;x=1"');
    expect(email.text).toContain(withQuery);
  });

  it('refuses a link that is not an absolute http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', '/accept-invitation?token=x', 'https://app.example.com/a b', 'data:text/html,x']) {
      expect(() => invitationEmail({ language: 'en', branding, domainName: 'Acme', inviterName: 'A', roleName: 'User', link: bad, expiresAt: '2026-11-30T14:05:00Z' })).toThrow(/link/);
    }
  });

  it('shows the logo only when the domain has one', () => {
    for (const email of Object.values(renderAll('en'))) {
      expect(email.html).toContain('<img src="https://cdn.example.com/logo.png"');
    }
    for (const email of Object.values(renderAll('en', { branding: { ...branding, logoUrl: null } }))) {
      expect(email.html).not.toContain('<img');
    }
    // The schema admits https only; a template given anything else still shows no image.
    const plain = renderAll('en', { branding: { ...branding, logoUrl: 'http://cdn.example.com/logo.png' } }).invitation;
    expect(plain.html).not.toContain('<img');
  });

  it("paints the button in the domain's primary colour, with text that stays readable", () => {
    for (const email of Object.values(renderAll('fi'))) {
      expect(email.html).toMatch(/<a href="[^"]+" style="[^"]*background:#0a7d4f;color:#ffffff/);
    }
    const light = renderAll('en', { branding: { ...branding, primaryColor: '#ffd33d' } }).invitation;
    expect(light.html).toMatch(/background:#ffd33d;color:#000000/);
    // A colour the schema would refuse never reaches a style attribute.
    const bad = renderAll('en', { branding: { ...branding, primaryColor: 'red;background:url(https://evil.example)' } }).invitation;
    expect(bad.html).not.toContain('evil.example');
    expect(bad.html).toContain('background:#1f6feb');
  });

  it('asks a link registrant to confirm the address, says the link is single-use and when it expires, and what happens if ignored', () => {
    const en = renderAll('en').verifyEmail;
    expect(en.subject).toBe('Confirm your email address to join Acme Oy on Trackinno');
    expect(en.text).toContain('works only once and expires on 30 November 2026 at 14:05 UTC');
    expect(en.text).toContain('never works');
    expect(renderAll('fi').verifyEmail.text).toContain('30. marraskuuta 2026 klo 14.05 UTC');
    expect(renderAll('fr').verifyEmail.text).toContain('30 novembre 2026 à 14:05 UTC');
  });

  it('tells an existing account to sign in and open the link again, and that nothing changed', () => {
    for (const language of ['en', 'fi', 'fr']) {
      const email = renderAll(language).signInToJoin;
      expect(email.text).toContain(`\n${link}\n`);
      expect(email.text).not.toContain('verify-email');
    }
    const en = renderAll('en').signInToJoin;
    expect(en.subject).toBe('Sign in to join Acme Oy on Trackinno');
    expect(en.text).toContain('You already have an account with this address');
    expect(en.text).toContain('reset it on the sign-in page');
  });

  it('tells an added account where and with which role, in its language', () => {
    expect(renderAll('en').memberAdded.text).toContain('Anna Admin added you to Acme Oy on Trackinno as Manager.');
    expect(renderAll('fi').memberAdded.text).toContain('Roolisi on Manager');
    expect(renderAll('fr').memberAdded.text).toContain('en tant que Manager');
    expect(renderAll('fr').memberAdded.subject).toBe('Vous avez été ajouté à l’espace Acme Oy sur Trackinno');
  });

  it('refuses a date that is not one', () => {
    expect(() => accessReviewReminderEmail({ language: 'en', branding, domainName: 'Acme', dueAt: 'soon', reviewLink })).toThrow(RangeError);
  });
});
