/**
 * What a portal tab's banner shows, put together from what the other modules of the
 * session decided: the active mailbox (its name, colours, whether sending asks
 * first), the login's other mailboxes to switch to, whether the tab is stale or a
 * switch failed, the frame to read with, and the banner's own setting (collapsed).
 * A page that cannot be told from look-alikes, or read before any frame is learnt
 * (`unsure`), offers no switch.
 */

import { isSettingLocked, lockedMailboxFields } from '@/entrypoints/background/policy/policy';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { textOn } from '@/utils/colours';
import type { PortalView } from '@/utils/protocol/shapes';
import { failedSwitchShown, staleMailbox } from './active-mailbox';
import { frameFor } from './discovery';
import type { ActiveIdentity } from './mailbox-identity';
import { confirmsBeforeSend, defaultColour, displayName, mailboxViewOf, sessionMailboxes } from './mailboxes';
import type { Observation } from './observation-types';

/** What the banner shows for the page observed; `extras`: what this page is asked to do now. */
export function buildView(
  state: StoredState,
  identity: ActiveIdentity,
  observation: Observation,
  extras: Pick<PortalView, 'switchNow' | 'discovery'>,
  now: number,
): PortalView {
  const { reading, policy = null } = observation;
  const unsure = reading.kind === 'webmail' && (reading.trust === 'unsure' || reading.trust === 'unlearnt');
  const frame = frameFor(state.portal, observation.pageOrigin);
  const mailbox = identity.address ? state.mailboxes.find((m) => m.address === identity.address) : undefined;
  const colour = mailbox?.colour ?? defaultColour(identity.kind, []);
  return {
    page: reading.kind,
    active: {
      kind: reading.kind === 'webmail' ? identity.kind : 'unknown',
      address: reading.kind === 'webmail' ? identity.address : null,
      name: mailbox ? displayName(mailbox) : (reading.label?.text ?? null),
      colour,
      textColour: textOn(colour),
      confirmBeforeSend: confirmsBeforeSend(mailbox?.confirmBeforeSend, identity.kind),
      confirmLocked:
        identity.address !== null &&
        lockedMailboxFields(policy, identity.address, state.portal.loginAddress).includes('confirmBeforeSend'),
    },
    // A page that cannot be told from look-alikes offers no switch: nothing on it is believed.
    others: unsure
      ? []
      : sessionMailboxes(state)
          .filter((m) => m.address !== identity.address)
          .map(mailboxViewOf),
    collapsed: state.settings.bannerCollapsed,
    collapseLocked: isSettingLocked(policy, 'bannerCollapsed'),
    unsure,
    frameUnknown: unsure && frame === null,
    frame,
    stale: staleMailbox(state, reading, identity, observation.observedAt),
    switchFailed: failedSwitchShown(state, now),
    ...extras,
  };
}

export function setBannerCollapsed(state: StoredState, collapsed: boolean): { state: StoredState; result: null } {
  state.settings.bannerCollapsed = collapsed;
  return { state, result: null };
}
