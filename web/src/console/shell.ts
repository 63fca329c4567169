/**
 * The hosted console's entry (/domains/{id}/…): console.html loads it instead of the pages'
 * module (web/build.ts), so a console page loads the console build only: the stylesheet, the
 * shell (web/src/pages/console.ts) and the section's chunk. Where a server answers index.html
 * for a console path, web/src/main.ts imports this module by the URL index.html names.
 */
import '../styles.ts';
import '../pages/console.ts';

const root = document.getElementById('app');
if (root && !root.querySelector('gh-console')) root.replaceChildren(document.createElement('gh-console'));
