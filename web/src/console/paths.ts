/** The console's addresses: `/domains/{domainId}/{section}` (pure: no DOM). */

/** The console's sections, in the order its navigation shows them. */
export const SECTIONS = ['members'] as const;
export type Section = (typeof SECTIONS)[number];

/** The domain and section of a console path (`/domains/{id}` alone is its members), if it is one. */
export function consolePath(pathname: string): { domainId: string; section: Section } | undefined {
  const match = /^\/domains\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  const section = (match?.[2] ?? 'members') as Section;
  if (!match?.[1] || !SECTIONS.includes(section)) return undefined;
  try {
    return { domainId: decodeURIComponent(match[1]), section };
  } catch {
    // A malformed escape (%E0%A4%A) is no domain of anyone's.
    return undefined;
  }
}
