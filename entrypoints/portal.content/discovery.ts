/**
 * Feature: account discovery. When the background asks (at most every few minutes, one
 * tab at a time, and right after a login whose default account is not known yet), the
 * chooser page and the account page « Gestion de votre compte Medimail » are read,
 * both read-only, and what they list goes to the background.
 */
import { readAccountTable } from '@/utils/portal/account-table';
import { fetchPortalPage } from '@/utils/portal/fetch-page';
import { readPortalPage } from '@/utils/portal/page';
import type { PageWatcher } from './page-watcher';
import type { TabState } from './tab-state';

export async function discoverAccounts(tab: TabState, watcher: PageWatcher): Promise<void> {
  const { reading, profile } = tab.get();
  if (!reading) return;
  let chooser = reading.chooser;
  if (!chooser && reading.chooserUrl) {
    const page = await fetchPortalPage(reading.chooserUrl);
    if (page.ok) chooser = readPortalPage(page.doc, profile, { isChooserPage: true }).chooser;
  }
  let accountTable = reading.accountTable;
  if (!accountTable && reading.manageUrl) {
    const page = await fetchPortalPage(reading.manageUrl);
    if (page.ok) accountTable = readAccountTable(page.doc, profile);
  }
  // Nothing read (portal failing, session gone): the lease lapses and another page tries again.
  if (chooser || accountTable) await watcher.report({ chooser, accountTable });
}
