/**
 * The menu's own pages, the chooser page and the account page « Gestion de votre compte
 * Medimail », where no mail is shown: where the frame is learnt (utils/portal/frame.ts),
 * and only where they agree with each other. Pages agree when each one's frame places
 * the other's menu where that page shows it. Before any frame is known, a page read
 * there must also say for itself which page it is (its one menu links to it) and link
 * to the other (`agreeBeforeAnyFrame`). Pure: the content script fetches the pages, the
 * variation suite renders them, both decide here.
 */
import { mergeFrames, type PortalFrame } from './frame';
import { type MenuPage, type PortalPageReading, readPortalPage } from './page';
import type { SelectorProfile } from './profile';
import { samePage } from './url';

/** One of the menu's pages, read: its document, where it is, and its reading. */
export interface MenuPageRead {
  doc: Document;
  url: string;
  reading: PortalPageReading;
}

/** Whether `frame` places `page`'s own menu where `page` shows it. */
function places(frame: PortalFrame, page: MenuPageRead, profile: SelectorProfile): boolean {
  return readPortalPage(page.doc, profile, { pageUrl: page.url, frame }).trust === 'frame';
}

/** The frame the menu's pages agree on (the account page's first: only it vouches for a panel), if they do. */
export function agreedFrame(pages: readonly MenuPageRead[], profile: SelectorProfile): PortalFrame | undefined {
  const frames = pages.map((page) => page.reading.frame);
  if (pages.length === 0 || frames.some((frame) => !frame)) return undefined;
  const agree = pages.every((page, i) =>
    pages.every((_other, j) => i === j || places(frames[j] as PortalFrame, page, profile)),
  );
  if (!agree) return undefined;
  const rank = (page: MenuPageRead) => (page.reading.menuPage === 'account' ? 0 : 1);
  return [...pages]
    .sort((a, b) => rank(a) - rank(b))
    .map((page) => page.reading.frame as PortalFrame)
    .reduce((merged, frame) => mergeFrames(merged, frame));
}

/** Where `reading`'s menu links to the menu's page `to`. */
export function menuLinkTo(reading: PortalPageReading, to: MenuPage): string | null {
  return to === 'chooser' ? reading.chooserUrl : reading.manageUrl;
}

/** The page to read to confirm `here` before any frame: the other menu page, or `here` again when the chooser is a panel. */
export function confirmingPage(here: MenuPageRead): string | null {
  const menuPage = here.reading.menuPage;
  if (here.reading.trust !== 'unlearnt' || !menuPage || !here.reading.frame) return null;
  return menuLinkTo(here.reading, menuPage === 'chooser' ? 'account' : 'chooser') ?? here.url;
}

/**
 * Before any frame: whether `here` (a page whose one menu links to it) and `other` (the
 * page read at `confirmingPage(here)`) are the menu's two pages, each linking to itself
 * and to the other, or the same page twice; then the frame they agree on.
 */
export function agreeBeforeAnyFrame(
  here: MenuPageRead,
  other: MenuPageRead,
  profile: SelectorProfile,
): PortalFrame | undefined {
  const menuPage = here.reading.menuPage;
  const target = confirmingPage(here);
  if (!menuPage || !target || !other.reading.frame) return undefined;
  const otherPage: MenuPage = menuPage === 'chooser' ? 'account' : 'chooser';
  const samePageTwice = samePage(target, here.url);
  const linked = samePageTwice
    ? other.reading.menuPage === menuPage && samePage(other.url, here.url)
    : other.reading.menuPage === otherPage &&
      samePage(target, other.url) &&
      samePage(menuLinkTo(other.reading, menuPage), here.url);
  return linked ? agreedFrame([here, other], profile) : undefined;
}

/** What the menu's pages list, and the frame they agree on, as discovery reports it to the background. */
export function discoveryReport(pages: readonly MenuPageRead[], frame: PortalFrame | undefined) {
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
