/**
 * The label's menu: the entries « Changer de compte », « Gérer votre compte Medimail »
 * and the logout entry, found by their texts among the page's actionable elements
 * (links, buttons, menu items), whether the menu is shown or not yet.
 */
import type { SelectorProfile } from './profile';
import { shownText, startsWithAny } from './text';

/** What a person can activate: links, buttons, menu items and their look-alikes. */
export const ACTIONABLE =
  'a[href], button, input[type=submit], input[type=button], [role=menuitem], [role=button], [role=link], [onclick]';

export interface AccountMenu {
  switchEntry: Element;
  manageEntry: Element | null;
  logoutEntry: Element | null;
  /** The smallest element holding the entries found. */
  container: Element;
  /** Where « Changer de compte » leads when it is a link (the chooser page), else null (a panel). */
  chooserUrl: string | null;
  /** Where « Gérer votre compte Medimail » leads, when it is a link. */
  manageUrl: string | null;
}

/** The URL a link leads to, or null for script links and in-page anchors. */
export function linkTarget(element: Element | null): string | null {
  if (!element) return null;
  const link = element.closest('a[href]');
  const href = link?.getAttribute('href')?.trim();
  if (!link || !href || href.startsWith('#') || /^javascript:/i.test(href)) return null;
  try {
    return new URL(href, element.ownerDocument.baseURI).toString();
  } catch {
    return null;
  }
}

function entriesWithText(doc: Document, texts: readonly string[]): Element[] {
  const matches = [...doc.querySelectorAll(ACTIONABLE)].filter((el) => startsWithAny(shownText(el), texts));
  // Innermost only: a menu item holding a link is one entry.
  return matches.filter((el) => !matches.some((other) => other !== el && el.contains(other)));
}

function commonAncestor(a: Element, b: Element): Element {
  let ancestor: Element | null = a;
  while (ancestor && !ancestor.contains(b)) ancestor = ancestor.parentElement;
  return ancestor ?? a.ownerDocument.documentElement;
}

export function findAccountMenu(doc: Document, profile: SelectorProfile): AccountMenu | null {
  const switches = entriesWithText(doc, profile.texts.switchAccount);
  if (switches.length === 0) return null;
  const manages = entriesWithText(doc, profile.texts.manageAccount);
  // Prefer the « Changer de compte » that sits with « Gérer votre compte Medimail »: the menu.
  let best: { switchEntry: Element; manageEntry: Element | null; container: Element } | null = null;
  for (const switchEntry of switches) {
    for (const manageEntry of manages) {
      const container = commonAncestor(switchEntry, manageEntry);
      if (!best || (best.container.contains(container) && best.container !== container)) {
        best = { switchEntry, manageEntry, container };
      }
    }
  }
  const first = switches[0] as Element;
  const chosen = best ?? { switchEntry: first, manageEntry: null, container: first.parentElement ?? first };
  const logoutEntry =
    entriesWithText(doc, profile.texts.logout).find((el) => chosen.container.contains(el)) ??
    entriesWithText(doc, profile.texts.logout)[0] ??
    null;
  return {
    ...chosen,
    logoutEntry,
    chooserUrl: linkTarget(chosen.switchEntry),
    manageUrl: linkTarget(chosen.manageEntry),
  };
}
