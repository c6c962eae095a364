/**
 * Whether the portal's chooser shows unread counts (docs/portal-contract.md, point 3:
 * beyond the guide, and a deployment may show none). Every chooser read, by a poll or
 * by a page, says it anew: whether any entry had a count, and which accounts had none.
 * With no count at all, the polls read the active mailbox's inbox page instead
 * (entrypoints/background/polling/inbox-fallback.ts); a watched mailbox whose count
 * neither gives is said in the panel, so that nobody waits for news that cannot come.
 * Pure functions over the stored state, with the clock passed in.
 */

import type { MailboxRecord, PortalStateRecord } from '@/entrypoints/background/storage/records';
import { MAX_CHOOSER_ENTRIES } from '@/utils/portal/limits';
import type { ChooserEntry } from '@/utils/protocol/shapes';

/** What the chooser lists read now show of the counts (nothing, when they list no entry). */
export function noteChooserCounts(
  portal: PortalStateRecord,
  choosers: readonly (readonly ChooserEntry[])[],
  now: number,
): void {
  const entries = choosers.flat();
  if (entries.length === 0) return;
  const counted = new Set(entries.filter((entry) => entry.unread !== null).map((entry) => entry.address));
  portal.chooserCounts = counted.size > 0;
  portal.uncountedAccounts = [...new Set(entries.map((entry) => entry.address))]
    .filter((address) => !counted.has(address))
    .slice(0, MAX_CHOOSER_ENTRIES);
  portal.chooserReadAt = now;
}

/** The chooser showed no count at all and the inbox page is known: the polls read that page. */
export function inboxStandsIn(portal: PortalStateRecord): boolean {
  return portal.chooserCounts === false && portal.inboxUrl !== null;
}

/**
 * A watched mailbox whose count the polls cannot see: its chooser entry shows none, and
 * it is not the active mailbox whose inbox they read. Its news comes only from a portal
 * tab that shows it open.
 */
export function countUnseen(portal: PortalStateRecord, mailbox: MailboxRecord): boolean {
  if (!mailbox.watched || !portal.uncountedAccounts.includes(mailbox.address)) return false;
  return !(inboxStandsIn(portal) && mailbox.address === portal.activeAddress);
}
