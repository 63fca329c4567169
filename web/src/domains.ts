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
  /** The caller's permissions in the domain (GET /me); the console is offered where they may view members. */
  permissions?: string[];
  /** The domain's brand colour (GET /me): the console themes itself with it. */
  primaryColor?: string;
}

/** The list, `first` (a domain id, from `?domain=`) at its top. */
export function domainList(s: Messages['pages'], memberships: readonly Membership[], first?: string | null): TemplateResult {
  if (memberships.length === 0) return html`<p>${s.home.none}</p>`;
  const sorted = [...memberships].sort((a, b) => Number(b.domainId === first) - Number(a.domainId === first));
  return html`<ul class="domains">
    ${sorted.map((m) => {
      const role = m.roleName ?? m.role;
      if (m.status === 'pending' || !role) return html`<li data-domain=${m.domainId}>${s.home.pending(m.domainName)}</li>`;
      const text = s.home.roleIn({ domain: m.domainName, role });
      // The console where the role may see the members: the API checks again.
      return html`<li data-domain=${m.domainId}>${m.status === 'active' && m.permissions?.includes('members:view') ? html`<a href="/domains/${encodeURIComponent(m.domainId)}/members">${text}</a>` : text}</li>`;
    })}
  </ul>`;
}
