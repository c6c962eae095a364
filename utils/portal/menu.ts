/**
 * The label's menu: the entries « Changer de compte », « Gérer votre compte Medimail »
 * and the logout entry, found by their texts among the page's actionable elements
 * (links, buttons, menu items), whether the menu is shown or not yet. A message body
 * can hold look-alikes, so the page's candidates are all returned and the caller
 * decides which one, if any, is the portal's (utils/portal/page.ts, by the frame).
 */
import { rootOf } from './document-parts';
import { portalBase, sameOriginUrl } from './links';
import type { SelectorProfile } from './profile';
import { isEntryText, shownText } from './text';

/** What a person can activate: links, buttons, menu items and their look-alikes. */
export const ACTIONABLE =
  'a[href], button, input[type=submit], input[type=button], [role=menuitem], [role=button], [role=link], [onclick]';

/** Past this many actionable elements with a menu text, the page is not read as the portal's. */
const MAX_MENU_CANDIDATES = 50;

export interface AccountMenu {
  switchEntry: Element;
  manageEntry: Element | null;
  logoutEntry: Element | null;
  /** The smallest element holding the entries found. */
  container: Element;
  /** Where « Changer de compte » leads when it is a link on the page's origin (the chooser page), else null. */
  chooserUrl: string | null;
  /** Where « Gérer votre compte Medimail » leads, when it is a link on the page's origin. */
  manageUrl: string | null;
}

/**
 * The URL a link leads to, on the origin of `pageUrl` (the page it was read from), or
 * null for script links, in-page anchors and anything elsewhere. Resolved against the
 * portal's own base, never against a <base> a message may carry.
 */
export function linkTarget(element: Element | null, pageUrl: string): string | null {
  if (!element) return null;
  const link = element.closest('a[href]');
  const href = link?.getAttribute('href')?.trim();
  if (!link || !href || href.startsWith('#')) return null;
  return sameOriginUrl(href, pageUrl, portalBase(element.ownerDocument, pageUrl));
}

/**
 * A clickable table cell is how message lists show a subject or a sender (the
 * production portal's `td.middle[onclick]`); a menu entry is a link, a button or a menu
 * item, even in a header laid out with a table.
 */
const TABLE_CELL = 'td, th, [role=cell], [role=gridcell]';

/** Actionable elements and the text each shows: read once, matched against several texts. */
export type ShownEntries = readonly { element: Element; text: string }[];

/** The page's elements matching `selector` but clickable cells, each with its shown text. */
export function shownEntries(doc: Document, selector: string = ACTIONABLE): ShownEntries {
  return [...doc.querySelectorAll(selector)]
    .filter((el) => !el.matches(TABLE_CELL))
    .map((element) => ({ element, text: shownText(element) }));
}

/**
 * Innermost entries whose text is one of `texts` (see isEntryText): a menu item holding a
 * link is one entry, a subject cell is none.
 */
export function entriesWithText(entries: ShownEntries, texts: readonly string[]): Element[] {
  const matches = entries.filter(({ text }) => isEntryText(text, texts)).map(({ element }) => element);
  return matches.filter((el) => !matches.some((other) => other !== el && el.contains(other)));
}

function depth(element: Element): number {
  let levels = 0;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) levels += 1;
  return levels;
}

function commonAncestor(a: Element, b: Element): Element {
  let ancestor: Element | null = a;
  while (ancestor && !ancestor.contains(b)) ancestor = ancestor.parentElement;
  return ancestor ?? (rootOf(a.ownerDocument) as Element);
}

/** The menu that `switchEntry` belongs to: the nearest « Gérer… » and logout entries around it. */
function menuAround(
  switchEntry: Element,
  manages: readonly Element[],
  logouts: readonly Element[],
  pageUrl: string,
): AccountMenu {
  // The « Gérer votre compte Medimail » sharing the smallest ancestor with this entry: its menu.
  let manageEntry: Element | null = null;
  let container: Element = switchEntry.parentElement ?? switchEntry;
  let containerDepth = -1;
  for (const candidate of manages) {
    const shared = commonAncestor(switchEntry, candidate);
    const sharedDepth = depth(shared);
    if (sharedDepth > containerDepth) {
      manageEntry = candidate;
      container = shared;
      containerDepth = sharedDepth;
    }
  }
  const logoutEntry = logouts.find((el) => container.contains(el)) ?? null;
  return {
    switchEntry,
    manageEntry,
    logoutEntry,
    container,
    chooserUrl: linkTarget(switchEntry, pageUrl),
    manageUrl: linkTarget(manageEntry, pageUrl),
  };
}

/** Every account menu the page seems to hold, one per « Changer de compte » entry, in document order. */
export function findAccountMenus(doc: Document, profile: SelectorProfile, pageUrl: string): AccountMenu[] {
  const entries = shownEntries(doc);
  const switches = entriesWithText(entries, profile.texts.switchAccount).slice(0, MAX_MENU_CANDIDATES);
  if (switches.length === 0) return [];
  const manages = entriesWithText(entries, profile.texts.manageAccount).slice(0, MAX_MENU_CANDIDATES);
  const logouts = entriesWithText(entries, profile.texts.logout).slice(0, MAX_MENU_CANDIDATES);
  return switches.map((entry) => menuAround(entry, manages, logouts, pageUrl));
}
