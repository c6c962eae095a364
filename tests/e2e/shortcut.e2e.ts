/**
 * The keyboard shortcut's path from the background to the banner, in Chromium (where a
 * test can speak as the extension's service worker): the background's « open the
 * switcher » order opens the menu of mailboxes with the focus in it, even when the
 * banner was collapsed. Headless browsers do not deliver extension shortcuts
 * themselves, so the command is relayed as the background relays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../simulator/seed';
import { type Simulator, startSimulator } from '../simulator/server';
import { BANNER, clickInBanner, learnPortal, POLL_MS, waitForBanner, waitInBanner } from './banner-page';
import { type ExtensionBrowser, inServiceWorker, launchWithExtension } from './browsers';
import { logIn } from './portal-page';

describe('chromium, keyboard shortcut', () => {
  let instance: ExtensionBrowser;
  let sim: Simulator;

  beforeAll(async () => {
    [instance, sim] = await Promise.all([launchWithExtension('chromium'), startSimulator({ rendering: 'classic' })]);
    await learnPortal(instance, sim);
  });
  afterAll(async () => {
    await instance?.close();
    await sim?.close();
  });

  it('opens the switcher menu with the focus in it, expanding a collapsed banner', async () => {
    await fetch(sim.at('/__control/first-login-quirk'), { method: 'POST', body: JSON.stringify({ enabled: false }) });
    const page = await instance.newPage();
    await logIn(page, sim.url, DEMO.login, DEMO.password);
    await waitForBanner(page, 'organisational', DEMO.services.mss);
    await waitInBanner(page, '.menu-button');
    await clickInBanner(page, '[data-action="collapse"]');
    await waitInBanner(page, '[data-action="expand"]');

    await inServiceWorker(instance, async () => {
      type Tabs = {
        query(filter: { url: string[] }): Promise<{ id?: number }[]>;
        sendMessage(id: number, message: unknown): Promise<unknown>;
      };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await tabs.query({ url: ['http://127.0.0.1/*'] });
      if (tab?.id !== undefined) await tabs.sendMessage(tab.id, { name: 'to-content:open-switcher', payload: {} });
    });
    await page.waitForFunction(
      (tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return !!root?.querySelector('.menu') && !!root.activeElement?.closest('.menu');
      },
      { timeout: 10_000, polling: POLL_MS },
      BANNER,
    );
    const targets = await page.$eval(BANNER, (host) =>
      [...(host.shadowRoot?.querySelectorAll('[data-switch-to]') ?? [])].map((el) => el.getAttribute('data-switch-to')),
    );
    // In the order the mailboxes were learnt (the colleague who taught the portal shares the secretariat).
    expect([...targets].sort()).toEqual(
      [DEMO.login, DEMO.services.cardio, DEMO.services.urgences, DEMO.services.bloc].sort(),
    );
  });
});
