/**
 * The pause of the announcements as both the panel and the background offer and show it:
 * its one-hour length (« Pause 1 h », in the panel and on Chrome's new-mail notifications)
 * and the wording of its end (the panel's status, the toolbar's tooltip). Here, in
 * utils/, because the pages and the background must say the same.
 */

/** « Pause 1 h ». */
export const QUICK_PAUSE_MINUTES = 60;

const HOUR = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY_AND_HOUR = new Intl.DateTimeFormat(undefined, { weekday: 'long', hour: '2-digit', minute: '2-digit' });

/** A time to come: its hour, with its day when it is not today's. */
export function whenText(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? HOUR.format(at) : DAY_AND_HOUR.format(at);
}
