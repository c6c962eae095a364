/**
 * Discovery: a portal tab reading the portal's menu pages (the chooser, the account
 * page) in the background, to learn the login's accounts and the portal's frame. Here
 * is when a tab is asked to (right after a login, for a label nothing learnt can place,
 * while this origin's frame is not known or the page does not match it, and every few
 * minutes), one tab at a time under a lease, and at which of the stored addresses.
 * And the frame those pages teach when they agree: learnt per origin, handed only to
 * that origin's tabs. Pure functions over the stored state, with the clock passed in.
 */

import type { PortalStateRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import type { PortalFrame } from '@/utils/portal/frame';
import type { PortalView } from '@/utils/protocol/shapes';
import type { ActiveIdentity } from './mailbox-identity';
import type { Observation } from './observation-types';

/** How often the chooser and account pages are read again while browsing the portal. */
export const DISCOVERY_INTERVAL_MS = 5 * 60_000;
/** One tab at a time reads them: a tab asked to holds the lease this long. */
export const DISCOVERY_LEASE_MS = 30_000;
/** A page that cannot be told from look-alikes asks for the frame again at most this often. */
export const UNSURE_RELEARN_MS = 60_000;

/** The frame a tab reads with: the one learnt on its own origin. */
export function frameFor(portal: PortalStateRecord, origin: string): PortalFrame | null {
  const stored = portal.frame;
  if (!stored || stored.origin !== origin) return null;
  const { origin: _origin, learntAt: _learntAt, ...frame } = stored;
  return frame;
}

/**
 * Learns the frame the menu's own pages agreed on, as the pages a tab fetched for
 * discovery were read (session/discovered-pages.ts); never from one page alone. Pages
 * that did not agree teach none, and the frame known stays.
 */
export function keepAgreedFrame(portal: PortalStateRecord, observation: Observation, now: number): void {
  const learnt = observation.discovered?.frame;
  if (learnt) portal.frame = { ...learnt, origin: observation.pageOrigin, learntAt: now };
}

/** A tab reports what it read for discovery: done for now, on its origin, and the lease is free. */
export function noteDiscoveryDone(portal: PortalStateRecord, origin: string, now: number): void {
  portal.lastDiscoveryAt = now;
  portal.lastDiscoveryOrigin = origin;
  portal.discoveryLeaseAt = 0;
}

/**
 * A tab closed: if it held the discovery lease, the lease is free at once (else the next
 * page would wait for it to lapse before reading the menu's pages).
 */
export function releaseDiscoveryLease(state: StoredState, tabId: number): { state: StoredState; result: null } {
  if (state.portal.discoveryLeaseTab === tabId) {
    state.portal.discoveryLeaseAt = 0;
    state.portal.discoveryLeaseTab = null;
  }
  return { state, result: null };
}

/** The portal's own pages the menu leads to, to read for discovery (null: none known on this origin). */
function discoveryTargets(state: StoredState, origin: string): PortalView['discovery'] {
  const { chooserUrl, manageUrl } = state.portal;
  const onOrigin = (url: string | null) => (url && new URL(url).origin === origin ? url : null);
  const targets = { chooserUrl: onOrigin(chooserUrl), manageUrl: onOrigin(manageUrl) };
  return targets.chooserUrl || targets.manageUrl ? targets : null;
}

/** Whether the menu's pages should be read (again) now, for what this page shows. */
function discoveryWanted(
  portal: PortalStateRecord,
  observation: Observation,
  identity: ActiveIdentity,
  now: number,
): boolean {
  const { reading, pageOrigin } = observation;
  const sinceDiscovery = now - portal.lastDiscoveryAt;
  const frameMissing = portal.frame?.origin !== pageOrigin;
  // The menu's pages of this origin were not read yet: at once; else not more often than UNSURE_RELEARN_MS.
  const relearnDue = portal.lastDiscoveryOrigin !== pageOrigin || sinceDiscovery > UNSURE_RELEARN_MS;
  return (
    (portal.pendingLogin && portal.lastDiscoveryAt < portal.loginAt) ||
    // The label names a mailbox nothing learnt so far can place.
    (reading.label !== null && identity.address === null) ||
    // No frame yet, or the page does not match it: learn it (again) on the menu's pages.
    ((frameMissing || reading.trust === 'unsure') && relearnDue) ||
    sinceDiscovery > DISCOVERY_INTERVAL_MS
  );
}

/** Whether this tab may take the lease: nobody holds it, or this very tab does. */
function leaseFree(portal: PortalStateRecord, tabId: number | undefined, now: number): boolean {
  // The tab holding the lease may have moved to another page before it finished: it may ask again.
  return (
    now - portal.discoveryLeaseAt > DISCOVERY_LEASE_MS || (tabId !== undefined && tabId === portal.discoveryLeaseTab)
  );
}

/**
 * What this tab should read for discovery now, if anything: then it holds the lease.
 * Only a webmail page that did not just report a discovery is asked.
 */
export function leaseDiscovery(
  state: StoredState,
  observation: Observation,
  identity: ActiveIdentity,
  now: number,
): PortalView['discovery'] {
  const { portal } = state;
  const { reading, tabId } = observation;
  if (reading.kind !== 'webmail' || observation.discovered) return null;
  if (!discoveryWanted(portal, observation, identity, now)) return null;
  const targets = discoveryTargets(state, observation.pageOrigin);
  if (targets === null || !leaseFree(portal, tabId, now)) return null;
  portal.discoveryLeaseAt = now;
  portal.discoveryLeaseTab = tabId ?? null;
  return targets;
}
