/**
 * The browser's notifications: a decided notification (new-mail.ts) shown, with its
 * sound when it asks for one (sound.ts), and with « Pause 1 h » where the browser and
 * the policy allow it (pause.ts `offersPause`); and what a click on one does. Firefox's
 * notifications have no buttons, so it is never asked for any.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { log } from '@/utils/log';
import { addressOfNotification, SESSION_EXPIRED_NOTIFICATION, type ShownNotification } from './new-mail';
import { offersPause, type PauseLimits } from './pause';
import type { SoundPlayer } from './sound';

/** Firefox's notifications have no buttons (it refuses a notification that asks for some). */
const NOTIFICATION_BUTTONS = !import.meta.env.FIREFOX;

/** A file of the extension (icons come from the auto-icons module, outside WXT's typed paths). */
function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

/** Shows one notification; never throws, never waits for its sound. */
export function createNotificationShower(
  pauseLimits: () => PauseLimits,
  playSound: SoundPlayer,
): (notification: ShownNotification) => Promise<void> {
  return async (notification) => {
    // Logged in the database with the decision; here only the counts and the mailbox are said.
    log.info('notification :', notification.log.kind, notification.log.address ?? '', notification.log.count);
    const pause = offersPause(notification, pauseLimits(), NOTIFICATION_BUTTONS);
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
    // Never holds up the poll that showed it; never throws (sound.ts logs what went wrong).
    if (notification.log.sound) void playSound();
  };
}

export interface NotificationClicks {
  /** Opens the portal on this mailbox (null: on the login page, the session having expired). */
  open(address: string | null): Promise<void>;
  /** « Pause 1 h », within the policy's limits, as in the panel. */
  pauseAnHour(): Promise<unknown>;
}

/** A click on a notification opens its mailbox; Chrome's « Pause 1 h » button pauses. */
export function listenToNotificationClicks({ open, pauseAnHour }: NotificationClicks): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    const address = addressOfNotification(notificationId);
    if (address === null && notificationId !== SESSION_EXPIRED_NOTIFICATION) return;
    browser.notifications.clear(notificationId).catch(() => {});
    open(address).catch((error: unknown) => log.warn('ouverture du portail :', error));
  });

  browser.notifications.onButtonClicked?.addListener((notificationId, buttonIndex) => {
    if (addressOfNotification(notificationId) === null || buttonIndex !== 0) return;
    browser.notifications.clear(notificationId).catch(() => {});
    pauseAnHour().catch((error: unknown) => log.warn('pause impossible :', error));
  });
}
