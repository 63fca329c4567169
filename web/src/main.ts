/**
 * The pages' entry: one page module per path. The build makes one module of them all (the
 * hosted pages are small), so a page needs one request for its code; its styles come with it.
 * Unknown paths go to sign-in. The console (/domains/…) is a build of its own, split per section
 * (web/build.ts), which the servers answer with console.html; should a server answer index.html
 * there instead, its shell is imported by the hashed URL index.html names in a meta element.
 */
import './styles.ts';

const PAGES: Record<string, { tag: string; load: () => Promise<unknown> }> = {
  '/sign-in': { tag: 'gh-sign-in', load: () => import('./pages/sign-in.ts') },
  '/accept-invitation': { tag: 'gh-accept-invitation', load: () => import('./pages/accept-invitation.ts') },
  '/verify-email': { tag: 'gh-verify-email', load: () => import('./pages/verify-email.ts') },
  '/set-password': { tag: 'gh-set-password', load: () => import('./pages/set-password.ts') },
  '/': { tag: 'gh-home', load: () => import('./pages/home.ts') },
  '/forgot-password': { tag: 'gh-forgot-password', load: () => import('./pages/forgot-password.ts') },
  '/reset-password': { tag: 'gh-reset-password', load: () => import('./pages/reset-password.ts') },
  '/account': { tag: 'gh-account', load: () => import('./pages/account.ts') },
};

// The console: /domains/{id}/{section} (web/src/console/shell.ts), by a URL esbuild leaves alone.
const consoleShell = document.querySelector<HTMLMetaElement>('meta[name="gatehouse-console"]')?.content;
const CONSOLE = { tag: 'gh-console', load: () => (consoleShell ? import(/* the console build's own module */ consoleShell) : Promise.reject(new Error('index.html names no console module'))) };
const page = PAGES[location.pathname] ?? (location.pathname.startsWith('/domains/') ? CONSOLE : PAGES['/sign-in']);
// A module (top-level await), with nothing to export.
export {};

if (page) {
  await page.load();
  const root = document.getElementById('app');
  // The console's shell mounts itself.
  if (!root?.querySelector(page.tag)) root?.replaceChildren(document.createElement(page.tag));
}
