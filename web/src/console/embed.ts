/**
 * The embeddable console: the module a customer's page loads with one script tag, at the pages'
 * stable address `/gatehouse-elements.js` (web/build.ts). It registers every console element of
 * SECTION_ELEMENTS (`<gatehouse-members>`, `<gatehouse-assets>`, …) lazily: an element's chunk
 * is fetched when its tag first appears in the document, so a page embedding the members list
 * loads the members code only.
 *
 * Elements inside a shadow root (a host framework's own components) are out of the document's
 * sight: call `define('gatehouse-members')` (or `defineAll()`) from the host instead.
 */
import { SECTION_ELEMENTS } from './sections.ts';

const ELEMENTS = new Map(Object.values(SECTION_ELEMENTS).map((element) => [element.tag, element]));
const loading = new Map<string, Promise<void>>();

/** The tags this module can define. */
export const tags: readonly string[] = [...ELEMENTS.keys()];

/** Loads and defines the element `tag` (once); resolves when it is defined. */
export function define(tag: string): Promise<void> {
  const element = ELEMENTS.get(tag);
  if (!element) return Promise.reject(new Error(`No Gatehouse element is called <${tag}>; there are ${tags.join(', ')}`));
  let loaded = loading.get(tag);
  if (!loaded) {
    loaded = element.load().then(() => undefined);
    loading.set(tag, loaded);
  }
  return loaded;
}

/** Loads and defines every element. */
export function defineAll(): Promise<void> {
  return Promise.all(tags.map(define)).then(() => undefined);
}

/** Defines the elements whose tags are in the document and not loading yet; answers whether any remain to watch for. */
function defineFound(): boolean {
  const waiting = tags.filter((tag) => !loading.has(tag));
  for (const tag of waiting) if (document.querySelector(tag)) void define(tag);
  return tags.some((tag) => !loading.has(tag));
}

if (defineFound()) {
  const observer = new MutationObserver(() => {
    if (!defineFound()) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
