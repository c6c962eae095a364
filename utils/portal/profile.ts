/**
 * The selector profile: the texts the contract promises and optional CSS hints for a
 * deployment that needs them. Readers always fall back on texts and roles, so the
 * built-in default works on any rendering of the contract; hints are only tried first.
 * The profile is plain data: the background validates overrides (settings, policy)
 * with zod before any reader sees them (see utils/protocol/shapes.ts).
 */
export interface SelectorProfile {
  version: 1;
  texts: {
    /** Menu entry leading to the account chooser. */
    switchAccount: string[];
    /** Menu entry leading to « Gestion de votre compte Medimail ». */
    manageAccount: string[];
    logout: string[];
    inbox: string[];
    send: string[];
    /** Header cells of the « Gestion des comptes de connexion » table. */
    defaultColumn: string[];
    noticeColumn: string[];
    /** The label of the default-account checkbox. */
    defaultCheckbox: string[];
    /** Texts by which the portal says a chooser entry is the active one. */
    activeMarker: string[];
  };
  /** CSS selectors tried before the texts; each list may be empty. */
  hints: {
    label: string[];
    chooserEntry: string[];
    inboxLink: string[];
    composeForm: string[];
  };
}

/**
 * Built-in default. Texts come from the portal's user guide (PORTAL-CONTRACT.md);
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
  },
};

/**
 * The one element a hint names: the first selector that matches exactly one element.
 * A selector matching several (a message body can carry any class or id) names none.
 */
export function queryUniqueHint(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = queryAll(root, selector);
    if (found.length === 1) return found[0] as Element;
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
