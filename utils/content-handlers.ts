/**
 * The background's answers to the content script: each message is validated by the
 * router before it gets here, and every change goes through the store in one
 * transaction. Other portal tabs are told when the active mailbox changes.
 */
import { t } from './i18n';
import type { MessageHandlers } from './messages';
import { collectRises, localMinuteOfDay, type ShownNotification } from './notifier';
import { pauseOnLoginPage, resumeOnLiveSession } from './poller';
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
  /** Shows what a page's counts made news, and puts the badge and the next check in line. */
  reflect: (notifications: ShownNotification[]) => Promise<void>;
}

export function createContentHandlers({
  store,
  now,
  version,
  notifyPortalTabs,
  reflect,
}: ContentHandlerDeps): ContentHandlers {
  const ok = { ok: true as const };
  return {
    'content:hello': async (_payload, sender) => {
      const settings = await store.settings();
      return {
        version,
        tabId: sender.tab?.id ?? null,
        profile: settings.profileOverride ?? DEFAULT_PROFILE,
        collapsed: settings.bannerCollapsed,
        checkingText: t('bannerChecking'),
      };
    },
    'content:page-seen': async (payload, sender) => {
      const tabId = sender.tab?.id;
      const at = now();
      const { result } = await store.update((state) => {
        const { result: outcome } = applyObservation(state, { ...payload, tabId }, at);
        // Counts read in open tabs are news too (a chooser without counts leaves only them).
        const notifications = collectRises(state, at, localMinuteOfDay(at));
        const { kind, label } = payload.reading;
        if (kind === 'webmail' && label) resumeOnLiveSession(state, at);
        if (kind === 'login') pauseOnLoginPage(state, at);
        return { state, result: { ...outcome, notifications }, logged: notifications.map((n) => n.log) };
      });
      if (result.activeChanged || result.othersChanged) notifyPortalTabs(tabId ?? null);
      await reflect(result.notifications);
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
