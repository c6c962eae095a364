/**
 * The selector profile: the texts the contract promises and optional CSS hints for a
 * deployment that needs them. Readers always fall back on texts and roles, so the
 * built-in default works on any rendering of the contract; hints are only tried first.
 * The profile is plain data: the background validates overrides (settings, policy)
 * with zod before any reader sees them. Its type is inferred from that schema
 * (utils/protocol/shapes.ts, `selectorProfile`), its one definition, and imported here
 * as a type only: no schema code reaches the content script's bundle.
 */
import type { SelectorProfile } from '@/utils/protocol/shapes';

export type { SelectorProfile };

/**
 * Built-in default. Texts come from the portal's user guide (docs/portal-contract.md, point 10);
 * no hint is needed by either simulator rendering, and none is assumed of production.
 */
export const DEFAULT_PROFILE: SelectorProfile = {
  version: 1,
  texts: {
    switchAccount: ['Changer de compte'],
    manageAccount: ['Gérer votre compte Medimail'],
    logout: ['Déconnexion', 'Se déconnecter', 'Déconnecter'],
    inbox: ['Boîte de réception'],
    send: ['Envoyer'],
    defaultColumn: ['Compte par défaut'],
    noticeColumn: ['Notif de réception vers compte de connexion'],
    defaultCheckbox: ['Définir comme compte par défaut'],
    activeMarker: ['compte actif', 'actif', 'active', 'en cours'],
  },
  hints: {
    label: [],
    chooserEntry: [],
    inboxLink: [],
    composeForm: [],
    header: [],
    messageRegion: [],
  },
};

/**
 * The one element a hint names: the first selector that matches anything decides, and
 * names that element when it matches exactly one. A selector matching several (a
 * message body can carry any class or id) names none, and never falls through to a
 * later selector, which could be one a message satisfies alone.
 */
export function queryUniqueHint(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = queryAll(root, selector);
    if (found.length > 0) return found.length === 1 ? (found[0] as Element) : null;
  }
  return null;
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    // A bad selector in an override must not break the page; the texts still apply.
    return [];
  }
}

/** Every element the first matching selector names (inside a root already told to be the portal's). */
export function queryHintAll(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = queryAll(root, selector);
    if (found.length) return found;
  }
  return [];
}
