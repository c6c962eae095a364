/**
 * The background: wiring only. It owns the database (utils/store.ts), answers the
 * content scripts (utils/content-handlers.ts) and relays the keyboard shortcut.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createContentHandlers } from '@/utils/content-handlers';
import { RepereDb } from '@/utils/db';
import { log } from '@/utils/log';
import type { BackgroundToContent } from '@/utils/message-client';
import { createMessageRouter } from '@/utils/messages';
import { portalMatchesOf } from '@/utils/portal-origins';
import { createSenderCheck } from '@/utils/sender-check';
import { Store } from '@/utils/store';

export const OPEN_SWITCHER_COMMAND = 'open-switcher';

export default defineBackground(() => {
  const manifest = browser.runtime.getManifest();
  const portalMatches = portalMatchesOf(manifest);
  const store = new Store(new RepereDb());

  const portalTabs = () => browser.tabs.query({ url: portalMatches });
  const tell = (tabId: number, message: BackgroundToContent) =>
    browser.tabs.sendMessage(tabId, message).catch(() => {
      // A tab still loading, or whose content script was not injected: it reads the page itself.
    });

  const handlers = createContentHandlers({
    store,
    now: Date.now,
    version: manifest.version,
    notifyPortalTabs: (exceptTabId) => {
      portalTabs().then(
        (tabs) => {
          for (const tab of tabs)
            if (tab.id !== undefined && tab.id !== exceptTabId) tell(tab.id, { name: 'background:portal-changed' });
        },
        (error: unknown) => log.warn('onglets du portail introuvables :', error),
      );
    },
  });
  const router = createMessageRouter(
    handlers,
    createSenderCheck({
      extensionId: browser.runtime.id,
      // The background runs in the extension's origin (service worker or event page).
      extensionBaseUrl: new URL('/', self.location.href).href,
      portalMatches,
    }),
    (reason) => log.warn(reason),
  );
  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));

  // The keyboard shortcut opens the switcher in the portal tab (the current one, else the first).
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_SWITCHER_COMMAND) return;
    const tabs = await portalTabs();
    const [current] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const target = tabs.find((tab) => tab.id === current?.id) ?? tabs[0];
    if (target?.id === undefined) return;
    await browser.tabs.update(target.id, { active: true });
    if (target.windowId !== undefined) await browser.windows.update(target.windowId, { focused: true });
    await tell(target.id, { name: 'background:open-switcher' });
  });
});
