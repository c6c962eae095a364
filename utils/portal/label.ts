/**
 * The blue label (« l'étiquette bleue »): the control at the top of every webmail page
 * that shows the active mailbox (a person's name, a service's name or address) and
 * opens the menu holding « Changer de compte ». It is found as the control that sits
 * with that menu, not by any class or id; a profile hint may name it directly when its
 * first matching selector names one element only (a message could carry the same class
 * or id): then the hint decides, and names nothing when it names several.
 */
import type { AccountMenu } from './menu';
import { queryUniqueHint, type SelectorProfile } from './profile';
import { addressesIn, boundedName, shownText, startsWithAny } from './text';

export interface PortalLabel {
  element: Element;
  /** What the label shows, white space folded. */
  text: string;
  /** The address it shows, lower-case, when it shows one. */
  address: string | null;
}

/** Controls that can open a menu. */
const OPENERS = 'a, button, [role=button], [aria-haspopup], [aria-expanded], [aria-controls], [onclick], [tabindex]';

/** How far up from the menu the label is looked for (the menu and its opener are close kin). */
const MAX_LEVELS = 4;

function menuTexts(profile: SelectorProfile): string[] {
  const { switchAccount, manageAccount, logout } = profile.texts;
  return [...switchAccount, ...manageAccount, ...logout];
}

/** The label that `element` is, or null when it shows nothing. */
export function describeLabel(element: Element | null): PortalLabel | null {
  if (!element) return null;
  const text = shownText(element);
  if (!text) return null;
  const extra = `${element.getAttribute('title') ?? ''} ${element.getAttribute('aria-label') ?? ''}`;
  return { element, text: boundedName(text), address: addressesIn(text)[0] ?? addressesIn(extra)[0] ?? null };
}

function opensMenu(opener: Element, menu: Element): boolean {
  const ids = (opener.getAttribute('aria-controls') ?? '').split(/\s+/).filter(Boolean);
  return ids.some((id) => {
    const target = opener.ownerDocument.getElementById(id);
    return target !== null && (target === menu || target.contains(menu) || menu.contains(target));
  });
}

/**
 * The label that opens `menu` (the portal's menu, already told from look-alikes), or the
 * one element a hint names; never an element for which `isPortal` says no (inside a
 * region that shows messages).
 */
export function findLabel(
  doc: Document,
  profile: SelectorProfile,
  menu: AccountMenu,
  isPortal: (element: Element) => boolean = () => true,
): PortalLabel | null {
  if (profile.hints.label.length > 0) {
    const hinted = queryUniqueHint(doc, profile.hints.label);
    return hinted && isPortal(hinted) ? describeLabel(hinted) : null;
  }
  const entries = [menu.switchEntry, menu.manageEntry, menu.logoutEntry].filter((e): e is Element => e !== null);
  const texts = menuTexts(profile);
  let level: Element | null = menu.container;
  for (let depth = 0; level && depth <= MAX_LEVELS; depth += 1, level = level.parentElement) {
    const scope: Element = level;
    const candidates = [...scope.querySelectorAll(OPENERS)].filter(
      (el) =>
        !entries.some((entry) => entry.contains(el) || el.contains(entry)) &&
        !menu.container.contains(el) &&
        !el.contains(menu.container) &&
        isPortal(el) &&
        shownText(el) !== '' &&
        !startsWithAny(shownText(el), texts),
    );
    if (candidates.length === 0) continue;
    const opener =
      candidates.find((el) => opensMenu(el, menu.container)) ??
      candidates.find((el) => el.hasAttribute('aria-haspopup') || el.hasAttribute('aria-expanded')) ??
      // Else the nearest control before the menu in document order (the label precedes its menu).
      [...candidates].reverse().find((el) => el.compareDocumentPosition(menu.container) & 4 /* FOLLOWING */) ??
      candidates[0];
    return opener ? describeLabel(opener) : null;
  }
  return null;
}
