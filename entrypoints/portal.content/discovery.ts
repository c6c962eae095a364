/**
 * Feature: account discovery. When the background asks (at most every few minutes, one
 * tab at a time, right after a login whose default account is not known yet, and while
 * no frame is known), the menu's own pages are read, both read-only: the chooser page
 * and the account page « Gestion de votre compte Medimail ». What they list goes to the
 * background, with the portal's frame they show: no mail is shown there, so it is where
 * the frame is learnt (utils/portal/frame.ts). Their addresses come from the background,
 * which kept them from pages it believed; they are fetched only on this page's origin.
 */

import { fetchPortalPage } from '@/utils/portal/fetch-page';
import type { PortalFrame } from '@/utils/portal/frame';
import { type MenuPage, type PortalPageReading, readPortalPage } from '@/utils/portal/page';
import type { PortalView } from '@/utils/protocol/shapes';
import type { PageWatcher } from './page-watcher';
import type { TabState } from './tab-state';

type MenuPageReading = PortalPageReading & { pageUrl: string };

/** One of the menu's pages, read with the frame known, or without it when the portal moved its interface. */
async function readMenuPage(url: string | null, reachedBy: MenuPage, tab: TabState): Promise<MenuPageReading | null> {
  if (!url) return null;
  const page = await fetchPortalPage(url, location.href);
  if (!page.ok) return null;
  const { profile, frame } = tab.get();
  const read = (known: PortalFrame | null) => ({
    ...readPortalPage(page.doc, profile, { pageUrl: page.url, frame: known, reachedBy }),
    pageUrl: page.url,
  });
  const reading = read(frame);
  return reading.trust === 'frame' || !frame ? reading : read(null);
}

export async function discoverAccounts(
  tab: TabState,
  watcher: PageWatcher,
  targets: NonNullable<PortalView['discovery']>,
): Promise<void> {
  const chooserPage = await readMenuPage(targets.chooserUrl, 'chooser', tab);
  const accountPage = await readMenuPage(targets.manageUrl, 'account', tab);
  // Pages that showed the portal's menu (a page without it, a failing portal, says nothing of the frame).
  const read = [accountPage, chooserPage].filter(
    (page): page is MenuPageReading => page !== null && page.kind === 'webmail' && page.trust !== 'none',
  );
  // Nothing read (portal failing, session gone): the lease lapses and another page tries again.
  if (read.length === 0) return;
  const chooserFrom = chooserPage?.chooser ? chooserPage : accountPage?.chooser ? accountPage : null;
  await watcher.report({
    chooser: chooserFrom?.chooser ?? null,
    chooserPageUrl: chooserFrom?.pageUrl ?? null,
    accountTable: accountPage?.accountTable ?? null,
    // The account page's first: only it can vouch for a chooser panel.
    frame: read.find((page) => page.frame)?.frame ?? null,
  });
}
