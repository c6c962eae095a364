/**
 * One reading of a portal page: what kind of page it is and everything the extension
 * needs from it, as plain data (it travels to the background and into diagnostics).
 * It never throws: a reader that fails leaves its part empty and says why in `problems`.
 *
 * Only the portal speaks. The page may also show a message whose HTML imitates the
 * portal (docs/portal-contract.md, point 9), so its interface is believed only where the
 * portal's frame puts it (utils/portal/frame.ts):
 * - the account menu: the one at the frame's place; before any frame is learnt, the
 *   page's only one. Otherwise the page is `unsure` and nothing is read from it;
 * - the label: where the frame puts it, else the control that opens that menu;
 * - the chooser: the whole page only on the page the menu's « Changer de compte » link
 *   leads to; a panel only where the frame puts it, or on the account page;
 * - the account table: only on the page « Gérer votre compte Medimail » leads to;
 * - the inbox count: where the frame puts it, else the page's only candidate;
 * - every URL: on the page's own origin.
 */

import type { PortalPageReading, SelectorProfile } from '../protocol/shapes';
import { findAccountTable } from './account-table';
import { type Chooser, readChooser, readChooserIn } from './chooser';
import { findSendControls } from './compose';
import { contentRegion, elementAt, type PortalFrame, pathOf } from './frame';
import { findInboxLinks, inboxUnreadOf } from './inbox';
import { describeLabel, findLabel, type PortalLabel } from './label';
import { findLoginForm } from './login';
import { type AccountMenu, findAccountMenus, linkTarget } from './menu';
import { samePage } from './url';

/**
 * A reading's type is inferred from its schema (utils/protocol/shapes.ts, `pageReading`),
 * its one definition: a type-only import, so the content script's bundle gets no zod.
 */
export type { PortalPageReading };

export type ChooserEntryReading = NonNullable<PortalPageReading['chooser']>[number];

/** How the portal's interface was told from the rest of the page (see `pageReading`'s `trust`). */
export type InterfaceTrust = PortalPageReading['trust'];

/** Whether a reading's interface was told from look-alikes, so that what it says is believed. */
export function isBelieved(reading: Pick<PortalPageReading, 'trust'>): boolean {
  return reading.trust === 'frame' || reading.trust === 'single';
}

/** Which of the menu's pages this is: the chooser page, the account page, or neither. */
export type MenuPage = 'chooser' | 'account';

/** What a reader is told of a page besides its URL: the frame known, and how it was reached. */
export interface PageContext {
  /** The frame learnt on this portal, if any. */
  frame?: PortalFrame | null;
  /** The document was fetched from the menu's own link to this page (so it is that page). */
  reachedBy?: MenuPage;
}

export interface ReadOptions extends PageContext {
  /** Where this document is (links are kept on its origin only). */
  pageUrl: string;
}

function attempt<T>(problems: string[], what: string, read: () => T, empty: T): T {
  try {
    return read();
  } catch (error) {
    problems.push(`${what} : ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    return empty;
  }
}

/** The portal's interface on a page, as elements: what the reading is made of. */
export interface PortalInterface {
  trust: InterfaceTrust;
  menu: AccountMenu | null;
  label: PortalLabel | null;
  menuPage: MenuPage | null;
}

/** Finds the portal's account menu and label, told from look-alikes (see the module header). */
export function findPortalInterface(
  doc: Document,
  profile: SelectorProfile,
  options: ReadOptions,
  problems: string[] = [],
): PortalInterface {
  const { pageUrl, frame = null } = options;
  const menus = attempt(problems, 'menu du compte', () => findAccountMenus(doc, profile, pageUrl), []);
  let menu: AccountMenu | null;
  if (frame) {
    const framed = elementAt(doc, frame.switchEntry);
    menu = menus.find((candidate) => candidate.switchEntry === framed) ?? null;
    if (!menu && menus.length > 0) problems.push('aucun menu du compte à la place du cadre appris : rien n’est cru');
  } else {
    menu = menus.length === 1 ? (menus[0] as AccountMenu) : null;
    if (menus.length > 1) problems.push(`${menus.length} menus du compte et aucun cadre appris : rien n’est cru`);
  }
  const trust: InterfaceTrust = menu ? (frame ? 'frame' : 'single') : menus.length > 0 ? 'unsure' : 'none';
  if (!menu) return { trust, menu: null, label: null, menuPage: null };

  const label = attempt(
    problems,
    'étiquette',
    () => (frame?.label ? describeLabel(elementAt(doc, frame.label)) : null) ?? findLabel(doc, profile, menu),
    null,
  );
  const menuPage =
    options.reachedBy ??
    (samePage(menu.chooserUrl, pageUrl) ? 'chooser' : samePage(menu.manageUrl, pageUrl) ? 'account' : null);
  return { trust, menu, label, menuPage };
}

/** The portal's chooser on this page, as elements (to activate an entry), or null. */
export function findPortalChooser(doc: Document, profile: SelectorProfile, options: ReadOptions): Chooser | null {
  const found = findPortalInterface(doc, profile, options);
  return found.menu ? readPortalChooser(doc, profile, found, options) : null;
}

function readPortalChooser(
  doc: Document,
  profile: SelectorProfile,
  found: PortalInterface,
  options: ReadOptions,
): Chooser | null {
  const exclude = [found.menu?.container, found.label?.element].filter((e): e is Element => e !== undefined);
  const { pageUrl, frame } = options;
  if (found.menuPage === 'chooser') return readChooser(doc, profile, { pageUrl, wholePage: true, exclude });
  const panel = elementAt(doc, frame?.chooserPanel ?? null);
  if (panel) return readChooserIn(panel, profile, pageUrl, exclude);
  // The account page shows no mail: a chooser panel there is the portal's.
  if (found.menuPage === 'account') return readChooser(doc, profile, { pageUrl, exclude });
  return null;
}

/** The inbox entry among the page's candidates: at the frame's place, else the only one. */
function portalInboxLink(doc: Document, links: readonly Element[], frame: PortalFrame | null): Element | null {
  if (frame?.inboxLink) {
    const framed = elementAt(doc, frame.inboxLink);
    return links.find((link) => link === framed) ?? null;
  }
  return links.length === 1 ? (links[0] as Element) : null;
}

/**
 * The frame of one of the menu's own pages. A chooser panel counts only when it stands
 * outside the account page's content (see utils/portal/frame.ts).
 */
function frameOf(
  found: PortalInterface & { menu: AccountMenu },
  inboxLink: Element | null,
  chooser: Chooser | null,
  accountTable: Element | null,
): PortalFrame | null {
  const switchEntry = pathOf(found.menu.switchEntry);
  if (!switchEntry) return null;
  const parts = [found.menu.container, found.label?.element, inboxLink].filter((e): e is Element => e != null);
  const content = accountTable ? contentRegion(accountTable, parts) : null;
  const panelOutsideContent =
    found.menuPage === 'account' &&
    chooser !== null &&
    content !== null &&
    !content.contains(chooser.root) &&
    !chooser.root.contains(content);
  return {
    switchEntry,
    label: found.label ? pathOf(found.label.element) : null,
    inboxLink: inboxLink ? pathOf(inboxLink) : null,
    chooserPanel: panelOutsideContent && chooser ? pathOf(chooser.root) : null,
  };
}

export function readPortalPage(doc: Document, profile: SelectorProfile, options: ReadOptions): PortalPageReading {
  const problems: string[] = [];
  const frame = options.frame ?? null;
  const found = findPortalInterface(doc, profile, options, problems);
  const { menu, label } = found;
  const loginForm = attempt(problems, 'formulaire de connexion', () => findLoginForm(doc), null);
  const sendControls = attempt(problems, 'bouton Envoyer', () => findSendControls(doc, profile).length, 0);
  const inboxLinks = attempt(problems, 'boîte de réception', () => findInboxLinks(doc, profile), []);
  const inboxLink = menu ? portalInboxLink(doc, inboxLinks, frame) : null;

  const chooser = menu
    ? attempt(problems, 'sélecteur de compte', () => readPortalChooser(doc, profile, found, options), null)
    : null;
  const table =
    menu && found.menuPage === 'account'
      ? attempt(problems, 'tableau des comptes', () => findAccountTable(doc, profile), null)
      : null;
  if (chooser?.truncated) problems.push('sélecteur : trop de comptes, les suivants sont ignorés');
  if (table?.truncated) problems.push('tableau des comptes : trop de lignes, les suivantes sont ignorées');

  // A page without the menu but with a folder list is the webmail still (its header failed): nothing is believed.
  const kind = found.trust !== 'none' ? 'webmail' : loginForm ? 'login' : inboxLinks.length > 0 ? 'webmail' : 'unknown';
  if (isBelieved(found)) {
    if (!label) problems.push('étiquette de la boîte active introuvable');
  } else if (kind === 'unknown') problems.push('page non reconnue comme une page du webmail');
  else if (found.trust === 'none' && kind === 'webmail') problems.push('menu « Changer de compte » introuvable');

  const learnt =
    menu && found.menuPage
      ? attempt(
          problems,
          'cadre du portail',
          () => frameOf({ ...found, menu }, inboxLink, chooser, table?.table ?? null),
          null,
        )
      : null;

  return {
    kind,
    trust: found.trust,
    label: label ? { text: label.text, address: label.address } : null,
    chooserUrl: menu?.chooserUrl ?? null,
    manageUrl: menu?.manageUrl ?? null,
    chooser: chooser
      ? chooser.entries.map(({ address, name, unread, current }) => ({ address, name, unread, current }))
      : null,
    accountTable: table?.rows ?? null,
    inboxUnread: inboxLink ? inboxUnreadOf(inboxLink, profile) : null,
    inboxUrl: linkTarget(inboxLink, options.pageUrl),
    sendControls,
    frame: learnt,
    problems,
  };
}

/** Parses fetched portal HTML so that relative links resolve against where it came from. */
export function parsePortalHtml(html: string, url: string, parser: DOMParser = new DOMParser()): Document {
  const doc = parser.parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    (doc.head ?? doc.documentElement).prepend(base);
  }
  return doc;
}
