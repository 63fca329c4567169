/**
 * The words and sample values of the OpenAPI document that are not behaviour: area tags,
 * parameter descriptions, and the values examples are made of. They live here, beside the
 * generator, rather than in the route definitions, so no function's bundle carries them;
 * test/unit/openapi.test.ts fails when a route's tag, a parameter's description or an
 * example that validates against its schema is missing.
 */
import type { RouteDefinition } from '#shared/http/route.ts';

export const TAGS = [
  { name: 'account', description: 'The signed-in person: profile, memberships, signing out everywhere, and resetting a forgotten password.' },
  { name: 'domains', description: 'Domains (a team, site or customer account) and their settings, billing contact and branding.' },
  { name: 'members', description: 'Who belongs to a domain, with which role and status; adding a member by hand.' },
  { name: 'roles', description: 'Built-in roles of the preset and custom roles made of permissions.' },
  { name: 'invitations', description: 'Email invitations, shareable registration links, and accepting either (the pages emails link to call these).' },
  { name: 'history', description: 'The audit trail of a domain, newest first.' },
  { name: 'access review', description: 'The periodic review of who has access, with sign-off.' },
  { name: 'locations', description: 'Places where assets are kept (Trackinno preset).' },
  { name: 'assets', description: 'Assets, checking them out and in, and reservations (Trackinno preset).' },
  { name: 'system', description: 'Health and this document.' },
] as const;

export type Tag = (typeof TAGS)[number]['name'];

/** The area a route belongs to, from its path: one rule per area, so a new route is tagged without being listed. */
export function tagOf(route: Pick<RouteDefinition, 'path'>): Tag {
  const path = route.path;
  if (path === '/health' || path === '/openapi.json' || path.startsWith('/docs')) return 'system';
  if (path.startsWith('/me') || path.startsWith('/password-resets')) return 'account';
  if (/^\/(invitations|email-verifications)\//.test(path)) return 'invitations';
  const area = /^\/domains\/\{domainId\}\/([a-z-]+)/.exec(path)?.[1];
  if (area === undefined) return 'domains';
  if (path.endsWith('/assets') && area === 'members') return 'assets';
  const byArea: Record<string, Tag> = {
    settings: 'domains',
    members: 'members',
    roles: 'roles',
    invitations: 'invitations',
    'invite-links': 'invitations',
    history: 'history',
    'access-review': 'access review',
    locations: 'locations',
    assets: 'assets',
  };
  const tag = byArea[area];
  if (tag === undefined) throw new Error(`No tag for ${path}: add its area to tagOf in shared/http/openapi-docs.ts`);
  return tag;
}

/** What each path and query parameter is, by name; `<routeId>.<name>` where one name means different things. */
export const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  domainId: 'The domain, as listed by GET /domains or GET /me.',
  userId: 'The member: their user id (the `sub` of their ID token).',
  roleId: 'The role: a built-in role id such as `admin`, or a custom role id.',
  invitationId: 'The invitation or registration link, as listed by GET /domains/{domainId}/invitations.',
  locationId: 'The location.',
  assetId: 'The asset.',
  token: 'The secret token of the emailed or shared link, exactly as in its `?token=`.',
  limit: 'How many items per page, from 1 to 100.',
  cursor: 'Where to go on: the `nextCursor` of the previous page, unchanged. Absent for the first page.',
  q: 'Search: keeps items whose name or email contains this text, in any case.',
  'listMembers.role': 'Keeps members with this role id.',
  'listMembers.status': 'Keeps members with this status.',
  'listAssets.q': 'Search: keeps assets whose name or tag contains this text, in any case.',
  'listAssets.locationId': 'Keeps assets kept at this location.',
  'listAssets.holderId': 'Keeps assets checked out to this user.',
  'listAssets.status': 'Keeps assets in this state.',
  'listInvitations.kind': '`email` for invitations sent to an address, `link` for registration links.',
  'listInvitations.status': '`pending` for those that can still be used, `expired` for those past their validity.',
  'listInvitations.email': 'Keeps the invitation sent to this address.',
  'listHistory.actor': 'Keeps events made by this user id, or by a scheduled job such as `system:sweeps`.',
  'listHistory.target': 'Keeps events about this member, role, invitation or asset id.',
  'listHistory.action': 'Keeps events of this action, such as `member.role_changed`.',
  'listHistory.from': 'Keeps events at or after this moment (ISO 8601).',
  'listHistory.to': 'Keeps events before this moment (ISO 8601).',
  'deleteMember.force': '`true` removes a member who still holds assets: the assets stay listed against their name.',
  'getAccessReview.format': '`csv` downloads the review as a spreadsheet instead of JSON (or send `Accept: text/csv`).',
};

/** The description of a parameter of a route, or undefined when none is written. */
export function parameterDescription(routeId: string, name: string): string | undefined {
  return PARAMETER_DESCRIPTIONS[`${routeId}.${name}`] ?? PARAMETER_DESCRIPTIONS[name];
}

/**
 * Sample values by property name, from which the generator builds every request and
 * response example (one fictional domain: Acme Tools, its admin Ada and her colleague Grace).
 * A property not named here gets a value from its schema (first enum value, minimum, ...).
 */
export const SAMPLE_VALUES: Record<string, unknown> = {
  id: '7d0f3c1e-5b2a-4c8e-9f61-2a4b6c8d0e1f',
  userId: '5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b',
  domainId: 'b3a1c2d4-e5f6-4718-9a0b-1c2d3e4f5a6b',
  assetId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  locationId: 'c4d5e6f7-0819-4a2b-8c3d-4e5f60718293',
  invitationId: 'e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7',
  holderId: '5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b',
  invitedBy: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4',
  by: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4',
  actor: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4',
  target: '5f2c9b7a-1d3e-4f60-8a9b-0c1d2e3f4a5b',
  email: 'grace@acme.example',
  contactEmail: 'billing@acme.example',
  name: 'Grace Hopper',
  domainName: 'Acme Tools',
  productName: 'Acme Tools',
  holderName: 'Grace Hopper',
  role: 'member',
  roleId: 'member',
  password: 'Correct-horse-42!',
  language: 'en',
  defaultLanguage: 'en',
  tag: 'DRILL-0042',
  description: 'Cordless drills and their chargers',
  note: 'Quarterly review: removed two leavers.',
  message: 'Welcome to the team: this gives you the tool register.',
  plan: 'business',
  logoUrl: 'https://acme.example/logo.png',
  primaryColor: '#1f6feb',
  token: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6',
  url: 'https://app.acme.example/accept-invitation?token=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6',
  nextCursor: 'eyJwayI6IkRPTUFJTiMxIn0',
  cursor: 'eyJwayI6IkRPTUFJTiMxIn0',
  action: 'member.role_changed',
  reason: 'must be an email address',
  permissions: ['members:view', 'assets:view'],
  allowedEmailDomains: ['acme.example'],
  emails: ['grace@acme.example', 'alan@acme.example'],
  from: '2026-03-02T08:00:00Z',
  to: '2026-03-02T17:00:00Z',
};

/** The sample moment: every `format: date-time` field of an example. */
export const SAMPLE_TIME = '2026-03-01T09:30:00Z';

/** A `text/csv` upload of POST /domains/{domainId}/invitations, as the example of that media type. */
export const SAMPLE_INVITATION_CSV = 'email,role,language\ngrace@acme.example,member,en\nalan@acme.example,viewer,fi\n';
