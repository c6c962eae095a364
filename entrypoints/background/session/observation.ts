/**
 * A portal page was read (or re-read) in a tab: what the background learns from it and
 * what that tab's banner shows, as a short sequence of named steps, each in the module
 * of what it decides (mailboxes, kept-portal-urls, login, active-mailbox, preferred-mailbox,
 * discovery, view). The order is the rule: the accounts and the login are learnt
 * before the active mailbox is told, and the switches are decided before the view is
 * built. Pure functions over the stored state, with the clock passed in.
 */

import type { PortalStateRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { isBelieved } from '@/utils/portal/page';
import type { PageReadingPayload, PortalView } from '@/utils/protocol/shapes';
import { followActiveMailbox, learnActiveMailbox, settleExpectedSwitch } from './active-mailbox';
import { keepAgreedFrame, leaseDiscovery, noteDiscoveryDone } from './discovery';
import { keepPageUrls } from './kept-portal-urls';
import { confirmClaimedLogin } from './login';
import { type ActiveIdentity, resolveActive } from './mailbox-identity';
import { learnAccounts, noteLongPageList } from './mailboxes';
import type { Observation } from './observation-types';
import { switchFromNotification, switchToPreferred } from './preferred-mailbox';
import { buildView } from './view';

export interface ObservationOutcome {
  view: PortalView;
  /** The active mailbox changed: other portal tabs should hear of it. */
  activeChanged: boolean;
  /** New mailboxes or counts were learnt: other tabs' switch lists change too. */
  othersChanged: boolean;
}

/** Nothing could be told: the page is not believed. */
const UNTOLD: ActiveIdentity = { kind: 'unknown', address: null };

/**
 * Learns this login's accounts from the page's lists when the page is believed, and from
 * what its discovery read: the menu's own pages, at addresses kept from believed pages
 * or agreeing with each other before any frame (entrypoints/portal.content/discovery.ts).
 */
function learnPageAccounts(state: StoredState, observation: Observation, believed: boolean, now: number): void {
  const { reading, discovered } = observation;
  const lists = [believed ? reading : null, discovered];
  learnAccounts(
    state,
    lists.map((list) => list?.chooser).filter((list) => list != null),
    lists.map((list) => list?.accountTable).filter((list) => list != null),
    now,
  );
}

/**
 * The last page that says something, for diagnostics: a believed webmail page, or the
 * login page; and when a believed page last showed « Envoyer » (the compatibility check).
 */
function keepLastReading(portal: PortalStateRecord, reading: PageReadingPayload, now: number): void {
  if ((reading.kind === 'webmail' && (isBelieved(reading) || reading.trust === 'none')) || reading.kind === 'login') {
    portal.lastReading = reading;
    portal.lastReadingAt = now;
  }
  if (reading.kind === 'webmail' && isBelieved(reading) && reading.sendControls > 0) {
    portal.sendButtonSeenAt = now;
  }
}

/**
 * A portal page was read (or re-read): learn from it, and say what the banner shows.
 * A page whose interface could not be told from look-alikes (`unsure`) changes nothing
 * stored: only the discovery lease, to learn the frame that would tell.
 */
export function applyObservation(
  state: StoredState,
  observation: Observation,
  now: number,
): { state: StoredState; result: ObservationOutcome } {
  const { reading, observedAt, discovered, tabId } = observation;
  const { portal } = state;
  const believed = isBelieved(reading);

  keepAgreedFrame(portal, observation, now);
  noteLongPageList(state, reading, now);
  learnPageAccounts(state, observation, believed, now);
  if (discovered) noteDiscoveryDone(portal, observation.pageOrigin, now);
  if (believed) keepPageUrls(portal, reading, discovered?.chooserPageUrl ?? null);
  if (believed || discovered) confirmClaimedLogin(state, believed ? reading : null, discovered?.chooser ?? null);

  const identity = believed ? resolveActive(reading.label, state.mailboxes, portal.loginAddress) : UNTOLD;
  learnActiveMailbox(state, reading, identity, now);
  keepLastReading(portal, reading, now);
  const activeChanged = followActiveMailbox(portal, reading, identity, observedAt);
  settleExpectedSwitch(portal, reading, identity, observedAt, now);

  // Both are asked in turn (each may settle its own state); a notification's switch wins.
  const preferred = switchToPreferred(state, reading, identity, now);
  const fromNotification = switchFromNotification(portal, reading, identity, tabId, now);
  const discovery = leaseDiscovery(state, observation, identity, now);

  const view = buildView(state, identity, observation, { switchNow: fromNotification ?? preferred, discovery }, now);
  // What discovery learnt changes every tab's switch list (and a new frame, every tab's reading).
  return { state, result: { view, activeChanged, othersChanged: Boolean(discovered) } };
}
