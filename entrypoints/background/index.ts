/**
 * The background: wiring only. It owns the database (entrypoints/background/storage/store.ts), answers the
 * content scripts and the extension's pages, runs the checks on an alarm
 * (entrypoints/background/checks/check-runner.ts), shows notifications (with the new-mail sound, sound.ts)
 * and the badge, ends the pause of the announcements on its alarm, and relays the keyboard shortcut
 * and notification clicks to portal tabs (a notification's « Pause 1 h » button pauses).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Badge } from '@/entrypoints/background/checks/badge';
import { createPollRunner } from '@/entrypoints/background/checks/check-runner';
import { createHtmlReader, createPageInspector } from '@/entrypoints/background/checks/html-reader';
import {
  addressOfNotification,
  localMinuteOfDay,
  SESSION_EXPIRED_NOTIFICATION,
  type ShownNotification,
} from '@/entrypoints/background/checks/new-mail';
import { offersPause, QUICK_PAUSE_MINUTES } from '@/entrypoints/background/checks/pause';
import { createPortalPageFetcher } from '@/entrypoints/background/checks/portal-page-fetcher';
import { createPortalSupport } from '@/entrypoints/background/compatibility/support';
import { createTabPageReader } from '@/entrypoints/background/compatibility/tab-page';
import { createContentHandlers } from '@/entrypoints/background/messaging/content-handlers';
import { createMessageRouter } from '@/entrypoints/background/messaging/router';
import { createSenderCheck } from '@/entrypoints/background/messaging/sender-check';
import { createUiHandlers } from '@/entrypoints/background/messaging/ui-handlers';
import { createExtraPortals } from '@/entrypoints/background/policy/extra-portals';
import { pauseLimits, readPolicy } from '@/entrypoints/background/policy/policy';
import { createPortalTabs } from '@/entrypoints/background/portal-tabs';
import { releaseDiscoveryLease } from '@/entrypoints/background/session/discovery';
import { createSoundPlayer } from '@/entrypoints/background/sound';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { t } from '@/utils/i18n';
import { log } from '@/utils/log';
import { portalMatchesOf } from '@/utils/portal-origins';
import { backgroundToOffscreen, type UiOrder } from '@/utils/protocol/messages';

export const OPEN_SWITCHER_COMMAND = 'open-switcher';
const POLL_ALARM = 'repere-bal:poll';
const PAUSE_ALARM = 'repere-bal:pause-end';
/** Firefox's notifications have no buttons (it refuses a notification that asks for some). */
const NOTIFICATION_BUTTONS = !import.meta.env.FIREFOX;

/** The toolbar button's API: `action` (MV3) or `browserAction` (Firefox MV2). */
type ToolbarButton = {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
};

/** A file of the extension (icons come from the auto-icons module, outside WXT's typed paths). */
function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

export default defineBackground(() => {
  const manifest = browser.runtime.getManifest();
  const store = new Store(new RepereDb());
  const extraPortals = createExtraPortals();
  const portalMatches = () => [...portalMatchesOf(manifest), ...extraPortals.granted()];
  const tabs = createPortalTabs(portalMatches, store, Date.now);
  const toolbar = ((browser as unknown as { action?: ToolbarButton }).action ??
    (browser as unknown as { browserAction: ToolbarButton }).browserAction) as ToolbarButton;

  const playSound = createSoundPlayer();
  const show = async (notification: ShownNotification) => {
    // Logged in the database with the decision; here only the counts and the mailbox are said.
    log.info('notification :', notification.log.kind, notification.log.address ?? '', notification.log.count);
    const pause = offersPause(notification, pauseLimits(store.policy), NOTIFICATION_BUTTONS);
    await browser.notifications
      .create(notification.notificationId, {
        type: 'basic',
        iconUrl: extensionUrl('/icons/128.png'),
        title: notification.title,
        message: notification.message,
        // Chrome's buttons: never passed to Firefox, which refuses them.
        ...(pause && { buttons: [{ title: t('notifyPauseButton') }] }),
      })
      .catch((error: unknown) => log.warn('notification impossible :', error));
    // Never holds up the check that showed it; never throws (sound.ts logs what went wrong).
    if (notification.log.sound) void playSound();
  };
  const showBadge = async (badge: Badge) => {
    await toolbar.setBadgeText({ text: badge.text });
    await toolbar.setBadgeBackgroundColor({ color: badge.colour });
    await toolbar.setTitle({ title: badge.title });
  };
  // One reader of portal HTML for the checks and the menu's pages a tab fetched (in Chrome, the offscreen document).
  const readHtml = createHtmlReader();
  const runner = createPollRunner(
    store,
    { now: Date.now, random: Math.random, minuteOfDay: localMinuteOfDay },
    {
      portalMatches,
      fetchText: createPortalPageFetcher(portalMatches),
      readHtml,
      show,
      showBadge,
      schedule: async (when) => {
        if (when === null) await browser.alarms.clear(POLL_ALARM);
        else await browser.alarms.create(POLL_ALARM, { when });
      },
      schedulePauseEnd: async (when) => {
        if (when === null) await browser.alarms.clear(PAUSE_ALARM);
        else await browser.alarms.create(PAUSE_ALARM, { when });
      },
      idleState: () => browser.idle.queryState(60),
    },
  );

  // The organisation's policy: read now and whenever IT changes it; managed values win.
  // The store keeps it (it writes it over every change), refused or not.
  const applyPolicy = async () => {
    const managed = await browser.storage.managed.get().catch(() => ({}));
    const reading = readPolicy(managed, browser.i18n.getUILanguage());
    store.adoptPolicy(reading);
    if (!reading.ok) log.warn('politique refusée :', reading.reason);
    else if (reading.refused.length > 0) log.warn('valeurs de la politique refusées :', store.policyStatus.reason);
    // Managed values are written over the stored ones now (and with every later change).
    if (store.policy) await store.update((state) => ({ state, result: null }));
    await extraPortals.sync(store.policy?.portalOrigins ?? []);
  };

  /** The extension's open pages (popup, options) ask again for what they show. */
  const notifyPages = async () => {
    const order: UiOrder = { name: 'to-ui:data-changed', payload: {} };
    await browser.runtime.sendMessage(order).catch(() => {
      // No page open to hear it.
    });
  };

  /** After a change made in a page: banners, other pages, badge and alarms follow. */
  const changed = async () => {
    await tabs.notifyAll(null);
    await notifyPages();
    await runner.sync();
  };

  const contentHandlers = createContentHandlers({
    store,
    readHtml,
    now: Date.now,
    version: manifest.version,
    portalMatches,
    notifyPortalTabs: (exceptTabId) => {
      tabs.notifyAll(exceptTabId).catch((error: unknown) => log.warn('onglets du portail introuvables :', error));
    },
    notifyPages: () => void notifyPages(),
    reflect: async (notifications) => {
      for (const notification of notifications) await show(notification);
      await runner.sync();
    },
  });
  const router = createMessageRouter(
    {
      ...contentHandlers,
      ...createUiHandlers({
        store,
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
    createSenderCheck({
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
    // Answers wait for the policy: managed values must win from the first message on.
    return ready.then(() => router(message, sender));
  });

  const ready = applyPolicy().catch((error: unknown) => log.error('politique :', error));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyPolicy().then(changed);
  });
  browser.permissions.onAdded.addListener(() => void extraPortals.sync(store.policy?.portalOrigins ?? []));
  browser.permissions.onRemoved.addListener(() => void extraPortals.sync(store.policy?.portalOrigins ?? []));

  // A tab closed while it read the menu's pages: another may read them now.
  browser.tabs.onRemoved.addListener((tabId) => {
    store
      .update((state) => releaseDiscoveryLease(state, tabId))
      .catch((error: unknown) => log.warn('bail de découverte :', error));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) runner.check('alarm').catch((error: unknown) => log.error('vérification :', error));
    if (alarm.name === PAUSE_ALARM) {
      runner
        .endPause('time')
        .then(changed)
        .catch((error: unknown) => log.error('fin de la pause :', error));
    }
  });
  // After a restart of the browser or of the service worker: badge and alarm as stored.
  runner.sync().catch((error: unknown) => log.error('reprise :', error));

  browser.notifications.onClicked.addListener((notificationId) => {
    const address = addressOfNotification(notificationId);
    if (address === null && notificationId !== SESSION_EXPIRED_NOTIFICATION) return;
    browser.notifications.clear(notificationId).catch(() => {});
    tabs.focus(address).catch((error: unknown) => log.warn('ouverture du portail :', error));
  });

  // Chrome: a new-mail notification's « Pause 1 h » (the policy's limits apply, as in the panel).
  browser.notifications.onButtonClicked?.addListener((notificationId, buttonIndex) => {
    if (addressOfNotification(notificationId) === null || buttonIndex !== 0) return;
    browser.notifications.clear(notificationId).catch(() => {});
    runner
      .pause(QUICK_PAUSE_MINUTES, pauseLimits(store.policy))
      .then(changed)
      .catch((error: unknown) => log.warn('pause impossible :', error));
  });

  // The keyboard shortcut opens the switcher in the portal tab (the current one, else the first).
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_SWITCHER_COMMAND) return;
    const portal = await tabs.all();
    const [current] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const target = portal.find((tab) => tab.id === current?.id) ?? portal[0];
    if (target?.id === undefined) return;
    await browser.tabs.update(target.id, { active: true });
    if (target.windowId !== undefined) await browser.windows.update(target.windowId, { focused: true });
    await tabs.tell(target.id, { name: 'to-content:open-switcher', payload: {} });
  });
});
