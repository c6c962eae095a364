/**
 * Feature: account discovery, and the portal's frame learnt where the menu's own pages
 * agree (utils/portal/menu-pages.ts). The menu's pages, the chooser page and the account
 * page « Gestion de votre compte Medimail », show no mail: what they list goes to the
 * background, with the frame they agree on. Both are read-only GETs.
 * - When the background asks (every few minutes, one tab at a time, after a login, and
 *   when a page does not match the frame): at the addresses it kept from believed pages.
 * - Before any frame is known on this portal, nothing on any page is believed and no
 *   link of a page's menu is followed, but for one case: this page is one of the menu's
 *   pages itself, its one menu linking to it (the user opened « Gérer votre compte
 *   Medimail » or « Changer de compte »). Then the other menu page its menu links to (or,
 *   when the chooser is a panel, this page again) is read, and the frame is learnt only
 *   if the two agree.
 */

import { fetchPortalPage } from '@/utils/portal/fetch-page';
import type { PortalFrame } from '@/utils/portal/frame';
import {
  agreeBeforeAnyFrame,
  agreedFrame,
  confirmingPage,
  discoveryReport,
  type MenuPageRead,
} from '@/utils/portal/menu-pages';
import { type MenuPage, readPortalPage } from '@/utils/portal/page';
import type { PortalView } from '@/utils/protocol/shapes';
import type { PageWatcher } from './page-watcher';
import type { TabState } from './tab-state';

/** One of the menu's pages, read with the frame known, or without it when the portal moved its interface. */
async function readMenuPage(
  url: string | null,
  reachedBy: MenuPage | undefined,
  tab: TabState,
): Promise<MenuPageRead | null> {
  if (!url) return null;
  const page = await fetchPortalPage(url, location.href);
  if (!page.ok) return null;
  const { profile, frame } = tab.get();
  const read = (known: PortalFrame | null): MenuPageRead => ({
    doc: page.doc,
    url: page.url,
    reading: readPortalPage(page.doc, profile, { pageUrl: page.url, frame: known, reachedBy }),
  });
  const withFrame = read(frame);
  return withFrame.reading.trust === 'frame' || !frame ? withFrame : read(null);
}

/** Reads the menu's pages at the addresses the background kept, and reports what they list and the frame they agree on. */
export async function discoverAccounts(
  tab: TabState,
  watcher: PageWatcher,
  targets: NonNullable<PortalView['discovery']>,
): Promise<void> {
  const chooserPage = await readMenuPage(targets.chooserUrl, 'chooser', tab);
  const accountPage = await readMenuPage(targets.manageUrl, 'account', tab);
  // Pages that showed the portal's menu (a page without it, a failing portal, says nothing of the frame).
  const read = [accountPage, chooserPage].filter(
    (page): page is MenuPageRead => page !== null && page.reading.kind === 'webmail' && page.reading.trust !== 'none',
  );
  // Nothing read (portal failing, session gone): the lease lapses and another page tries again.
  if (read.length === 0) return;
  await watcher.report(discoveryReport(read, agreedFrame(read, tab.get().profile)));
}

/**
 * Before any frame: learns it from this page when it is one of the menu's own pages (see
 * the module header). Nothing is believed, stored or requested otherwise.
 */
export async function learnFromMenuPage(tab: TabState, watcher: PageWatcher): Promise<void> {
  const { reading, profile } = tab.get();
  if (!reading) return;
  const here: MenuPageRead = { doc: document, url: location.href, reading };
  const other = await readMenuPage(confirmingPage(here), undefined, tab);
  const frame = other ? agreeBeforeAnyFrame(here, other, profile) : undefined;
  if (other && frame) await watcher.report(discoveryReport([here, other], frame));
}
