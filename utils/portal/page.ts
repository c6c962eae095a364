/**
 * One reading of a portal page: what kind of page it is and everything the extension
 * needs from it, as plain data (it travels to the background and into diagnostics).
 * It never throws: a reader that fails leaves its part empty and says why in `problems`.
 *
 * Only the portal speaks. The page may also show a message whose HTML imitates the
 * portal (docs/portal-contract.md, point 9), so its interface is believed only where the
 * portal's frame puts it (utils/portal/frame.ts):
 * - nothing before the frame: until one is learnt for this portal, no menu, label,
 *   chooser, table or count is believed, a lone menu included (`unlearnt`);
 * - the account menu: the one the frame places, alone; otherwise the page is `unsure`;
 * - the label, the inbox count and a chooser panel: where the frame puts them beside
 *   that menu, else (the label) the control that opens that menu, outside the regions
 *   where the page shows messages; a part the frame has no place for believes nothing;
 * - the chooser page and the account page (the menu's own pages, where no mail is shown):
 *   the page a believed menu's link leads to, or the page reached by such a link, or,
 *   before any frame, a page whose one menu links to the page itself (`menuPage`). There
 *   the page's chooser is read; its account table and the frame it shows are read where
 *   the background reads the menu's pages (utils/portal/menu-pages.ts);
 * - profile hints pin what the portal varies beyond the readers (`header`: the element
 *   holding the menu; `messageRegion`: where messages are shown, never believed);
 * - every URL: on the page's own origin.
 */

import type { PortalPageReading, SelectorProfile } from '@/utils/protocol/shapes';
import { type Chooser, readChooser, readChooserIn } from './chooser';
import { findSendControls } from './compose';
import { headOf, rootOf } from './document-parts';
import type { PortalFrame } from './frame';
import { findInboxLinks, inboxUnreadOf } from './inbox';
import { describeLabel, findLabel, type PortalLabel } from './label';
import { samePage } from './links';
import { type LocatedFrame, locateFrame } from './locate-frame';
import { findLoginForm } from './login';
import { type AccountMenu, findAccountMenus, linkTarget } from './menu';
import { queryHintAll } from './profile';

/**
 * A reading's type is inferred from its schema (utils/protocol/shapes.ts, `pageReading`),
 * its one definition: a type-only import, so the content script's bundle gets no zod.
 */
export type { PortalPageReading };

/** How the portal's interface was told from the rest of the page (see `pageReading`'s `trust`). */
type InterfaceTrust = PortalPageReading['trust'];

/** Whether a reading's interface was told from look-alikes, so that what it says is believed. */
export function isBelieved(reading: Pick<PortalPageReading, 'trust'>): boolean {
  return reading.trust === 'frame';
}

/** Which of the menu's pages this is: the chooser page, the account page, or neither. */
export type MenuPage = 'chooser' | 'account';

/** What a reader is told of a page besides its URL: the frame known, and how it was reached. */
export interface PageContext {
  /** The frame learnt on this portal, if any. */
  frame?: PortalFrame | null;
  /** The document was fetched from a believed menu's own link to this page (so it is that page). */
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
  /** The menu believed, or, on one of the menu's own pages before it is believed, that page's one menu. */
  menu: AccountMenu | null;
  label: PortalLabel | null;
  inboxLink: Element | null;
  chooserPanel: Element | null;
  /** Where the page shows its own content (messages): nothing there is the portal's. */
  content: readonly Element[];
  menuPage: MenuPage | null;
}

const NOTHING = { label: null, inboxLink: null, chooserPanel: null, content: [] } as const;

/** The page a lone menu says this is: the one its own « Changer de compte » or « Gérer… » link leads to. */
function menuPageOf(menu: AccountMenu, pageUrl: string): MenuPage | null {
  if (samePage(menu.chooserUrl, pageUrl)) return 'chooser';
  if (samePage(menu.manageUrl, pageUrl)) return 'account';
  return null;
}

/** The frame's parts on this page, with the profile's hints (a hint decides, and never falls through). */
function locate(doc: Document, profile: SelectorProfile, frame: PortalFrame, menus: AccountMenu[]): LocatedFrame {
  const { header, messageRegion } = profile.hints;
  return locateFrame(doc, frame, {
    switchEntries: menus.map((menu) => menu.switchEntry),
    inboxEntries: findInboxLinks(doc, profile),
    messageRegions: queryHintAll(doc, messageRegion),
    ...(header.length > 0 ? { headers: queryHintAll(doc, header) } : {}),
  });
}

/** Finds the portal's account menu and label, told from look-alikes (see the module header). */
export function findPortalInterface(
  doc: Document,
  profile: SelectorProfile,
  options: ReadOptions,
  problems: string[] = [],
): PortalInterface {
  const { pageUrl, frame = null, reachedBy } = options;
  const menus = attempt(problems, 'menu du compte', () => findAccountMenus(doc, profile, pageUrl), []);
  if (menus.length === 0) return { trust: 'none', menu: null, menuPage: null, ...NOTHING };

  const located = frame ? attempt(problems, 'cadre du portail', () => locate(doc, profile, frame, menus), null) : null;
  const menu = menus.find((candidate) => candidate.switchEntry === located?.switchEntry) ?? null;
  if (!menu) {
    // One of the menu's own pages shows no mail: its one menu is the portal's, to learn the frame from.
    const lone = menus.length === 1 ? (menus[0] as AccountMenu) : null;
    const menuPage = lone ? (reachedBy ?? menuPageOf(lone, pageUrl)) : null;
    if (frame) problems.push(`${located?.placedMenus ?? 0} menu(s) à la place du cadre : rien n’est cru`);
    else problems.push('aucun cadre appris : rien n’est cru');
    return {
      trust: frame ? 'unsure' : 'unlearnt',
      menu: menuPage ? lone : null,
      menuPage,
      ...NOTHING,
    };
  }

  const content = located?.content ?? [];
  const isPortal = (element: Element) => !content.some((region) => region.contains(element));
  const label = attempt(
    problems,
    'étiquette',
    () => describeLabel(located?.label ?? null) ?? findLabel(doc, profile, menu, isPortal),
    null,
  );
  return {
    trust: 'frame',
    menu,
    label,
    inboxLink: located?.inboxLink ?? null,
    chooserPanel: located?.chooserPanel ?? null,
    content,
    menuPage: reachedBy ?? menuPageOf(menu, pageUrl),
  };
}

/** The portal's chooser on this page, as elements (to activate an entry), or null. */
export function findPortalChooser(doc: Document, profile: SelectorProfile, options: ReadOptions): Chooser | null {
  const found = findPortalInterface(doc, profile, options);
  return found.menu ? readPortalChooser(doc, profile, found, options) : null;
}

export function readPortalChooser(
  doc: Document,
  profile: SelectorProfile,
  found: PortalInterface,
  options: ReadOptions,
): Chooser | null {
  const exclude = [found.menu?.container, found.label?.element].filter((e): e is Element => e !== undefined);
  const { pageUrl } = options;
  if (found.menuPage === 'chooser') return readChooser(doc, profile, { pageUrl, wholePage: true, exclude });
  if (found.chooserPanel) return readChooserIn(found.chooserPanel, profile, pageUrl, exclude);
  // The account page shows no mail: a chooser panel there is the portal's.
  if (found.menuPage === 'account') return readChooser(doc, profile, { pageUrl, exclude });
  return null;
}

export function readPortalPage(doc: Document, profile: SelectorProfile, options: ReadOptions): PortalPageReading {
  const problems: string[] = [];
  const found = findPortalInterface(doc, profile, options, problems);
  const { menu, label, inboxLink } = found;
  const believed = found.trust === 'frame';
  const loginForm = attempt(problems, 'formulaire de connexion', () => findLoginForm(doc), null);
  const sendControls = attempt(problems, 'bouton Envoyer', () => findSendControls(doc, profile).length, 0);
  const inboxCandidates = attempt(problems, 'boîte de réception', () => findInboxLinks(doc, profile), []);

  const chooser = menu
    ? attempt(problems, 'sélecteur de compte', () => readPortalChooser(doc, profile, found, options), null)
    : null;
  if (chooser?.truncated) problems.push('sélecteur : trop de comptes, les suivants sont ignorés');

  // A page without the menu but with a folder list is the webmail still (its header failed): nothing is believed.
  const kind =
    found.trust !== 'none' ? 'webmail' : loginForm ? 'login' : inboxCandidates.length > 0 ? 'webmail' : 'unknown';
  if (believed) {
    if (!label) problems.push('étiquette de la boîte active introuvable');
  } else if (kind === 'unknown') problems.push('page non reconnue comme une page du webmail');
  else if (found.trust === 'none' && kind === 'webmail') problems.push('menu « Changer de compte » introuvable');

  return {
    kind,
    trust: found.trust,
    menuPage: found.menuPage,
    // Shown only where believed; on a menu page before any frame, kept for the agreement of the menu's pages.
    label: believed && label ? { text: label.text, address: label.address } : null,
    chooserUrl: menu?.chooserUrl ?? null,
    manageUrl: menu?.manageUrl ?? null,
    chooser: chooser
      ? chooser.entries.map(({ address, name, unread, current }) => ({ address, name, unread, current }))
      : null,
    // Read where the background reads the menu's pages (utils/portal/menu-pages.ts).
    accountTable: null,
    inboxUnread: believed && inboxLink ? inboxUnreadOf(inboxLink, profile) : null,
    inboxUrl: believed ? linkTarget(inboxLink, options.pageUrl) : null,
    sendControls,
    // Learnt where the background reads the menu's pages (utils/portal/menu-pages.ts): not in every page.
    frame: null,
    problems,
  };
}

/** Parses fetched portal HTML so that relative links resolve against where it came from. */
export function parsePortalHtml(html: string, url: string, parser: DOMParser = new DOMParser()): Document {
  const doc = parser.parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    (headOf(doc) ?? rootOf(doc))?.prepend(base);
  }
  return doc;
}
