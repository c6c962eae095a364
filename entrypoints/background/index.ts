/**
 * The background: wiring only, inside `main()` as WXT requires. It owns the database
 * (storage/store.ts, the organisation's policy enforced by the step policy/ hands it),
 * answers the content scripts and the extension's pages (messaging/), runs the polls on
 * an alarm (polling/poll-runner.ts), tells the news (announce/: notifications, sound,
 * badge, the pause and its alarm), and relays the keyboard shortcut (shortcut.ts) and
 * notification clicks to portal tabs.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listenToAlarms, schedulePauseEnd, schedulePoll } from '@/entrypoints/background/alarms';
import { createAnnouncer } from '@/entrypoints/background/announce/announcer';
import { localMinuteOfDay } from '@/entrypoints/background/announce/held-news';
import { listenToNotificationClicks } from '@/entrypoints/background/announce/notifications';
import { createPortalSupport } from '@/entrypoints/background/compatibility/support';
import { createTabPageReader } from '@/entrypoints/background/compatibility/tab-page';
import { createSenderFilter } from '@/entrypoints/background/messaging/allowed-senders';
import { createContentHandlers } from '@/entrypoints/background/messaging/content-handlers';
import { createMessageRouter } from '@/entrypoints/background/messaging/router';
import { createUiHandlers } from '@/entrypoints/background/messaging/ui-handlers';
import { createExtraPortals } from '@/entrypoints/background/policy/extra-portals';
import { followManagedPolicy } from '@/entrypoints/background/policy/managed-storage';
import { pauseLimits } from '@/entrypoints/background/policy/policy';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import { createHtmlReader, createPageInspector } from '@/entrypoints/background/polling/html-reader';
import { createPollRunner } from '@/entrypoints/background/polling/poll-runner';
import { createPortalPageFetcher } from '@/entrypoints/background/polling/portal-page-fetcher';
import { createPortalTabs } from '@/entrypoints/background/portal-tabs';
import { releaseDiscoveryLease } from '@/entrypoints/background/session/discovery';
import { listenToShortcut } from '@/entrypoints/background/shortcut';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { log } from '@/utils/log';
import { QUICK_PAUSE_MINUTES } from '@/utils/pause';
import { portalMatchesOf } from '@/utils/portal-origins';
import { backgroundToOffscreen, type UiOrder } from '@/utils/protocol/messages';

export default defineBackground(() => {
  const manifest = browser.runtime.getManifest();
  const policy = new PolicyInForce();
  const store = new Store(new RepereDb(), Date.now, policy.enforce);
  const extraPortals = createExtraPortals();
  const portalMatches = () => [...portalMatchesOf(manifest), ...extraPortals.granted()];
  const tabs = createPortalTabs(portalMatches, store, Date.now);
  const announcer = createAnnouncer(() => pauseLimits(policy.current));
  // One reader of portal HTML for the polls and the menu's pages a tab fetched (in Chrome, the offscreen document).
  const readHtml = createHtmlReader();
  const runner = createPollRunner(
    store,
    { now: Date.now, random: Math.random, minuteOfDay: localMinuteOfDay },
    {
      portalMatches,
      fetchText: createPortalPageFetcher(portalMatches),
      readHtml,
      announce: announcer.announce,
      showBadge: announcer.showBadge,
      schedule: schedulePoll,
      schedulePauseEnd,
      idleState: () => browser.idle.queryState(60),
    },
  );

  /** The extension's open pages (popup, options) ask again for what they show. */
  const notifyPages = async () => {
    const order: UiOrder = { name: 'to-ui:data-changed', payload: {} };
    await browser.runtime.sendMessage(order).catch(() => {
      // No page open to hear it.
    });
  };
  /** After a change made in a page or by the policy: banners, other pages, badge and alarms follow. */
  const changed = async () => {
    await tabs.notifyAll(null);
    await notifyPages();
    await runner.sync();
  };

  // Answers wait for the policy: managed values must win from the first message on.
  const ready = followManagedPolicy({ policy, store, extraPortals, changed });

  const router = createMessageRouter(
    {
      ...createContentHandlers({
        store,
        policy,
        readHtml,
        now: Date.now,
        version: manifest.version,
        portalMatches,
        notifyPortalTabs: (exceptTabId) => {
          tabs.notifyAll(exceptTabId).catch((error: unknown) => log.warn('onglets du portail introuvables :', error));
        },
        notifyPages: () => void notifyPages(),
        announce: announcer.announce,
        syncPolls: () => runner.sync(),
      }),
      ...createUiHandlers({
        store,
        policy,
        runner,
        now: Date.now,
        version: manifest.version,
        language: () => browser.i18n.getUILanguage(),
        openMailbox: (address) => tabs.focus(address),
        portalMatches,
        changed,
        extraPortals,
        support: createPortalSupport(store, {
          portalMatches,
          tabPage: createTabPageReader(portalMatches),
          fetchText: createPortalPageFetcher(portalMatches),
          inspect: createPageInspector(),
          now: Date.now,
        }),
      }),
    },
    createSenderFilter({
      extensionId: browser.runtime.id,
      // The background runs in the extension's origin (service worker or event page).
      extensionBaseUrl: new URL('/', self.location.href).href,
      portalMatches,
    }),
    (reason) => log.warn(reason),
  );
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // The background's own requests to its offscreen document are not for the router.
    const name = (message as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && Object.hasOwn(backgroundToOffscreen, name)) return undefined;
    return ready.then(() => router(message, sender));
  });

  // A tab closed while it read the menu's pages: another may read them now.
  browser.tabs.onRemoved.addListener((tabId) => {
    store
      .update((state) => releaseDiscoveryLease(state, tabId))
      .catch((error: unknown) => log.warn('bail de découverte :', error));
  });

  listenToAlarms({ poll: () => runner.poll('alarm'), endPause: () => runner.endPause('time').then(changed) });
  // After a restart of the browser or of the service worker: badge and alarm as stored.
  runner.sync().catch((error: unknown) => log.error('reprise :', error));
  listenToNotificationClicks({
    open: (address) => tabs.focus(address),
    // The policy's limits apply, as in the panel.
    pauseAnHour: () => runner.pause(QUICK_PAUSE_MINUTES, pauseLimits(policy.current)).then(changed),
  });
  listenToShortcut(tabs);
});
