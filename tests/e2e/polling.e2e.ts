import { describe, expect, it } from 'vitest';
import type { Overview } from '../../utils/protocol/messages';
import { control, controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import { chromiumNotificationIds, overview, pollNow } from './background-polls';
import { logInWithMailboxesLearnt } from './banner-page';
import { BROWSER_NAMES, launchWithExtension, stopServiceWorker } from './browsers';
import { openExtensionPage } from './extension-pages';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const SECRET_SUBJECT = 'Résultats de M. Dupont — confidentiel';

/** Log entries newer than `since`. */
function since(notifications: Overview['notifications'], at: number, kind: string) {
  return notifications.filter((n) => n.kind === kind && n.at >= at);
}

/** Requests for the page a check reads: the chooser page, or the account page that shows the chooser in place. */
function chooserRequests(sim: Simulator, requests: Record<string, number>): number {
  return sim.rendering.name === 'classic' ? (requests['GET /?m=comptes'] ?? 0) : (requests['GET /app/parametres'] ?? 0);
}

describe.each(BROWSER_NAMES)('%s, background checks and notifications', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);

    it('notifies new service mail once without a portal tab, survives a restart, pauses on expiry, never switches', async () => {
      const sim = simulator();
      const instance = browser();
      // Discovery has read the chooser: every mailbox has its count, the baseline of news.
      const portal = await logInWithMailboxesLearnt(instance, sim);
      await portal.close();
      const before = await controlState(sim);

      await control(sim, 'deliver', {
        to: DEMO.services.cardio,
        subject: SECRET_SUBJECT,
        from: 'dr.dupont@chu-exemple.mssante.fr',
      });
      const started = Date.now();
      const popup = await openExtensionPage(instance, sim, 'popup.html', '[data-action="check-now"]');
      await pollNow(instance, popup);
      let seen = await overview(popup);
      expect(seen.poll.status).toBe('ok');
      const news = since(seen.notifications, started, 'new-mail');
      expect(news).toEqual([
        expect.objectContaining({
          notificationId: `repere-bal:mail:${DEMO.services.cardio}`,
          address: DEMO.services.cardio,
          count: 1,
          title: '1 nouveau message — Secrétariat de cardiologie',
        }),
      ]);
      expect(JSON.stringify(seen.notifications)).not.toContain('Dupont');
      expect(seen.mailboxes.find((m) => m.address === DEMO.services.cardio)?.unread).toBe(2);
      if (browserName === 'chromium') {
        expect(await chromiumNotificationIds(instance)).toContain(`repere-bal:mail:${DEMO.services.cardio}`);
      }

      await pollNow(instance, popup);
      await pollNow(instance, popup);
      if (browserName === 'chromium') {
        await stopServiceWorker(instance);
        await popup.reload({ waitUntil: 'load' });
        await pollNow(instance, popup);
      }
      seen = await overview(popup);
      expect(since(seen.notifications, started, 'new-mail')).toHaveLength(1);

      await control(sim, 'expire-sessions');
      await pollNow(instance, popup);
      const afterExpiry = chooserRequests(sim, (await controlState(sim)).requests);
      await pollNow(instance, popup);
      await pollNow(instance, popup);
      seen = await overview(popup);
      expect(seen.poll.status).toBe('expired');
      expect(since(seen.notifications, started, 'session-expired')).toHaveLength(1);
      if (browserName === 'chromium') {
        await popup.reload({ waitUntil: 'load' });
        await popup.waitForFunction(
          () => document.querySelector('[role=status]')?.textContent?.includes('Session Medimail expirée'),
          {
            polling: 100,
          },
        );
      }
      const after = await controlState(sim);
      expect(chooserRequests(sim, after.requests)).toBe(afterExpiry);
      if (browserName === 'chromium')
        expect(await chromiumNotificationIds(instance)).toContain('repere-bal:session-expired');

      // Polling read the chooser; it never switched: no switch request, the same active account.
      const switches = (requests: Record<string, number>) =>
        (requests['POST /?m=comptes'] ?? 0) + (requests['POST /app/compte-actif'] ?? 0);
      expect(switches(after.requests)).toBe(switches(before.requests));
      expect(before.sessions.map((s) => s.active)).toContain(DEMO.services.mss);
      await popup.close();
    });
  });
});
