/**
 * What a poll reads, and learns from it, when the portal's chooser shows no unread
 * counts (docs/portal-contract.md, point 3). Still one GET per poll, never a switch:
 * the poll reads the inbox page the pages showed (`portal.inboxUrl`; reading it changes
 * nothing, point 7), tells the active mailbox from its label as a page's is told
 * (`resolveActive`), and learns its count as a page's is learnt (`learnActiveMailbox`);
 * the rises are then collected as after a chooser read. Only the active mailbox can be
 * seen so: the others' news waits for a tab that opens them (the panel says so,
 * entrypoints/background/session/chooser-counts.ts).
 *
 * The chooser is read again every CHOOSER_REREAD_MS, so that counts that appear are used
 * again and the list of accounts stays fresh. Pure functions over the stored state, with
 * the clock passed in (entrypoints/background/polling/poll-runner.ts does the I/O).
 */

import { learnActiveMailbox } from '@/entrypoints/background/session/active-mailbox';
import { inboxStandsIn } from '@/entrypoints/background/session/chooser-counts';
import { resolveActive } from '@/entrypoints/background/session/mailbox-identity';
import { learnAccounts } from '@/entrypoints/background/session/mailboxes';
import type { PortalStateRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { isBelieved } from '@/utils/portal/page';
import type { PollError, PollNote } from '@/utils/protocol/codes';
import type { ChooserEntry, PageReadingPayload } from '@/utils/protocol/shapes';

/**
 * How long the inbox page stands in for a chooser without counts before a poll reads
 * the chooser again. Half an hour: one poll in fifteen, at the default interval, goes
 * without the active mailbox's count (a page that shows it still tells it), and a
 * portal that starts showing counts, or an account added or taken away, is seen within
 * that time.
 */
export const CHOOSER_REREAD_MS = 30 * 60_000;

/** What a poll read told: a note for the diagnostics' history, or why it failed. */
export type CheckFindings = { ok: true; note: PollNote } | { ok: false; error: PollError };

/** Whether the poll starting now reads the inbox page rather than the chooser. */
export function readsInbox(portal: PortalStateRecord, now: number): boolean {
  const sinceChooser = now - portal.chooserReadAt;
  return inboxStandsIn(portal) && sinceChooser >= 0 && sinceChooser < CHOOSER_REREAD_MS;
}

/** A chooser read by a poll: the accounts and their counts learnt, and whether it showed any. */
export function learnChooserRead(state: StoredState, entries: ChooserEntry[], now: number): CheckFindings {
  learnAccounts(state, [entries], [], now);
  const counted = entries.some((entry) => entry.unread !== null);
  return { ok: true, note: { code: counted ? 'mailboxes' : 'mailboxes-uncounted', count: entries.length } };
}

/**
 * The inbox page read by a poll: the chooser it may hold (a panel the frame vouches
 * for) learnt first, as a page's accounts are, then the active mailbox told from the
 * label and its inbox count learnt. A page whose interface is not believed, or whose
 * label tells no known mailbox, or without « Boîte de réception », teaches nothing of
 * the counts: the poll fails, with its code. Mutates `state` (inside a store change).
 */
export function learnInboxPage(state: StoredState, reading: PageReadingPayload, now: number): CheckFindings {
  const believed = reading.kind === 'webmail' && isBelieved(reading);
  if (!believed) return { ok: false, error: { code: 'inbox-no-mailbox' } };
  if (reading.chooser && reading.chooser.length > 0) learnAccounts(state, [reading.chooser], [], now);
  const identity = resolveActive(reading.label, state.mailboxes, state.portal.loginAddress);
  if (!identity.address) return { ok: false, error: { code: 'inbox-no-mailbox' } };
  if (reading.inboxUnread === null) return { ok: false, error: { code: 'inbox-no-count' } };
  learnActiveMailbox(state, reading, identity, now);
  return { ok: true, note: { code: 'inbox', unread: reading.inboxUnread } };
}
