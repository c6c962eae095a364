/**
 * The content script on the portal: wiring only. It starts at document_start so the
 * banner is there at first paint and the send guard stands before the first click.
 * Each capability lives in its own file (see FEATURES) and cleans up with the script's
 * lifetime (lifetime.ts), which, unlike WXT's context, a page script cannot end.
 * Nothing here may throw into the page: failures become banner messages.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { BannerActions } from '@/entrypoints/portal.content/ui/Banner';
import { t } from '@/utils/i18n';
import { log } from '@/utils/log';
import { OWN_ATTRIBUTE_PREFIX } from '@/utils/portal/own-marks';
import { PORTAL_MATCHES } from '@/utils/portal-origins';
import { sendToBackground } from '@/utils/protocol/client';
import type { PortalView } from '@/utils/protocol/shapes';
import { listenToBackground } from './background-orders';
import { mountBanner } from './banner';
import { discoverAccounts, handOverMenuPagesBeforeFrame } from './discovery';
import { createLifetime, type Lifetime } from './lifetime';
import { type PageWatcher, watchPage } from './page-watcher';
import { applySwitchNow, watchLogins } from './preferred-mailbox';
import { installSendGuard } from './send-guard';
import { createSwitcher } from './switcher';
import { markTab } from './tab-marker';
import { createTabState } from './tab-state';

/** Set on <html> once the background has answered: tests and diagnostics read it. */
export const CONNECTED_ATTRIBUTE = OWN_ATTRIBUTE_PREFIX;

/** The capabilities, by file (a repository test checks that each is wired and documented). */
export const FEATURES = [
  'banner',
  'page-watcher',
  'switcher',
  'send-guard',
  'preferred-mailbox',
  'discovery',
  'tab-marker',
] as const;

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_start',
  // WXT's legacy window.postMessage would reach the portal's own message listeners.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    try {
      await parserUnderWay();
      await start(createLifetime(ctx));
    } catch (error) {
      log.error('démarrage impossible :', error);
    }
  },
});

/**
 * At document_start the portal's parser waits for this script, and so does every request
 * it has not made yet (its styles and scripts: at 150 ms of latency, that wait is added to
 * the page's load). So the work begins in the next task, the parser under way: still
 * long before the page can be painted or clicked (until its first paint the browser
 * shows the previous page) and before DOMContentLoaded (`npm run bench` counts it).
 */
function parserUnderWay(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function start(lifetime: Lifetime): Promise<void> {
  const tab = createTabState();
  const hello = sendToBackground('content:hello', { url: location.href });
  const guard = installSendGuard(lifetime, tab);
  let watcher: PageWatcher | null = null;
  let shadow: ShadowRoot | null = null;
  const switcher = createSwitcher(lifetime, tab, () => shadow ?? document.documentElement);

  const setCollapsed = (collapsed: boolean) => {
    const view = tab.get().view;
    tab.set({ collapsedHint: collapsed, view: view ? { ...view, collapsed } : view });
    void sendToBackground('content:set-banner-collapsed', { collapsed });
  };
  const actions: BannerActions = {
    switchTo: (address) => void switcher.switchTo(address),
    retry: (address) => void switcher.switchTo(address),
    setCollapsed,
    setSwitcherOpen: (open) => tab.set({ switcherOpen: open }),
    reload: () => location.reload(),
    dismissError: () => tab.set({ error: null }),
    confirmSend: (silence) => guard.confirm(silence),
    cancelSend: () => guard.cancel(),
  };
  shadow = mountBanner(lifetime, tab, actions);
  markTab(lifetime, tab);
  watchLogins(lifetime, tab);

  const reply = await hello;
  if (lifetime.isInvalid) return;
  if (!reply.ok) {
    tab.set({ error: t('errorBackground') });
    log.warn('le service d’arrière-plan ne répond pas :', reply.error);
    return;
  }
  const { profile, frame, collapsed, checkingText } = reply.value;
  tab.set({ profile, frame, collapsedHint: collapsed, checkingText });
  document.documentElement.setAttribute(CONNECTED_ATTRIBUTE, reply.value.version);

  // Before any frame, this page may be one of the menu's own pages: it is read once to learn the frame.
  let learning = false;
  const onView = (view: PortalView) => {
    const { activity } = tab.get();
    const landed = activity && (view.active.address === activity.address || view.switchFailed);
    const frameChanged = JSON.stringify(view.frame) !== JSON.stringify(tab.get().frame);
    tab.set({ view, frame: view.frame, ...(landed ? { activity: null } : {}) });
    // A frame learnt (or changed) since this page was read: read it again with it.
    if (frameChanged) watcher?.reread();
    applySwitchNow(view, switcher);
    if (view.discovery && watcher) void discoverAccounts(watcher, view.discovery);
    else if (view.frameUnknown && tab.get().reading?.menuPage && watcher && !learning) {
      learning = true;
      void handOverMenuPagesBeforeFrame(tab, watcher);
    }
  };
  watcher = watchPage(lifetime, tab, onView);

  listenToBackground(lifetime, {
    'to-content:portal-changed': () => void watcher?.refresh(),
    'to-content:switch-to': ({ address }) => void switcher.switchTo(address),
    'to-content:open-switcher': () => {
      if (tab.get().view?.collapsed) setCollapsed(false);
      tab.set({ switcherOpen: true });
      shadow?.querySelector<HTMLElement>('[data-switch-to], .menu-button')?.focus();
    },
  });
  lifetime.onInvalidated(() => document.documentElement.removeAttribute(CONNECTED_ATTRIBUTE));
}
