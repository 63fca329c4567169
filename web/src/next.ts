/**
 * Where to go after signing in: `?next=` when it is a path of this origin, else the landing.
 * Never an open redirect: an absolute URL, a scheme-relative `//host` or `/\host`, or anything
 * that resolves to another origin goes to `/`. Pure (no DOM), for the unit tests.
 */
export function safeNext(raw: string | null, origin: string): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  try {
    const url = new URL(raw, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
