/**
 * Gatehouse's emails as pure functions: data in, `{subject, html, text}` out, in the
 * recipient's language (English, Finnish, French; anything else falls back to English) and
 * the domain's branding. Every value is escaped on its way into the HTML, and the only URLs
 * in it are the link the caller built from the customer's app URL and the domain's logo.
 * No template engine: a few blocks (paragraph, quote, list, button) rendered twice, once as
 * HTML with inline styles and once as plain text carrying the same content and raw link.
 */
import type { Settings } from '#shared/schemas/domain.ts';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import * as en from '#shared/mail/messages/en.ts';
import * as fi from '#shared/mail/messages/fi.ts';
import * as fr from '#shared/mail/messages/fr.ts';
import { own } from '#shared/own.ts';

export type Branding = Settings['branding'];

/** An instant: an ISO 8601 string (as stored) or a Date. */
export type When = string | Date;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The languages with their own messages. */
type Written = 'en' | 'fi' | 'fr';

/**
 * One section of the catalogue in each language. The maps name sections one by one, never a
 * whole catalogue, so a function bundles only the sections of the emails it renders.
 */
type Section<K extends keyof Messages> = Readonly<Record<Written, Messages[K]>>;

/** What every email of a language needs besides its own section. */
type Frame = Pick<Messages, 'locale' | 'colon' | 'buttonFallback'>;

const FRAMES: Readonly<Record<Written, Frame>> = {
  en: { locale: en.locale, colon: en.colon, buttonFallback: en.buttonFallback },
  fi: { locale: fi.locale, colon: fi.colon, buttonFallback: fi.buttonFallback },
  fr: { locale: fr.locale, colon: fr.colon, buttonFallback: fr.buttonFallback },
};
const INVITATION: Section<'invitation'> = { en: en.invitation, fi: fi.invitation, fr: fr.invitation };
const SET_PASSWORD: Section<'setPassword'> = { en: en.setPassword, fi: fi.setPassword, fr: fr.setPassword };
const VERIFY_EMAIL: Section<'verifyEmail'> = { en: en.verifyEmail, fi: fi.verifyEmail, fr: fr.verifyEmail };
const SIGN_IN_TO_JOIN: Section<'signInToJoin'> = { en: en.signInToJoin, fi: fi.signInToJoin, fr: fr.signInToJoin };
const MEMBER_ADDED: Section<'memberAdded'> = { en: en.memberAdded, fi: fi.memberAdded, fr: fr.memberAdded };
const STALE_DIGEST: Section<'staleDigest'> = { en: en.staleDigest, fi: fi.staleDigest, fr: fr.staleDigest };
const ACCESS_REVIEW: Section<'accessReview'> = { en: en.accessReview, fi: fi.accessReview, fr: fr.accessReview };
const PASSWORD_RESET: Section<'passwordReset'> = { en: en.passwordReset, fi: fi.passwordReset, fr: fr.passwordReset };
const ADMIN_FOOTER: Section<'adminFooter'> = { en: en.adminFooter, fi: fi.adminFooter, fr: fr.adminFooter };

/** The language an email is written in, English for a language without its own messages. */
interface Catalog {
  /** The language the email is written in (its `<html lang>`), the key of its sections. */
  lang: Written;
  frame: Frame;
}

function messagesFor(language: string): Catalog {
  const lang = language.toLowerCase().split(/[-_]/)[0] ?? '';
  const frame = own(FRAMES, lang);
  return frame ? { lang: lang as Written, frame } : { lang: 'en', frame: FRAMES.en };
}

export interface InvitationEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  inviterName: string;
  roleName: string;
  /** `{appUrl}/accept-invitation?token=...`, built by the caller. */
  link: string;
  expiresAt: When;
  /** The inviter's personal message, shown as written (line breaks kept). */
  message?: string | null;
}

/** The invitation to join a domain with a role. */
export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = INVITATION[catalog.lang];
  const v = { inviter: line(input.inviterName), domain: line(input.domainName), product: line(input.branding.productName), role: line(input.roleName) };
  const message = input.message ? paragraphText(input.message) : '';
  return render(catalog, input.branding, m.subject(v), [
    m.lead(v),
    ...(message ? [{ quote: message, by: m.messageFrom(v.inviter) }] : []),
    { button: m.button, link: input.link },
    m.expiry({ date: formatDate(catalog.frame, input.expiresAt, true), domain: v.domain }),
    { small: m.ignore },
  ]);
}

export interface SetPasswordEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  inviterName: string;
  /** The single-use set-password link, built by the caller. */
  link: string;
  expiresAt: When;
}

/** Tells a member an administrator added that their account is ready and links to setting its password. */
export function setPasswordEmail(input: SetPasswordEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = SET_PASSWORD[catalog.lang];
  const v = { inviter: line(input.inviterName), domain: line(input.domainName), product: line(input.branding.productName) };
  return render(catalog, input.branding, m.subject(v.product), [
    m.lead(v),
    { button: m.button, link: input.link },
    m.expiry({ date: formatDate(catalog.frame, input.expiresAt, true), domain: v.domain }),
    { small: m.ignore },
  ]);
}

export interface VerifyEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  /** `{appUrl}/verify-email?token=...`, built by the caller. */
  link: string;
  expiresAt: When;
}

/** Asks the owner of an address registered through a link to confirm it; until then the registration holds nothing. */
export function verifyEmailEmail(input: VerifyEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = VERIFY_EMAIL[catalog.lang];
  const v = { domain: line(input.domainName), product: line(input.branding.productName) };
  return render(catalog, input.branding, m.subject(v), [
    m.lead(v),
    { button: m.button, link: input.link },
    m.expiry({ date: formatDate(catalog.frame, input.expiresAt, true) }),
    { small: m.ignore },
  ]);
}

export interface SignInToJoinEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  /** The registration link itself (`{appUrl}/accept-invitation?token=...`), to open again once signed in. */
  link: string;
}

/** Tells the owner of an existing account that someone registered with their address: sign in, then join. */
export function signInToJoinEmail(input: SignInToJoinEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = SIGN_IN_TO_JOIN[catalog.lang];
  const v = { domain: line(input.domainName), product: line(input.branding.productName) };
  return render(catalog, input.branding, m.subject(v), [
    m.lead(v),
    m.advice,
    { button: m.button, link: input.link },
    { small: m.ignore },
  ]);
}

export interface MemberAddedEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  inviterName: string;
  roleName: string;
  /** Where to sign in (`{appUrl}/sign-in`), built by the caller. */
  link: string;
}

/** Tells an existing account that an administrator added it to a domain, with which role. */
export function memberAddedEmail(input: MemberAddedEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = MEMBER_ADDED[catalog.lang];
  const v = { inviter: line(input.inviterName), domain: line(input.domainName), product: line(input.branding.productName), role: line(input.roleName) };
  return render(catalog, input.branding, m.subject(v), [
    m.lead(v),
    { button: m.button, link: input.link },
    { small: m.ignore(v.domain) },
  ]);
}

export interface StaleDigestEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  /** Members the sweep deactivated; `lastActiveAt` null for one who never signed in. */
  deactivated: { name: string; email: string; lastActiveAt: When | null }[];
  /** Administrators as idle as the others but kept, so the domain keeps an active one. */
  keptAdmins: { name: string; email: string }[];
  reviewLink: string;
}

/** The stale-members sweep's digest to a domain's administrators: who lost access and how to give it back. */
export function staleDigestEmail(input: StaleDigestEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const s = STALE_DIGEST[catalog.lang];
  const domain = line(input.domainName);
  const count = input.deactivated.length;
  const person = (p: { name: string; email: string }) => `${line(p.name)} (${line(p.email)})`;
  const blocks: Block[] = [];
  if (count > 0) {
    blocks.push(
      s.lead({ count, domain }),
      { list: input.deactivated.map((p) => `${person(p)}, ${s.lastActive(p.lastActiveAt === null ? null : formatDate(catalog.frame, p.lastActiveAt, false))}`) },
      s.reactivate,
    );
  }
  if (input.keptAdmins.length > 0) blocks.push(s.keptAdmins(domain), { list: input.keptAdmins.map(person) });
  blocks.push({ button: s.button, link: input.reviewLink }, { small: ADMIN_FOOTER[catalog.lang](domain) });
  return render(catalog, input.branding, s.subject({ count, domain, product: line(input.branding.productName) }), blocks);
}

export interface AccessReviewReminderEmailInput {
  language: string;
  branding: Branding;
  domainName: string;
  dueAt: When;
  reviewLink: string;
}

/** Reminds a domain's administrators that its periodic access review is due. */
export function accessReviewReminderEmail(input: AccessReviewReminderEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = ACCESS_REVIEW[catalog.lang];
  const domain = line(input.domainName);
  return render(catalog, input.branding, m.subject({ domain, product: line(input.branding.productName) }), [
    m.lead({ domain, date: formatDate(catalog.frame, input.dueAt, false) }),
    m.steps,
    { button: m.button, link: input.reviewLink },
    { small: ADMIN_FOOTER[catalog.lang](domain) },
  ]);
}

// ---- Password reset ----

export interface PasswordResetEmailInput {
  language: string;
  branding: Branding;
  /** `{appUrl}/reset-password?token=...`, built by the caller. */
  link: string;
  expiresAt: When;
}

/** The single-use link to choose a new password (the account's own, not a domain's, request). */
export function passwordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  const catalog = messagesFor(input.language);
  const m = PASSWORD_RESET[catalog.lang];
  const product = line(input.branding.productName);
  return render(catalog, input.branding, m.subject(product), [
    m.lead(product),
    { button: m.button, link: input.link },
    m.expiry(formatDate(catalog.frame, input.expiresAt, true)),
    { small: m.ignore },
  ]);
}

// ---- Rendering -------------------------------------------------------------------------

/** A paragraph (plain string), the inviter's quoted message, a list, the call to action, or small print. */
type Block = string | { quote: string; by: string } | { list: string[] } | { button: string; link: string } | { small: string };

const FONT = 'font-family:Arial,Helvetica,sans-serif';
const DEFAULT_COLOR = '#1f6feb';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attributes. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/**
 * One line of text: line breaks, other control characters and runs of spaces become one
 * space, so no value can break a subject or a line. No-break spaces stay (French needs them).
 */
function line(value: string): string {
  return value.replace(/[ \u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** Multi-line text (a personal message): line breaks kept, other control characters dropped. */
function paragraphText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .trim();
}

/** The link as given, refused unless http(s): a `javascript:` or malformed link is a caller's bug, never something to send. */
function checkedLink(link: string): string {
  if (!/^https?:\/\/\S+$/i.test(link) || !URL.canParse(link)) throw new Error('An email link must be an absolute http(s) URL without white space');
  return link;
}

function checkedColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_COLOR;
}

/** Black or white, whichever reads better on `color` (WCAG relative luminance). */
function textOn(color: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#000000' : '#ffffff';
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date in the language's style, with the time when it matters (expiries). Times are
 * given in UTC and say so: the recipient's time zone is not known.
 */
function formatDate({ locale }: Frame, when: When, withTime: boolean): string {
  const date = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(when)}`);
  const key = `${locale}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC', ...(withTime ? { timeStyle: 'short' } : {}) });
    formats.set(key, format);
  }
  return withTime ? `${format.format(date)} UTC` : format.format(date);
}

function render({ lang, frame }: Catalog, branding: Branding, rawSubject: string, blocks: Block[]): RenderedEmail {
  const subject = line(rawSubject);
  const product = line(branding.productName);
  const color = checkedColor(branding.primaryColor);
  const buttonText = textOn(color);
  // A light brand colour makes a good button (with dark text) but an unreadable link on white.
  const linkColor = buttonText === '#ffffff' ? color : '#1f2328';
  const logo = branding.logoUrl && /^https:\/\//i.test(branding.logoUrl) && URL.canParse(branding.logoUrl) ? branding.logoUrl : null;

  const html: string[] = [];
  const text: string[] = [product];
  for (const block of blocks) {
    if (typeof block === 'string') {
      html.push(`<p style="margin:0 0 16px">${escapeHtml(block)}</p>`);
      text.push(block);
    } else if ('quote' in block) {
      html.push(
        `<p style="margin:0 0 8px">${escapeHtml(block.by)}</p>`,
        `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid ${color};background:#f6f8fa">${escapeHtml(block.quote).replace(/\n/g, '<br>')}</blockquote>`,
      );
      text.push(`${block.by}\n${block.quote.replace(/^/gm, '> ')}`);
    } else if ('list' in block) {
      html.push(`<ul style="margin:0 0 16px;padding-left:24px">${block.list.map((item) => `<li style="margin:0 0 4px">${escapeHtml(item)}</li>`).join('')}</ul>`);
      text.push(block.list.map((item) => `- ${item}`).join('\n'));
    } else if ('button' in block) {
      const href = escapeHtml(checkedLink(block.link));
      html.push(
        `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 24px;border-radius:6px;background:${color};color:${buttonText};text-decoration:none;font-weight:bold">${escapeHtml(block.button)}</a></p>`,
        `<p style="margin:0 0 16px;font-size:13px;color:#57606a">${escapeHtml(frame.buttonFallback)}<br><a href="${href}" style="color:${linkColor};word-break:break-all">${href}</a></p>`,
      );
      text.push(`${block.button}${frame.colon}\n${block.link}`);
    } else {
      html.push(`<p style="margin:16px 0 0;font-size:13px;color:#57606a">${escapeHtml(block.small)}</p>`);
      text.push(block.small);
    }
  }

  const header =
    (logo ? `<img src="${escapeHtml(logo)}" alt="" height="32" style="height:32px;border:0;vertical-align:middle;margin-right:12px">` : '') +
    `<span style="font-size:20px;font-weight:bold;vertical-align:middle">${escapeHtml(product)}</span>`;
  return {
    subject,
    html:
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
      `<body style="margin:0;padding:0;background:#f4f5f7"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:24px 12px">` +
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;${FONT};font-size:16px;line-height:1.5;color:#1f2328">` +
      `<tr><td style="padding:20px 32px;border-bottom:4px solid ${color}">${header}</td></tr>` +
      `<tr><td style="padding:32px">${html.join('')}</td></tr></table></td></tr></table></body></html>`,
    text: `${text.join('\n\n')}\n`,
  };
}
