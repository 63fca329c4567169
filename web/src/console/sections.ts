/**
 * The console's sections as custom elements: the tag of each and the module that defines it,
 * loaded when the section is first shown (each is its own chunk). Add a section here and in
 * SECTIONS (web/src/console/paths.ts); the hosted console and the embeddable module both read this.
 *
 * Every element takes `domain-id`, `api-url` and a token provider (web/src/console/element.ts).
 * Inside the hosted console it also gets `item` (the rest of the path: a member's id) and
 * `permissions` (the caller's, from GET /me) so that it offers only what the role allows.
 */
import type { Section } from './paths.ts';

export interface SectionElement {
  tag: string;
  load: () => Promise<unknown>;
}

export const SECTION_ELEMENTS: Partial<Record<Section, SectionElement>> = {
  // roles, settings, access review, history
  roles: { tag: 'gatehouse-roles', load: () => import('./roles.ts') },
  settings: { tag: 'gatehouse-settings', load: () => import('./settings.ts') },
  'access-review': { tag: 'gatehouse-access-review', load: () => import('./access-review.ts') },
  history: { tag: 'gatehouse-history', load: () => import('./history.ts') },
  members: { tag: 'gatehouse-members', load: () => import('./members.ts') },
  invite: { tag: 'gatehouse-invite', load: () => import('./invite.ts') },
  invitations: { tag: 'gatehouse-invitations', load: () => import('./invitations.ts') },
  links: { tag: 'gatehouse-links', load: () => import('./links.ts') },
  // Trackinno's assets and locations.
  assets: { tag: 'gatehouse-assets', load: () => import('./assets.ts') },
  locations: { tag: 'gatehouse-locations', load: () => import('./locations.ts') },
};
