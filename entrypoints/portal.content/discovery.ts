/**
 * Feature: account discovery, and the pages where the portal's frame is learnt. The
 * menu's own pages, the chooser page and the account page « Gestion de votre compte
 * Medimail », show no mail: this tab fetches them (read-only GETs, as the page itself,
 * on its own origin) and hands them to the background, which reads what they list and
 * learns the frame where they agree (utils/portal/menu-pages.ts). Reading them there
 * keeps the learning out of the content script, which every portal page pays for.
 * - When the background asks (every few minutes, one tab at a time, after a login, and
 *   when a page does not match the frame): at the addresses it kept from believed pages.
 * - Before any frame is known on this portal, nothing on any page is believed and no
 *   link of a page's menu is followed, but for one case: this page is one of the menu's
 *   pages itself, its one menu linking to it (the user opened « Gérer votre compte
 *   Medimail » or « Changer de compte »). Then this page and the other menu page its menu
 *   links to (or this page again, when the chooser is a panel) are handed over, and the
 *   frame is learnt only if they say for themselves what they are and agree.
 */

import { fetchPortalPage } from '@/utils/portal/fetch-page';
import type { MenuPage } from '@/utils/portal/page';
import type { PortalView } from '@/utils/protocol/shapes';
import type { DiscoveredPage, PageWatcher } from './page-watcher';
import type { TabState } from './tab-state';

/** One of the menu's pages, fetched as the page would: its address and HTML, or null. */
async function fetchMenuPage(url: string | null, reachedBy: MenuPage | null): Promise<DiscoveredPage | null> {
  if (!url) return null;
  const page = await fetchPortalPage(url, location.href);
  return page.ok ? { url: page.url, html: page.html, reachedBy } : null;
}

async function report(watcher: PageWatcher, pages: (DiscoveredPage | null)[]): Promise<void> {
  const fetched = pages.filter((page): page is DiscoveredPage => page !== null);
  // Nothing read (portal failing, session gone): the lease lapses and another page tries again.
  if (fetched.length > 0) await watcher.report({ pages: fetched });
}

/** Fetches the menu's pages at the addresses the background kept, for it to read. */
export async function discoverAccounts(watcher: PageWatcher, targets: NonNullable<PortalView['discovery']>) {
  await report(watcher, [
    await fetchMenuPage(targets.chooserUrl, 'chooser'),
    await fetchMenuPage(targets.manageUrl, 'account'),
  ]);
}

/**
 * Before any frame: this page, when its one menu links to it, and the other menu page
 * its menu links to (this page again when there is none), for the background to read
 * (see the module header). Nothing else is requested.
 */
export async function handOverMenuPagesBeforeFrame(tab: TabState, watcher: PageWatcher): Promise<void> {
  const reading = tab.get().reading;
  if (reading?.trust !== 'unlearnt' || !reading.menuPage) return;
  const other = reading.menuPage === 'chooser' ? reading.manageUrl : reading.chooserUrl;
  const here = await fetchMenuPage(location.href, null);
  await report(watcher, [here, here && (other ? await fetchMenuPage(other, null) : here)]);
}
