/**
 * The active mailbox. It is server state, shared by every tab: the newest observation,
 * from any tab, wins, and a tab that loaded before it shows a stale mailbox. And the
 * switches asked of the portal (by the banner, the preferred mailbox, a notification):
 * whether each landed, or failed (another mailbox shown, or nothing seen in time), and
 * how long the banner says so. Pure functions over the stored state, with the clock
 * passed in.
 */

import type { PortalStateRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { fold } from '@/utils/portal/text';
import type { PageReadingPayload, PortalView } from '@/utils/protocol/shapes';
import type { ActiveIdentity } from './mailbox-identity';
import { ensureMailbox, nameOf } from './mailboxes';

/** A switch not seen to land within this time has failed. */
export const SWITCH_TIMEOUT_MS = 30_000;
/** How long the banner says that a switch failed. */
export const FAILED_SWITCH_SHOWN_MS = 60_000;

/** What tells two active mailboxes apart: the address, else the label's text. */
function identityKey(address: string | null, label: string | null): string | null {
  if (address) return `@${address}`;
  return label ? `label:${fold(label)}` : null;
}

/** The mailbox a webmail page shows is known from now on, with its inbox's count when the page gives it. */
export function learnActiveMailbox(
  state: StoredState,
  reading: PageReadingPayload,
  identity: ActiveIdentity,
  now: number,
): void {
  if (reading.kind !== 'webmail' || !identity.address) return;
  const active = ensureMailbox(state, identity.address, now, { kind: identity.kind });
  if (active && reading.inboxUnread !== null) {
    active.unread = reading.inboxUnread;
    active.unreadAt = now;
  }
}

/**
 * The active mailbox is server state: the newest observation, from any tab, wins.
 * Returns whether it changed (other portal tabs should hear of it).
 */
export function followActiveMailbox(
  portal: PortalStateRecord,
  reading: PageReadingPayload,
  identity: ActiveIdentity,
  observedAt: number,
): boolean {
  if (reading.kind !== 'webmail' || !reading.label || observedAt < portal.activeSeenAt) return false;
  const labelText = reading.label.text;
  const changed = identityKey(identity.address, labelText) !== identityKey(portal.activeAddress, portal.activeLabel);
  portal.activeAddress = identity.address;
  portal.activeLabel = labelText;
  portal.activeSeenAt = observedAt;
  return changed;
}

/** Did a switch we asked for land? It fails when another mailbox shows, or when nothing is seen in time. */
export function settleExpectedSwitch(
  portal: PortalStateRecord,
  reading: PageReadingPayload,
  identity: ActiveIdentity,
  observedAt: number,
  now: number,
): void {
  const expected = portal.expectedSwitch;
  if (expected && reading.kind === 'webmail' && observedAt > expected.at) {
    if (identity.address === expected.address) portal.expectedSwitch = null;
    else if (reading.label) {
      portal.failedSwitch = expected;
      portal.expectedSwitch = null;
    }
  }
  if (portal.expectedSwitch && now - portal.expectedSwitch.at > SWITCH_TIMEOUT_MS) {
    portal.failedSwitch = portal.expectedSwitch;
    portal.expectedSwitch = null;
  }
}

/** The banner asked the portal to switch: it is expected to land (and any earlier failure is over). */
export function recordSwitchRequest(
  state: StoredState,
  address: string,
  now: number,
): { state: StoredState; result: null } {
  state.portal.expectedSwitch = { address, at: now };
  state.portal.failedSwitch = null;
  return { state, result: null };
}

/** The active mailbox another tab has seen since this page was read, when it is another one. */
export function staleMailbox(
  state: StoredState,
  reading: PageReadingPayload,
  identity: ActiveIdentity,
  observedAt: number,
): PortalView['stale'] {
  const { portal } = state;
  const mine = identityKey(identity.address, reading.label?.text ?? null);
  const global = identityKey(portal.activeAddress, portal.activeLabel);
  return reading.kind === 'webmail' && mine && global && mine !== global && portal.activeSeenAt > observedAt
    ? {
        address: portal.activeAddress,
        name: portal.activeAddress ? nameOf(state, portal.activeAddress) : portal.activeLabel,
      }
    : null;
}

/** A switch that failed lately, while the banner says so. */
export function failedSwitchShown(state: StoredState, now: number): PortalView['switchFailed'] {
  const failed = state.portal.failedSwitch;
  return failed && now - failed.at < FAILED_SWITCH_SHOWN_MS
    ? { address: failed.address, name: nameOf(state, failed.address) }
    : null;
}
