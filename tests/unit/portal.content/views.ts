/** Banner views for unit tests: a service mailbox (« Secrétariat de cardiologie ») unless told otherwise. */
import { vi } from 'vitest';
import type { BannerActions } from '@/entrypoints/portal.content/ui/Banner';
import { SERVICE_PALETTE } from '@/utils/colours';
import type { MailboxView, PortalView } from '@/utils/protocol/shapes';

export function otherMailbox(i: number, extra: Partial<MailboxView> = {}): MailboxView {
  return {
    address: `service${i}@chu.fr`,
    name: `Service ${i}`,
    kind: 'organisational',
    colour: SERVICE_PALETTE[i % SERVICE_PALETTE.length] as string,
    textColour: '#111111',
    unread: i,
    ...extra,
  };
}

/** Banner actions that record their calls. */
export function bannerActions(): BannerActions {
  return {
    switchTo: vi.fn(),
    setCollapsed: vi.fn(),
    setSwitcherOpen: vi.fn(),
    reload: vi.fn(),
    retry: vi.fn(),
    dismissError: vi.fn(),
    confirmSend: vi.fn(),
    cancelSend: vi.fn(),
  };
}

export function portalView(active: Partial<PortalView['active']> = {}, extra: Partial<PortalView> = {}): PortalView {
  return {
    page: 'webmail',
    active: {
      kind: 'organisational',
      address: 'cardio@chu.fr',
      name: 'Secrétariat de cardiologie',
      colour: SERVICE_PALETTE[0],
      textColour: '#FFFFFF',
      confirmBeforeSend: true,
      confirmLocked: false,
      ...active,
    },
    others: [otherMailbox(1)],
    collapsed: false,
    collapseLocked: false,
    unsure: false,
    frameUnknown: false,
    frame: null,
    stale: null,
    switchFailed: null,
    switchNow: null,
    discovery: null,
    ...extra,
  };
}
