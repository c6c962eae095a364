/** The background: wiring only. It answers the content script and the extension's pages. */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { log } from '@/utils/log';
import { createMessageRouter, type MessageHandlers } from '@/utils/messages';
import { portalMatchesOf } from '@/utils/portal-origins';
import { createSenderCheck } from '@/utils/sender-check';

export default defineBackground(() => {
  const manifest = browser.runtime.getManifest();
  const handlers: MessageHandlers = {
    'content:hello': async (_payload, sender) => ({
      version: manifest.version,
      tabId: sender.tab?.id ?? null,
    }),
  };
  const router = createMessageRouter(
    handlers,
    createSenderCheck({
      extensionId: browser.runtime.id,
      // The background runs in the extension's origin (service worker or event page).
      extensionBaseUrl: new URL('/', self.location.href).href,
      portalMatches: portalMatchesOf(manifest),
    }),
    (reason) => log.warn(reason),
  );
  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
});
