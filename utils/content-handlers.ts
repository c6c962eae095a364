/**
 * The background's answers to the content script: each message is validated by the
 * router before it gets here, and every change goes through the store in one
 * transaction. Other portal tabs are told when the active mailbox changes.
 */
import type { MessageHandlers } from './messages';
import { DEFAULT_PROFILE } from './portal/profile';
import {
  applyObservation,
  recordLogin,
  recordSwitchRequest,
  setBannerCollapsed,
  setConfirmBeforeSend,
} from './portal-session';
import type { Store } from './store';

type ContentHandlers = Pick<MessageHandlers, Extract<keyof MessageHandlers, `content:${string}`>>;

export interface ContentHandlerDeps {
  store: Store;
  now: () => number;
  version: string;
  /** Tells the content scripts of portal tabs (but `exceptTabId`) that something changed. */
  notifyPortalTabs: (exceptTabId: number | null) => void;
}

export function createContentHandlers({ store, now, version, notifyPortalTabs }: ContentHandlerDeps): ContentHandlers {
  const ok = { ok: true as const };
  return {
    'content:hello': async (_payload, sender) => {
      const { settings } = await store.read();
      return {
        version,
        tabId: sender.tab?.id ?? null,
        profile: settings.profileOverride ?? DEFAULT_PROFILE,
        collapsed: settings.bannerCollapsed,
      };
    },
    'content:page-seen': async (payload, sender) => {
      const tabId = sender.tab?.id;
      const { result } = await store.update((state) => applyObservation(state, { ...payload, tabId }, now()));
      if (result.activeChanged || result.othersChanged) notifyPortalTabs(tabId ?? null);
      return result.view;
    },
    'content:login-submitted': async ({ address }) => {
      await store.update((state) => recordLogin(state, address, now()));
      return ok;
    },
    'content:switch-requested': async ({ address }) => {
      await store.update((state) => recordSwitchRequest(state, address, now()));
      return ok;
    },
    'content:set-confirm-before-send': async ({ address, confirm }) => {
      await store.update((state) => setConfirmBeforeSend(state, address, confirm));
      return ok;
    },
    'content:set-banner-collapsed': async ({ collapsed }, sender) => {
      await store.update((state) => setBannerCollapsed(state, collapsed));
      notifyPortalTabs(sender.tab?.id ?? null);
      return ok;
    },
  };
}
