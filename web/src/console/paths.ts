/** The console's addresses: `/domains/{domainId}/{section}[/{item}]` (pure: no DOM). */
import type { ConsoleSection } from '#shared/mail/messages/catalog.ts';
import type { Permission } from '#shared/permissions.ts';

export type Section = ConsoleSection;

/**
 * The console's sections, in the order its navigation shows them, each with the permission
 * that offers it (the API checks again). A section is shown once its element is registered in
 * web/src/console/sections.ts.
 */
export const SECTIONS = [
  { section: 'members', permission: 'members:view' },
  { section: 'invite', permission: 'invitations:create' },
  { section: 'invitations', permission: 'invitations:view' },
  { section: 'links', permission: 'invitations:view' },
  { section: 'roles', permission: 'roles:view' },
  { section: 'settings', permission: 'settings:update' },
  { section: 'access-review', permission: 'members:view' },
  { section: 'history', permission: 'history:view' },
  { section: 'assets', permission: 'assets:view' },
  { section: 'locations', permission: 'locations:view' },
] as const satisfies readonly { section: Section; permission: Permission }[];

const NAMES: readonly string[] = SECTIONS.map((s) => s.section);

export interface ConsolePath {
  domainId: string;
  section: Section;
  /** The item inside the section (a member's id in `/members/{userId}`), if any. */
  item?: string;
}

/** The domain, section and item of a console path (`/domains/{id}` alone is its members), if it is one. */
export function consolePath(pathname: string): ConsolePath | undefined {
  const match = /^\/domains\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(pathname);
  const section = match?.[2] ?? 'members';
  if (!match?.[1] || !NAMES.includes(section)) return undefined;
  try {
    const where: ConsolePath = { domainId: decodeURIComponent(match[1]), section: section as Section };
    if (match[3]) where.item = decodeURIComponent(match[3]);
    return where;
  } catch {
    // A malformed escape (%E0%A4%A) is no domain of anyone's.
    return undefined;
  }
}

/** The path of a section (and item) of a domain. */
export function sectionPath(domainId: string, section: Section, item?: string): string {
  return `/domains/${encodeURIComponent(domainId)}/${section}${item ? `/${encodeURIComponent(item)}` : ''}`;
}

/** Whether `permissions` (from GET /me) hold `permission`. */
export function holds(permissions: readonly string[] | undefined, permission: Permission): boolean {
  return !!permissions && (permissions.includes('*') || permissions.includes(permission));
}
