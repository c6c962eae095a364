import { describe, expect, it } from 'vitest';
import type { Overview } from '../../utils/protocol/messages';
import { control, controlState, setChooserCounts } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import { chromiumNotificationIds, overview, pollNow } from './background-polls';
import { logInWithMailboxesLearnt, switchRequests } from './banner-page';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import { openExtensionPage, waitForDom } from './extension-pages';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const { mss, cardio } = DEMO.services;

/** How many times each page a check may read was asked for: the chooser (page or account page), the inbox. */
function pageRequests(sim: Simulator, requests: Record<string, number>): { chooser: number; inbox: number } {
  return sim.rendering.name === 'classic'
    ? { chooser: requests['GET /?m=comptes'] ?? 0, inbox: requests['GET /?m=liste'] ?? 0 }
    : { chooser: requests['GET /app/parametres'] ?? 0, inbox: requests['GET /app/dossiers/reception'] ?? 0 };
}

const newMailSince = (seen: Overview, at: number) =>
  seen.notifications.filter((n) => n.kind === 'new-mail' && n.at >= at);

describe.each(BROWSER_NAMES)('%s, a chooser without counts', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);

    it('reads the active mailbox’s inbox, tells its new mail once, never switches, and says what it cannot see', async () => {
      const sim = simulator();
      const instance = browser();
      await setChooserCounts(sim, false);
      // mss@ (the default account) is open and watched; discovery read a chooser without counts.
      const portal = await logInWithMailboxesLearnt(instance, sim);
      await portal.close();
      // In Firefox, the popup is reached through a portal page (extension-pages.ts): counted before.
      const popup = await openExtensionPage(instance, sim, 'popup.html', '[data-action="check-now"]');
      const before = await controlState(sim);
      expect(before.chooserCounts).toBe(false);
      const switchesBefore = await switchRequests(sim);

      await control(sim, 'deliver', { to: mss, subject: 'Résultats — confidentiel' });
      const started = Date.now();
      await pollNow(instance, popup);
      let seen = await overview(popup);
      expect(seen.poll.status).toBe('ok');
      expect(newMailSince(seen, started)).toEqual([
        expect.objectContaining({ notificationId: `repere-bal:mail:${mss}`, address: mss, count: 1 }),
      ]);
      expect(seen.mailboxes.find((m) => m.address === mss)?.unread).toBe((before.unread[mss] ?? 0) + 1);
      if (browserName === 'chromium') {
        expect(await chromiumNotificationIds(instance)).toContain(`repere-bal:mail:${mss}`);
      }

      await pollNow(instance, popup);
      seen = await overview(popup);
      expect(newMailSince(seen, started)).toHaveLength(1);

      // Two checks, two GETs of the inbox page; no chooser read, no switch, the same active account.
      const after = await controlState(sim);
      const pages = { before: pageRequests(sim, before.requests), after: pageRequests(sim, after.requests) };
      expect(pages.after.inbox - pages.before.inbox).toBe(2);
      expect(pages.after.chooser).toBe(pages.before.chooser);
      expect(await switchRequests(sim)).toBe(switchesBefore);
      expect(after.sessions.map((s) => s.active)).toEqual(before.sessions.map((s) => s.active));
      expect(before.sessions.map((s) => s.active)).toContain(mss);

      // The panel: cardiology's mail cannot be seen until it is opened; mss@'s can.
      const unwatchable = (address: string) => seen.mailboxes.find((m) => m.address === address)?.unwatchable;
      expect([unwatchable(mss), unwatchable(cardio)]).toEqual([false, true]);
      await waitForDom(popup, `[data-mailbox="${cardio}"] [data-unwatchable]`);
      const notes = await popup.evaluate(() =>
        [...document.querySelectorAll('[data-unwatchable]')].map((note) => ({
          mailbox: note.closest('[data-mailbox]')?.getAttribute('data-mailbox'),
          text: note.textContent,
        })),
      );
      expect(notes.map((note) => note.mailbox)).toContain(cardio);
      expect(notes.map((note) => note.mailbox)).not.toContain(mss);
      expect(notes[0]?.text).toBe(
        "Le portail n'indique pas les non-lus de cette boîte ; ils seront vus quand elle sera ouverte",
      );
      await popup.close();
    });
  });
});
