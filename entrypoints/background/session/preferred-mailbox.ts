/**
 * The switches the extension makes on its own, never more than once. After a login,
 * to the preferred mailbox (the user's choice, else the portal's default account), on
 * the first webmail page that can tell, unless the user switched first: the portal
 * opens whichever account it likes (the first-login quirk). In a tab opened from a
 * notification, to that notification's mailbox. Pure functions over the stored state,
 * with the clock passed in.
 */

import type { PortalStateRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { fold } from '@/utils/portal/text';
import type { PageReadingPayload, PortalView } from '@/utils/protocol/shapes';
import type { ActiveIdentity } from './mailbox-identity';
import { sessionMailboxes } from './mailboxes';

/** The user's preferred mailbox, else the portal's default account, among this login's accounts. */
export function preferredMailbox(state: StoredState): string | null {
  const mine = sessionMailboxes(state);
  const chosen = state.settings.preferredMailbox;
  if (chosen && mine.some((m) => m.address === chosen)) return chosen;
  return mine.find((m) => m.portalDefault === true)?.address ?? null;
}

/** The label changed since the first page after login: the user switched on their own. Leave it. */
function noticeOwnSwitch(portal: PortalStateRecord, label: string): void {
  const shown = fold(label);
  if (portal.loginFirstLabel === null) portal.loginFirstLabel = shown;
  else if (portal.loginFirstLabel !== shown) portal.pendingLogin = false;
}

/**
 * The preferred mailbox, once per login, on the first webmail page that can tell: as
 * soon as it is known, or known to be none (the account page was read since the login,
 * or there is none to read).
 */
export function switchToPreferred(
  state: StoredState,
  reading: PageReadingPayload,
  identity: ActiveIdentity,
  now: number,
): PortalView['switchNow'] {
  const { portal } = state;
  if (!portal.pendingLogin || reading.kind !== 'webmail' || !reading.label) return null;
  noticeOwnSwitch(portal, reading.label.text);
  if (!portal.pendingLogin) return null;
  const preferred = preferredMailbox(state);
  const discoveredSinceLogin = portal.lastDiscoveryAt >= portal.loginAt;
  if (!preferred && !discoveredSinceLogin && portal.manageUrl) return null;
  portal.pendingLogin = false;
  if (!preferred || preferred === identity.address || portal.expectedSwitch) return null;
  portal.expectedSwitch = { address: preferred, at: now };
  return { address: preferred, reason: 'preferred' };
}

/** A tab opened from a notification: its first webmail page switches to that mailbox. */
export function switchFromNotification(
  portal: PortalStateRecord,
  reading: PageReadingPayload,
  identity: ActiveIdentity,
  tabId: number | undefined,
  now: number,
): PortalView['switchNow'] {
  const pending = portal.pendingSwitch;
  if (!pending || reading.kind !== 'webmail' || !reading.label || tabId !== pending.tabId) return null;
  portal.pendingSwitch = null;
  if (pending.address === identity.address) return null;
  portal.expectedSwitch = { address: pending.address, at: now };
  return { address: pending.address, reason: 'notification' };
}
