/**
 * The announcements' room, as the rest of the background sees it: what a poll
 * (entrypoints/background/polling/poll-runner.ts), the end of a pause and a portal
 * page's report (entrypoints/background/messaging/content-handlers.ts) found to be news
 * is told here, one way for all: each notification shown, with its sound. What is news
 * is decided before, inside the store's change that moves the baselines (new-mail.ts
 * `collectRises`); the badge follows the stored state (badge.ts) and is put on the
 * toolbar here too.
 */
import type { Badge } from './badge';
import type { ShownNotification } from './new-mail';
import { createNotificationShower } from './notifications';
import type { PauseLimits } from './pause';
import { createSoundPlayer } from './sound';
import { createToolbarBadge } from './toolbar';

/** Tells the user the news decided, in order. */
export type Announce = (notifications: readonly ShownNotification[]) => Promise<void>;

export interface Announcer {
  announce: Announce;
  showBadge(badge: Badge): Promise<void>;
}

/** The browser's announcer; `pauseLimits`: what the policy allows now (« Pause 1 h » offered or not). */
export function createAnnouncer(pauseLimits: () => PauseLimits): Announcer {
  const show = createNotificationShower(pauseLimits, createSoundPlayer());
  return {
    announce: async (notifications) => {
      for (const notification of notifications) await show(notification);
    },
    showBadge: createToolbarBadge(),
  };
}
