/**
 * Driving the background's checks from a test: « Vérifier maintenant » from the popup,
 * and the notifications Chromium shows (Firefox headless reports none: its tests read
 * the notification log, in the overview, instead).
 */
import type { Page } from 'puppeteer';
import type { Overview } from '../../utils/protocol/messages';
import { type ExtensionBrowser, inServiceWorker } from './browsers';
import { ask } from './extension-pages';

export const overview = (popup: Page) => ask<Overview>(popup, 'ui:overview');

/**
 * « Vérifier maintenant »: a real click in Chromium; in Firefox, whose BiDi loses track
 * of a page that went to an extension URL, the same message the button sends.
 */
export async function pollNow(instance: ExtensionBrowser, popup: Page): Promise<void> {
  if (instance.name === 'firefox') {
    await ask(popup, 'ui:poll-now');
    return;
  }
  await popup.waitForSelector('[data-action="check-now"]:not([disabled])');
  await popup.click('[data-action="check-now"]');
  await popup.waitForFunction(() => !document.querySelector('[data-action="check-now"]')?.hasAttribute('disabled'), {
    polling: 100,
    timeout: 30_000,
  });
}

/** The ids of the notifications Chromium shows now. */
export async function chromiumNotificationIds(instance: ExtensionBrowser): Promise<string[]> {
  return inServiceWorker(instance, async () => {
    const api = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } })
      .chrome;
    return Object.keys(await api.notifications.getAll());
  });
}
