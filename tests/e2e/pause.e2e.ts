/**
 * The panel's pause, the new-mail sound and the mark of the active mailbox, in real
 * Chromium and Firefox against the simulator, both renderings: the popup's row of the
 * mailbox open on the portal follows a switch made in a portal tab; a pause from the
 * popup silences a delivery (nothing logged, counts updated, the badge says so in
 * Chromium, where it also survives a service-worker restart); « Reprendre » tells it
 * once per mailbox, with a logged sound for the mailbox that asks for one. What the
 * background decides to play is read in its notification log (the overview), as the
 * notifications themselves are in Firefox headless. axe-core finds nothing to say of
 * the popup, paused or not.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../utils/protocol/messages';
import { control } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import { overview } from './background-polls';
import { clickInBanner, logInWithMailboxesLearnt, waitForBanner } from './banner-page';
import {
  BROWSER_NAMES,
  type ExtensionBrowser,
  inServiceWorker,
  launchWithExtension,
  stopServiceWorker,
} from './browsers';
import { ask, axeViolations, clickDom, openExtensionPage, waitForDom } from './extension-pages';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const { cardio, bloc, mss } = DEMO.services;

const unread = (seen: Overview, address: string) => seen.mailboxes.find((m) => m.address === address)?.unread;

/** The new-mail entries of the log since `at`, as [address, count, sound], in address order. */
function newsSince(seen: Overview, at: number): [string | null, number, boolean][] {
  return seen.notifications
    .filter((n) => n.kind === 'new-mail' && n.at >= at)
    .map((n): [string | null, number, boolean] => [n.address, n.count, n.sound])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/** Chromium only: the toolbar button's badge text and tooltip, as the service worker set them. */
async function chromiumBadge(instance: ExtensionBrowser): Promise<{ text: string; title: string }> {
  return inServiceWorker(instance, async () => {
    type Action = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
    const action = (globalThis as unknown as { chrome: { action: Action } }).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}

/** The addresses of the popup's rows marked `data-active`. */
function activeRows(popup: Page): Promise<string[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-active]')].map((row) => row.getAttribute('data-mailbox') ?? ''),
  );
}

describe.each(BROWSER_NAMES)('%s, pause, sound and the active mailbox', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);

    it('marks the active row as a portal tab switches, pauses the news and tells it once on « Reprendre »', async () => {
      const sim = simulator();
      const instance = browser();
      const portal = await logInWithMailboxesLearnt(instance, sim);
      const popup = await openExtensionPage(instance, sim, 'popup.html', `[data-mailbox="${mss}"][data-active]`);
      expect(await activeRows(popup)).toEqual([mss]);

      // A switch made in the portal tab: the popup, open meanwhile, follows it.
      await portal.bringToFront();
      await clickInBanner(portal, '.menu-button');
      await clickInBanner(portal, `[data-switch-to="${cardio}"]`);
      await waitForBanner(portal, 'organisational', cardio);
      await waitForDom(popup, `[data-mailbox="${cardio}"][data-active]`);
      expect(await activeRows(popup)).toEqual([cardio]);
      expect(await popup.evaluate(() => document.querySelector('[data-active]')?.textContent ?? '')).toContain(
        'boîte ouverte sur le portail',
      );
      expect(await axeViolations(popup)).toEqual([]);
      await portal.close();

      // Cardiology asks for a sound; the operating theatre does not.
      await ask(popup, 'ui:update-mailbox', { address: cardio, patch: { sound: true } });
      const before = await overview(popup);

      await waitForDom(popup, '[data-pause-minutes="60"]');
      await clickDom(popup, '[data-pause-minutes="60"]');
      await waitForDom(popup, '[data-action="resume"]');
      expect(await axeViolations(popup)).toEqual([]);
      const started = Date.now();
      for (const to of [cardio, bloc]) {
        await control(sim, 'deliver', { to, subject: 'Compte rendu', from: 'dr.dupont@chu-exemple.mssante.fr' });
      }
      await ask(popup, 'ui:poll-now');
      let seen = await overview(popup);
      expect(seen.poll.status).toBe('ok');
      expect(seen.pause.until).toBeGreaterThan(started + 59 * 60_000);
      expect(newsSince(seen, started)).toEqual([]);
      expect(unread(seen, cardio)).toBe((unread(before, cardio) ?? 0) + 1);
      expect(unread(seen, bloc)).toBe((unread(before, bloc) ?? 0) + 1);
      if (browserName === 'chromium') {
        const badge = await chromiumBadge(instance);
        expect(badge.text).toBe('⏸');
        expect(badge.title).toMatch(/en pause jusqu'à/);
        // The pause is stored: a restarted service worker keeps it and tells nothing.
        await stopServiceWorker(instance);
        await popup.reload({ waitUntil: 'load' });
        await ask(popup, 'ui:poll-now');
        seen = await overview(popup);
        expect(seen.pause.until).toBeGreaterThan(started);
        expect(newsSince(seen, started)).toEqual([]);
      }

      await waitForDom(popup, '[data-action="resume"]');
      await clickDom(popup, '[data-action="resume"]');
      await waitForDom(popup, '[data-pause-minutes="60"]');
      seen = await overview(popup);
      expect(seen.pause.until).toBeNull();
      const told = [
        [bloc, 1, false],
        [cardio, 1, true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(newsSince(seen, started)).toEqual(told);
      await ask(popup, 'ui:poll-now');
      expect(newsSince(await overview(popup), started)).toEqual(told);
      if (browserName === 'chromium') expect((await chromiumBadge(instance)).text).not.toBe('⏸');
      await popup.close();
    });
  });
});
