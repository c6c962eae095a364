/**
 * The background's answers to the extension's own pages (popup, options): the overview
 * of the mailboxes and the checks, and « Vérifier maintenant ».
 */
import { textOn } from './colours';
import type { MessageHandlers } from './messages';
import type { PollRunner } from './poll-runner';
import { displayName } from './portal-session';
import type { Store } from './store';

type PageHandlers = Pick<MessageHandlers, Extract<keyof MessageHandlers, `page:${string}`>>;

/** How many log entries the overview carries. */
const RECENT_NOTIFICATIONS = 20;

export function createPageHandlers(store: Store, runner: PollRunner): PageHandlers {
  return {
    'page:overview': async () => {
      const { mailboxes, portal, poll } = await store.read();
      const accounts = portal.sessionAccounts;
      const log = await store.notificationLog(RECENT_NOTIFICATIONS);
      return {
        mailboxes: mailboxes
          .filter((m) => accounts === null || accounts.includes(m.address))
          .map((m) => ({
            address: m.address,
            name: displayName(m),
            kind: m.kind,
            colour: m.colour,
            textColour: textOn(m.colour),
            unread: m.unread,
            watched: m.watched,
            active: m.address === portal.activeAddress,
          })),
        poll: {
          status: poll.status,
          lastPollAt: poll.lastPollAt,
          lastSuccessAt: poll.lastSuccessAt,
          nextPollAt: poll.nextPollAt,
          lastError: poll.lastError,
        },
        notifications: log.map(({ notificationId, kind, address, count, title, at }) => ({
          notificationId,
          kind,
          address,
          count,
          title,
          at,
        })),
        portalUrl: portal.inboxUrl ?? portal.pollUrl,
      };
    },
    'page:check-now': async () => runner.check('user'),
  };
}
