/**
 * What to tell the user about new mail: a watched mailbox's unread count rising above
 * the count already told (`notifiedUnread`). One notification per mailbox per rise,
 * with an id stable per mailbox (a later rise replaces it, nothing piles up). The
 * baseline moves in the same transaction as the decision, in the database, so nothing
 * is told twice after any number of polls or restarts. Quiet hours and a pause
 * (held-news.ts) hold the news back (the rise is told when they end); a fall in the
 * count (mail read) lowers the baseline. A mailbox whose `sound` is on has its news come
 * with a short sound (sound.ts): only with a notification shown, so never while news is
 * held, never with notifications off.
 * Privacy: never a subject or a sender. Notifications name the mailbox and the count;
 * with `privacyMode` (« notifications discrètes ») they give the count alone, for a
 * service whose very name is sensitive, on a screen patients can see. The id still
 * carries the address (it is never shown), so a click opens the right mailbox.
 */

import { displayName, watchedMailboxes } from '@/entrypoints/background/session/mailboxes';
import type { MailboxRecord, NotificationLogRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { t } from '@/utils/i18n';
import { isPaused, isQuietTime } from './held-news';

export const MAIL_NOTIFICATION_PREFIX = 'repere-bal:mail:';
export const SESSION_EXPIRED_NOTIFICATION = 'repere-bal:session-expired';

export function mailNotificationId(address: string): string {
  return `${MAIL_NOTIFICATION_PREFIX}${address}`;
}

/** The mailbox a notification id stands for, or null. */
export function addressOfNotification(notificationId: string): string | null {
  return notificationId.startsWith(MAIL_NOTIFICATION_PREFIX)
    ? notificationId.slice(MAIL_NOTIFICATION_PREFIX.length)
    : null;
}

export interface ShownNotification {
  notificationId: string;
  title: string;
  message: string;
  /** What is logged of it; `log.sound`: a short sound goes with it. */
  log: Omit<NotificationLogRecord, 'id'>;
}

/** The title and message that name the mailbox (its label, portal name or address). */
function namedNewMailText(mailbox: MailboxRecord, count: number): { title: string; message: string } {
  const name = displayName(mailbox);
  return {
    title: count === 1 ? t('notifyNewMailOne', name) : t('notifyNewMailMany', count, name),
    message: mailbox.address === name ? t('notifyOpen') : `${mailbox.address} — ${t('notifyOpen')}`,
  };
}

/** The title and message that name nothing: neither the mailbox nor its address. */
function discreetNewMailText(count: number): { title: string; message: string } {
  return {
    title: count === 1 ? t('notifyDiscreetNewMailOne') : t('notifyDiscreetNewMailMany', count),
    message: t('notifyDiscreetOpen'),
  };
}

export function newMailNotification(
  mailbox: MailboxRecord,
  count: number,
  now: number,
  discreet: boolean,
): ShownNotification {
  const { title, message } = discreet ? discreetNewMailText(count) : namedNewMailText(mailbox, count);
  const notificationId = mailNotificationId(mailbox.address);
  return {
    notificationId,
    title,
    message,
    log: {
      notificationId,
      kind: 'new-mail',
      address: mailbox.address,
      count,
      title,
      message,
      at: now,
      // The sound goes with the notification, as the mailbox asks: none without one.
      sound: mailbox.sound,
    },
  };
}

export function sessionExpiredNotification(now: number): ShownNotification {
  const title = t('notifyExpiredTitle');
  const message = t('notifyExpiredMessage');
  return {
    notificationId: SESSION_EXPIRED_NOTIFICATION,
    title,
    message,
    log: {
      notificationId: SESSION_EXPIRED_NOTIFICATION,
      kind: 'session-expired',
      address: null,
      count: 0,
      title,
      message,
      at: now,
      sound: false,
    },
  };
}

/**
 * Compares every mailbox's unread count with the count already told, moves the
 * baselines, and returns the notifications due. Mutates `state` (run it inside a store
 * change, with the counts just learnt).
 */
export function collectRises(state: StoredState, now: number, minuteOfDay: number): ShownNotification[] {
  const { settings } = state;
  const held = isQuietTime(settings.quietHours, minuteOfDay) || isPaused(state.poll, now);
  // The mailboxes whose news is told: watched, of the person logged in.
  const told = new Set(watchedMailboxes(state).map((m) => m.address));
  const due: ShownNotification[] = [];
  for (const mailbox of state.mailboxes) {
    const unread = mailbox.unread;
    if (unread === null) continue;
    const baseline = mailbox.notifiedUnread;
    // First sight, or mail read since: what is there now is not news.
    if (baseline === null || unread < baseline) {
      mailbox.notifiedUnread = unread;
      continue;
    }
    if (unread === baseline) continue;
    if (!told.has(mailbox.address) || !settings.notificationsEnabled) {
      mailbox.notifiedUnread = unread;
      continue;
    }
    // Quiet hours or a pause: keep the baseline, the rise is told when they end.
    if (held) continue;
    due.push(newMailNotification(mailbox, unread - baseline, now, settings.privacyMode));
    mailbox.notifiedUnread = unread;
  }
  return due;
}
