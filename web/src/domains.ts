/** The person's domains with the role's name in each (or pending), the landing's and /account's list. */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';

export interface Membership {
  domainId: string;
  domainName: string;
  role: string | null;
  /** The role's display name (GET /me); null while pending. */
  roleName?: string | null;
  status: string;
}

/** The list, `first` (a domain id, from `?domain=`) at its top. */
export function domainList(s: Messages['pages'], memberships: readonly Membership[], first?: string | null): TemplateResult {
  if (memberships.length === 0) return html`<p>${s.home.none}</p>`;
  const sorted = [...memberships].sort((a, b) => Number(b.domainId === first) - Number(a.domainId === first));
  return html`<ul class="domains">
    ${sorted.map((m) => {
      const role = m.roleName ?? m.role;
      return html`<li data-domain=${m.domainId}>${m.status === 'pending' || !role ? s.home.pending(m.domainName) : s.home.roleIn({ domain: m.domainName, role })}</li>`;
    })}
  </ul>`;
}
