/** The pool's password rules (shared/password-policy.ts), each with whether a typed password meets it: checked as the person types. */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import { PASSWORD_POLICY, PASSWORD_SYMBOL } from '#shared/password-policy.ts';

export function passwordRules(s: Messages['pages'], p: string): { text: string; met: boolean }[] {
  const a = s.accept;
  const rules = [{ text: a.ruleLength(PASSWORD_POLICY.minLength), met: p.length >= PASSWORD_POLICY.minLength }];
  if (PASSWORD_POLICY.requireLowercase) rules.push({ text: a.ruleLower, met: /[a-z]/.test(p) });
  if (PASSWORD_POLICY.requireUppercase) rules.push({ text: a.ruleUpper, met: /[A-Z]/.test(p) });
  if (PASSWORD_POLICY.requireDigits) rules.push({ text: a.ruleDigit, met: /[0-9]/.test(p) });
  if (PASSWORD_POLICY.requireSymbols) rules.push({ text: a.ruleSymbol, met: PASSWORD_SYMBOL.test(p) });
  return rules;
}

/** The rules as a list (`id="rules"`, for the password input's aria-describedby). */
export function rulesList(s: Messages['pages'], p: string): TemplateResult {
  return html`<div id="rules"><p class="muted">${s.accept.rules}</p>
    <ul class="rules">${passwordRules(s, p).map((rule) => html`<li class=${rule.met ? 'met' : ''}>${rule.text}</li>`)}</ul></div>`;
}
