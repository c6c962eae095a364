/**
 * The banner, one-click switching, the preferred mailbox at login and the send guard,
 * in real Chromium and Firefox, on both renderings of the simulated portal, checked
 * through the observable hooks and the simulator's server-side state.
 */
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { controlState } from '../simulator/client';
import { DEMO, HOSTILE_NAMES, HOSTILE_SERVICE_NAME } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import {
  BANNER,
  bannerState,
  COMPOSE_PATH,
  clickInBanner,
  clickPageControl,
  POLL_MS,
  switchRequests,
  waitForBanner,
  waitInBanner,
} from './banner-page';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import { andWaitForLoad, fillLabelled, logIn } from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

/** Makes `address` the active account of every live session, as a switch in another browser would. */
function switchOnServer(sim: Simulator, address: string): void {
  for (const session of sim.state.sessions.values()) session.active = address;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BROWSER_NAMES)('%s, banner and switching', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  async function newPage(): Promise<Page> {
    const page = await browser().newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // Records whether the banner was already in the page when the DOM was ready.
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { bannerAtDomReady: boolean }).bannerAtDomReady =
          document.documentElement.firstElementChild?.tagName === 'REPERE-BAL-BANNER';
      });
    });
    pages.push(page);
    await page.bringToFront();
    return page;
  }

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);
    let sim: Simulator;

    beforeEach(async () => {
      sim = simulator();
      await Promise.all(pages.splice(0).map((p) => p.close().catch(() => {})));
      pageErrors.length = 0;
      sim.state.reset();
    });

    it('shows the personal mailbox in words from the first paint, and marks the tab', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      const state = await waitForBanner(page, 'personal', DEMO.colleague);
      expect(state.status).toContain('Vous échangez en votre nom');
      expect(await page.evaluate(() => (window as unknown as { bannerAtDomReady: boolean }).bannerAtDomReady)).toBe(
        true,
      );
      await page.waitForFunction(() => document.title.startsWith('[Personnel] '), { polling: POLL_MS });
      const role = await page.$eval(BANNER, (host) => host.shadowRoot?.querySelector('[role=status]') !== null);
      expect(role).toBe(true);
      expect(pageErrors).toEqual([]);
    });

    it('switches in one click from the banner, to a service shown by its name', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      await waitInBanner(page, `[data-switch-to="${DEMO.services.cardio}"]`);
      await clickInBanner(page, `[data-switch-to="${DEMO.services.cardio}"]`);
      const state = await waitForBanner(page, 'organisational', DEMO.services.cardio);
      expect(state.status).toContain('Vous échangez au nom du service Secrétariat de cardiologie');
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.cardio);
      expect(await switchRequests(sim)).toBe(1);
      await page.waitForFunction(() => document.title.startsWith('[Secrétariat de cardiologie] '), {
        polling: POLL_MS,
      });
      expect(pageErrors).toEqual([]);
    });

    it('opens the preferred mailbox once after login, despite the first-login quirk, and respects a later switch', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.login, DEMO.password);
      // The portal opened the personal mailbox (the quirk); the extension goes to the default, mss@.
      const state = await waitForBanner(page, 'organisational', DEMO.services.mss);
      expect(state.status).toContain(`Vous échangez au nom du service`);
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.mss);
      expect(await switchRequests(sim)).toBe(1);

      await andWaitForLoad(page, () => page.reload());
      await waitForBanner(page, 'organisational', DEMO.services.mss);
      await sleep(1_000);
      expect(await switchRequests(sim)).toBe(1);

      // Four other mailboxes: a menu, then the mailbox.
      await clickInBanner(page, '.menu-button');
      await clickInBanner(page, `[data-switch-to="${DEMO.login}"]`);
      await waitForBanner(page, 'personal', DEMO.login);
      await andWaitForLoad(page, () => page.reload());
      await waitForBanner(page, 'personal', DEMO.login);
      await sleep(1_000);
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.login);
      expect(await switchRequests(sim)).toBe(2);
    });

    /** A message being written from the cardiology mailbox, chosen elsewhere after the first page was seen. */
    async function composeAsCardiology(subject: string) {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      await waitForBanner(page, 'personal', DEMO.colleague);
      // The mailbox changes elsewhere (another device).
      switchOnServer(sim, DEMO.services.cardio);
      await page.goto(sim.at(COMPOSE_PATH[rendering]), { waitUntil: 'load' });
      await waitForBanner(page, 'organisational', DEMO.services.cardio);
      await fillLabelled(page, ['À', 'Destinataires'], DEMO.login);
      await fillLabelled(page, ['Objet'], subject);
      return page;
    }

    it('asks before sending from a service mailbox: cancel and Escape send nothing, Enter sends once', async () => {
      const page = await composeAsCardiology('Planning de garde');

      await clickPageControl(page, 'Envoyer');
      await waitInBanner(page, '[role=alertdialog]');
      expect((await bannerState(page))?.dialog).toContain('Secrétariat de cardiologie');
      await clickInBanner(page, '[data-action="cancel-send"]');
      await waitInBanner(page, '[role=alertdialog]', { hidden: true });

      await clickPageControl(page, 'Envoyer');
      await waitInBanner(page, '[role=alertdialog]');
      await page.keyboard.press('Escape');
      await waitInBanner(page, '[role=alertdialog]', { hidden: true });
      await sleep(500);
      expect((await controlState(sim)).sent).toHaveLength(0);

      await clickPageControl(page, 'Envoyer');
      await waitInBanner(page, '[role=alertdialog]');
      await andWaitForLoad(page, () => page.keyboard.press('Enter'));
      await sleep(500);
      const { sent } = await controlState(sim);
      expect(sent).toEqual([
        expect.objectContaining({ from: DEMO.services.cardio, to: DEMO.login, subject: 'Planning de garde' }),
      ]);
      expect(pageErrors).toEqual([]);
    });

    it('holds the portal’s Ctrl+Entrée shortcut, which sends by form.submit(): nothing leaves before the answer', async () => {
      const page = await composeAsCardiology('Raccourci');
      await page.focus('textarea');
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await waitInBanner(page, '[role=alertdialog]');
      await sleep(500);
      expect((await controlState(sim)).sent).toHaveLength(0);
      await andWaitForLoad(page, () => clickInBanner(page, '[data-action="confirm-send"]'));
      await sleep(500);
      expect((await controlState(sim)).sent).toEqual([
        expect.objectContaining({ from: DEMO.services.cardio, to: DEMO.login, subject: 'Raccourci' }),
      ]);
      expect(pageErrors).toEqual([]);
    });

    it('sends at once from the personal mailbox, and confirms with the button from a service one', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      await page.goto(sim.at(COMPOSE_PATH[rendering]), { waitUntil: 'load' });
      await waitForBanner(page, 'personal', DEMO.colleague);
      await fillLabelled(page, ['À', 'Destinataires'], DEMO.login);
      await fillLabelled(page, ['Objet'], 'Personnel');
      await andWaitForLoad(page, () => clickPageControl(page, 'Envoyer'));

      switchOnServer(sim, DEMO.services.cardio);
      await page.goto(sim.at(COMPOSE_PATH[rendering]), { waitUntil: 'load' });
      await waitForBanner(page, 'organisational', DEMO.services.cardio);
      await fillLabelled(page, ['À', 'Destinataires'], DEMO.login);
      await fillLabelled(page, ['Objet'], 'Service');
      await clickPageControl(page, 'Envoyer');
      await andWaitForLoad(page, () => clickInBanner(page, '[data-action="confirm-send"]'));
      await sleep(500);
      const { sent } = await controlState(sim);
      expect(sent.map((m) => [m.subject, m.from])).toEqual([
        ['Personnel', DEMO.colleague],
        ['Service', DEMO.services.cardio],
      ]);
    });

    it('shows the unknown state on a page without the header or garbled, and throws nothing into the page', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      await waitForBanner(page, 'personal', DEMO.colleague);
      await fetch(sim.at('/__control/fault'), {
        method: 'POST',
        body: JSON.stringify({ kind: 'no-header', count: 1 }),
      });
      await andWaitForLoad(page, () => page.reload());
      const state = await waitForBanner(page, 'unknown', undefined, 'non reconnue');
      expect(state.address).toBeNull();
      await fetch(sim.at('/__control/fault'), { method: 'POST', body: JSON.stringify({ kind: 'garbled', count: 1 }) });
      await andWaitForLoad(page, () => page.reload());
      await sleep(1_000);
      expect(await bannerState(page)).not.toBeNull();
      expect(pageErrors).toEqual([]);
    });

    it('renders a hostile service name as text', async () => {
      await fetch(sim.at('/__control/first-login-quirk'), { method: 'POST', body: JSON.stringify({ enabled: false }) });
      const page = await newPage();
      await logIn(page, sim.url, DEMO.login, DEMO.password);
      await waitForBanner(page, 'organisational', DEMO.services.mss);
      switchOnServer(sim, DEMO.services.urgences);
      await andWaitForLoad(page, () => page.reload());
      const state = await waitForBanner(page, 'organisational', DEMO.services.urgences);
      expect(state.status).toContain(HOSTILE_SERVICE_NAME);
      const injected = await page.evaluate(
        (tag) =>
          document.querySelectorAll('img[src=x]').length +
          (document.querySelector(tag)?.shadowRoot?.querySelectorAll('img, b').length ?? 0),
        BANNER,
      );
      expect(injected).toBe(0);
      expect(pageErrors).toEqual([]);
    });

    it('renders right-to-left, emoji and 5,000-character names as text, the banner keeping its height', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.hostile, DEMO.password);
      await waitForBanner(page, 'personal', DEMO.hostile);
      await waitInBanner(page, `[data-switch-to="${HOSTILE_NAMES.long.address}"]`);
      for (const { address, name } of Object.values(HOSTILE_NAMES)) {
        switchOnServer(sim, address);
        await andWaitForLoad(page, () => page.reload());
        const state = await waitForBanner(page, 'organisational', address);
        expect(state.status).toContain(name.slice(0, 150));
        const layout = await page.$eval(BANNER, (host) => ({
          height: host.getBoundingClientRect().height,
          width: host.getBoundingClientRect().width,
          pageWidth: document.documentElement.clientWidth,
          injected: host.shadowRoot?.querySelectorAll('script, img').length ?? -1,
        }));
        expect(layout).toEqual({ height: 44, width: layout.pageWidth, pageWidth: layout.pageWidth, injected: 0 });
      }
      expect(pageErrors).toEqual([]);
    });

    it('tells another tab that the active mailbox changed under it', async () => {
      const first = await newPage();
      await logIn(first, sim.url, DEMO.colleague, DEMO.password);
      await waitForBanner(first, 'personal', DEMO.colleague);
      const second = await newPage();
      await second.goto(sim.at(sim.rendering.inboxPath), { waitUntil: 'load' });
      await waitForBanner(second, 'personal', DEMO.colleague);
      await waitInBanner(second, `[data-switch-to="${DEMO.services.cardio}"]`);
      await clickInBanner(second, `[data-switch-to="${DEMO.services.cardio}"]`);
      await waitForBanner(second, 'organisational', DEMO.services.cardio);
      // The first tab is now in the background: the wait polls on a timer (waitForBanner).
      const stale = await waitForBanner(first, 'personal', DEMO.colleague, "n'est plus à jour");
      expect(stale.status).toContain('Secrétariat de cardiologie');
    });

    it('keeps key presses in the banner from the portal’s shortcuts, and collapses to a strip that stays', async () => {
      const page = await newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      await waitForBanner(page, 'personal', DEMO.colleague);
      const url = page.url();
      await waitInBanner(page, '[data-action="collapse"]');
      await page.evaluate(
        (tag) =>
          document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>('[data-action="collapse"]')?.focus(),
        BANNER,
      );
      await page.keyboard.press('n');
      await sleep(700);
      expect(page.url()).toBe(url);

      await clickInBanner(page, '[data-action="collapse"]');
      const height = () => page.$eval(BANNER, (host) => host.getBoundingClientRect().height);
      await page.waitForFunction(
        (tag) => (document.querySelector(tag)?.getBoundingClientRect().height ?? 0) < 30,
        { polling: POLL_MS },
        BANNER,
      );
      await andWaitForLoad(page, () => page.reload());
      await waitForBanner(page, 'personal', DEMO.colleague);
      await sleep(300);
      expect(await height()).toBeLessThan(30);
      await clickInBanner(page, '[data-action="expand"]');
      await page.waitForFunction(
        (tag) => (document.querySelector(tag)?.getBoundingClientRect().height ?? 0) > 40,
        { polling: POLL_MS },
        BANNER,
      );
    });
  });
});
