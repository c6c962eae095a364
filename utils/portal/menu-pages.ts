/**
 * The menu's own pages, the chooser page and the account page « Gestion de votre compte
 * Medimail », where no mail is shown: where the frame is learnt (utils/portal/frame.ts),
 * and only where they agree with each other. Pages agree when each one's frame places
 * the other's menu where that page shows it. Before any frame is known, a page read
 * there must also say for itself which page it is (its one menu links to it) and link
 * to the other (`agreeBeforeAnyFrame`).
 *
 * Read where the background reads portal pages (its DOMParser, or Chrome's offscreen
 * document), never in the content script, which only fetches them: every portal page
 * pays for the content script, and learning happens a few times a day. How a frame is
 * tried on a page is passed in (`Places`): a DOM at hand, or a reading in the offscreen
 * document.
 */

import { findAccountTable } from './account-table';
import { contentRegion, type FrameParts, frameOfParts, mergeFrames, type PortalFrame } from './frame';
import { findInboxLinks } from './inbox';
import { findLabel } from './label';
import { samePage } from './links';
import {
  findPortalInterface,
  type MenuPage,
  type PortalPageReading,
  type ReadOptions,
  readPortalChooser,
  readPortalPage,
} from './page';
import type { SelectorProfile } from './profile';

/** One of the menu's pages as read: where it is and its reading (with the frame it shows). */
export interface MenuPageSeen {
  url: string;
  reading: PortalPageReading;
}

/** Whether `frame` places `page`'s own menu where `page` shows it. */
export type Places<P extends MenuPageSeen> = (page: P, frame: PortalFrame) => boolean | Promise<boolean>;

/**
 * The frame's parts on one of the menu's own pages, where no mail is shown: its one menu,
 * the label and the one inbox entry beside it, and the content region (around the
 * chooser page's chooser, or the account page's table). A chooser panel is a part only
 * when it stands outside the account page's content.
 */
export function findMenuPageParts(doc: Document, profile: SelectorProfile, options: ReadOptions): FrameParts | null {
  const found = findPortalInterface(doc, profile, options);
  const { menu, menuPage } = found;
  if (!menu || !menuPage) return null;
  const label = found.label?.element ?? findLabel(doc, profile, menu)?.element ?? null;
  const inboxes = findInboxLinks(doc, profile);
  const inboxLink = found.inboxLink ?? (inboxes.length === 1 ? (inboxes[0] as Element) : null);
  const chooser = readPortalChooser(doc, profile, found, options);
  const anchor = menuPage === 'chooser' ? (chooser?.root ?? null) : (findAccountTable(doc, profile)?.table ?? null);
  if (!anchor) return null;
  const content = contentRegion(
    anchor,
    [menu.container, label, inboxLink].filter((e): e is Element => e !== null),
  );
  const panel =
    menuPage === 'account' && chooser && !content.contains(chooser.root) && !chooser.root.contains(content)
      ? chooser.root
      : null;
  return { switchEntry: menu.switchEntry, label, inboxLink, chooserPanel: panel, content };
}

/**
 * A page read as the background reads portal pages: on one of the menu's pages, with
 * the account table it shows (the account page) and the frame it shows.
 */
export function readMenuPage(doc: Document, profile: SelectorProfile, options: ReadOptions): PortalPageReading {
  const reading = readPortalPage(doc, profile, options);
  if (!reading.menuPage) return reading;
  const problems = [...reading.problems];
  let frame: PortalFrame | null = null;
  let accountTable: PortalPageReading['accountTable'] = null;
  try {
    const table = reading.menuPage === 'account' ? findAccountTable(doc, profile) : null;
    if (table?.truncated) problems.push('tableau des comptes : trop de lignes, les suivantes sont ignorées');
    accountTable = table?.rows ?? null;
    const parts = findMenuPageParts(doc, profile, options);
    frame = parts && frameOfParts(parts);
  } catch (error) {
    problems.push(`page du menu : ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
  }
  if (!frame) problems.push('page du menu : aucun cadre');
  return { ...reading, accountTable, frame, problems };
}

/** The frame the menu's pages agree on (the account page's first: only it vouches for a panel), if they do. */
export async function agreedFrame<P extends MenuPageSeen>(
  pages: readonly P[],
  places: Places<P>,
): Promise<PortalFrame | undefined> {
  const frames = pages.map((page) => page.reading.frame);
  if (pages.length === 0 || frames.some((frame) => !frame)) return undefined;
  for (const [i, page] of pages.entries()) {
    for (const [j, frame] of frames.entries()) {
      if (i !== j && !(await places(page, frame as PortalFrame))) return undefined;
    }
  }
  const rank = (page: P) => (page.reading.menuPage === 'account' ? 0 : 1);
  return [...pages]
    .sort((a, b) => rank(a) - rank(b))
    .map((page) => page.reading.frame as PortalFrame)
    .reduce((merged, frame) => mergeFrames(merged, frame));
}

/** Where `reading`'s menu links to the menu's page `to`. */
function menuLinkTo(reading: Pick<PortalPageReading, 'chooserUrl' | 'manageUrl'>, to: MenuPage): string | null {
  return to === 'chooser' ? reading.chooserUrl : reading.manageUrl;
}

/**
 * Before any frame: whether `here` (a page whose one menu links to it) and `other` (the
 * other page its menu links to, or `here` read again when the chooser is a panel) are
 * the menu's two pages, each linking to itself and to the other, or the same page
 * twice; then the frame they agree on.
 */
export async function agreeBeforeAnyFrame<P extends MenuPageSeen>(
  here: P,
  other: P,
  places: Places<P>,
): Promise<PortalFrame | undefined> {
  const menuPage = here.reading.menuPage;
  if (!menuPage || !here.reading.frame || !other.reading.frame) return undefined;
  const otherPage: MenuPage = menuPage === 'chooser' ? 'account' : 'chooser';
  const linked = samePage(other.url, here.url)
    ? other.reading.menuPage === menuPage && !menuLinkTo(here.reading, otherPage)
    : other.reading.menuPage === otherPage &&
      samePage(menuLinkTo(here.reading, otherPage), other.url) &&
      samePage(menuLinkTo(other.reading, menuPage), here.url);
  return linked ? agreedFrame([here, other], places) : undefined;
}

/** What the menu's pages list, and the frame they agree on, as the background learns them. */
export function discoveryReport(pages: readonly MenuPageSeen[], frame: PortalFrame | undefined) {
  const chooserFrom =
    pages.find((page) => page.reading.menuPage === 'chooser' && page.reading.chooser) ??
    pages.find((page) => page.reading.chooser);
  return {
    chooser: chooserFrom?.reading.chooser ?? null,
    chooserPageUrl: chooserFrom?.url ?? null,
    accountTable: pages.find((page) => page.reading.accountTable)?.reading.accountTable ?? null,
    ...(frame ? { frame } : {}),
  };
}
