/**
 * The attack suite, in real Chromium and Firefox on both renderings: what strangers
 * and page scripts can put in front of the extension (SECURITY.md) must change nothing
 * the banner says or offers, nothing stored, and send no click or request elsewhere.
 * - a received message whose HTML imitates the menu, the chooser (off-portal links,
 *   `javascript:` in disguise, forms posting elsewhere), the account table, the inbox
 *   count, a login form and a <base>, with subjects and senders imitating them too;
 * - a page script clicking inside the banner and the send guard, and forging the event
 *   that would end the content script;
 * - a check redirected off the portal, an oversized answer, an answer that never ends.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostics, Overview } from '../../utils/protocol/messages';
import { type AttackerSite, startAttackerSite } from '../simulator/attacker';
import {
  type AttackOptions,
  FAKE_ADDRESSES,
  fakeAccountMenu,
  fakeAccountTable,
  fakeBase,
  fakeChooser,
  fakeInboxCount,
  fakeLoginForm,
  HOSTILE_SUBJECTS,
} from '../simulator/attacks';
import { control, controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import {
  BANNER,
  bannerState,
  COMPOSE_PATH,
  clickInBanner,
  clickPageControl,
  logInWithMailboxesLearnt,
  POLL_MS,
  switchRequests,
  waitForBanner,
  waitInBanner,
} from './banner-page';
import { BROWSER_NAMES, type ExtensionBrowser, FIREFOX_ADDON_ID, launchWithExtension } from './browsers';
import { ask, openExtensionPage } from './extension-pages';
import { andWaitForLoad } from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every imitation but the <base>, which rebases the portal's own scripts and styles too
 * (the page breaks whatever the extension does): it has a test of its own below.
 */
function imitations(options: AttackOptions): string {
  return [fakeAccountMenu, fakeChooser, fakeAccountTable, fakeInboxCount, fakeLoginForm]
    .map((attack) => attack(options))
    .join('\n');
}

/** What reached the attacker's site apart from the page's own scripts, styles and icons that a <base> rebased. */
function requestsBeyondAssets(site: AttackerSite) {
  return site.requests.filter((request) => !/^\/(static|assets)\/|^\/favicon/.test(request.path));
}

/** The mailboxes the banner offers to switch to (opening its menu when there is one, then closing it). */
async function offeredSwitches(page: Page): Promise<string[]> {
  const inMenu = await page.$eval(BANNER, (host) => host.shadowRoot?.querySelector('.menu-button') != null);
  if (inMenu) {
    await clickInBanner(page, '.menu-button');
    await waitInBanner(page, '[data-switch-to]');
  }
  const offered = (await bannerState(page))?.switchTargets ?? [];
  if (inMenu) await clickInBanner(page, '.menu-button');
  return offered.sort();
}

/** What the extension keeps, as its own pages see it (no test-only door into the database). */
async function stored(popup: Page) {
  const overview = await ask<Overview>(popup, 'ui:overview');
  const diagnostics = await ask<Diagnostics>(popup, 'ui:diagnostics');
  return {
    mailboxes: overview.mailboxes.map(({ address, name, kind, colour, active }) => ({
      address,
      name,
      kind,
      colour,
      active,
    })),
    portalUrl: overview.portalUrl,
    loginKnown: diagnostics.loginKnown,
    mailboxCount: diagnostics.mailboxes,
  };
}

describe.each(BROWSER_NAMES)('%s, attacks', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));
  let attacker: AttackerSite;
  beforeAll(async () => {
    attacker = await startAttackerSite();
  });
  afterAll(async () => {
    await attacker?.close();
  });

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);
    const pages: Page[] = [];
    const pageErrors: string[] = [];

    async function portalPage(instance: ExtensionBrowser, sim: Simulator): Promise<Page> {
      const page = await logInWithMailboxesLearnt(instance, sim);
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      pages.push(page);
      return page;
    }

    async function closeAll(): Promise<void> {
      await Promise.all(pages.splice(0).map((p) => p.close().catch(() => {})));
      pageErrors.length = 0;
    }

    it('shows a message imitating the portal without a change to the banner, the store, or where a click goes', async () => {
      const sim = simulator();
      sim.state.reset();
      attacker.requests.length = 0;
      const instance = browser();
      const portal = await portalPage(instance, sim);
      const popup = await openExtensionPage(instance, sim, 'popup.html', '[data-mailbox]');
      pages.push(popup);
      // Real clicks go to the tab in front (a tab behind draws no frames to click in).
      await portal.bringToFront();
      const before = await waitForBanner(portal, 'organisational', DEMO.services.mss);
      const offeredBefore = await offeredSwitches(portal);
      expect(offeredBefore).toContain(DEMO.services.cardio);
      const storedBefore = await stored(popup);

      const body = imitations({ attacker: attacker.url, realAddresses: Object.values(DEMO.services) });
      const delivered = await control(sim, 'deliver', {
        to: DEMO.services.mss,
        html: body,
        subject: 'Changer de compte',
      });
      for (const subject of HOSTILE_SUBJECTS) {
        await control(sim, 'deliver', { to: DEMO.services.mss, subject, fromName: subject });
      }
      // The inbox with hostile subjects and senders, then the message itself.
      await andWaitForLoad(portal, () => portal.goto(sim.at(sim.rendering.inboxPath)));
      await waitForBanner(portal, 'organisational', DEMO.services.mss);
      await andWaitForLoad(portal, () =>
        portal.goto(sim.at(sim.rendering.messagePath(delivered.json.keys?.[0] ?? ''))),
      );
      await portal.waitForFunction(() => document.body?.textContent?.includes('faux.compte@pirate.example'), {
        polling: POLL_MS,
      });
      // Time for the page to be read, reported and answered.
      await sleep(1_500);
      const during = await waitForBanner(portal, 'organisational', DEMO.services.mss);
      expect(during).toEqual(before);
      expect(await offeredSwitches(portal)).toEqual(offeredBefore);
      expect(await stored(popup)).toEqual(storedBefore);

      // A real click on the real service: the portal's own chooser, on the portal.
      const switches = await switchRequests(sim);
      if (offeredBefore.length > 3) await clickInBanner(portal, '.menu-button');
      await clickInBanner(portal, `[data-switch-to="${DEMO.services.cardio}"]`);
      await waitForBanner(portal, 'organisational', DEMO.services.cardio, 'Secrétariat de cardiologie');
      expect(new URL(portal.url()).origin).toBe(sim.origin);
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.cardio);
      expect(await switchRequests(sim)).toBe(switches + 1);
      expect(attacker.requests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await closeAll();
    });

    // The classic rendering's chooser is a page of its own, which the switch fetches (the other's is a panel).
    if (rendering === 'classic') {
      it('believes nothing on a page a redirect led to instead of the chooser page: a message’s decoy switches nothing', async () => {
        const sim = simulator();
        sim.state.reset();
        const portal = await portalPage(browser(), sim);
        await portal.bringToFront();
        await waitForBanner(portal, 'organisational', DEMO.services.mss);
        // A message listing the service the user will pick, its form switching to another one.
        const decoy = `<table><tr><td>${DEMO.services.cardio}</td><td><form method="post" action="/?m=comptes"><input type="hidden" name="jeton" value="0123456789abcdef"><input type="hidden" name="compte" value="${DEMO.services.urgences}"><input type="submit" value="Accéder"></form></td></tr></table>`;
        const delivered = await control(sim, 'deliver', { to: DEMO.services.mss, html: decoy });
        const switches = await switchRequests(sim);
        // The chooser's address answers with that message (a redirect on the portal's own origin).
        await control(sim, 'fault', {
          kind: 'redirect',
          target: sim.at(sim.rendering.messagePath(delivered.json.keys?.[0] ?? '')),
          count: 1,
        });
        if ((await offeredSwitches(portal)).length > 3) await clickInBanner(portal, '.menu-button');
        await clickInBanner(portal, `[data-switch-to="${DEMO.services.cardio}"]`);
        await portal.waitForFunction(
          (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[data-action="notice"]') != null,
          { polling: POLL_MS, timeout: 15_000 },
          BANNER,
        );
        await sleep(500);
        expect(await switchRequests(sim)).toBe(switches);
        expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.mss);
        expect(pageErrors).toEqual([]);
        await closeAll();
      });
    }

    it('switches on the portal even when a message’s <base> rebased the page', async () => {
      const sim = simulator();
      sim.state.reset();
      attacker.requests.length = 0;
      const instance = browser();
      const portal = await portalPage(instance, sim);
      await waitForBanner(portal, 'organisational', DEMO.services.mss);
      const body = fakeBase({ attacker: attacker.url, realAddresses: Object.values(DEMO.services) });
      const delivered = await control(sim, 'deliver', { to: DEMO.services.mss, html: body });
      await andWaitForLoad(portal, () =>
        portal.goto(sim.at(sim.rendering.messagePath(delivered.json.keys?.[0] ?? ''))),
      );
      await waitForBanner(portal, 'organisational', DEMO.services.mss);
      const switches = await switchRequests(sim);
      if ((await offeredSwitches(portal)).length > 3) await clickInBanner(portal, '.menu-button');
      await clickInBanner(portal, `[data-switch-to="${DEMO.services.cardio}"]`);
      await waitForBanner(portal, 'organisational', DEMO.services.cardio, 'Secrétariat de cardiologie');
      expect(new URL(portal.url()).origin).toBe(sim.origin);
      expect(await switchRequests(sim)).toBe(switches + 1);
      expect(requestsBeyondAssets(attacker)).toEqual([]);
      await closeAll();
    });

    it('lets no page script act through the banner or the send guard, nor end the content script', async () => {
      const sim = simulator();
      sim.state.reset();
      const instance = browser();
      const portal = await portalPage(instance, sim);
      const switches = await switchRequests(sim);

      // Synthetic clicks on every switch control and the collapse button.
      await portal.evaluate((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        for (const button of root?.querySelectorAll<HTMLElement>('.menu-button, [data-switch-to], [data-action]') ?? [])
          button.click();
      }, BANNER);
      await sleep(1_000);
      expect(await switchRequests(sim)).toBe(switches);
      const banner = await bannerState(portal);
      expect(banner?.address).toBe(DEMO.services.mss);
      expect(await portal.$eval(BANNER, (host) => host.shadowRoot?.querySelector('.bar.collapsed') === null)).toBe(
        true,
      );

      // The event WXT listens for to stop an older copy of the script, forged by the page.
      const extensionId = instance.name === 'firefox' ? FIREFOX_ADDON_ID : instance.extensionId;
      await portal.evaluate((id) => {
        document.dispatchEvent(
          new CustomEvent(`${id}:portal:wxt:content-script-started`, {
            detail: { contentScriptName: 'portal', messageId: 'page' },
          }),
        );
      }, extensionId);

      // The send guard still stands: a real click on « Envoyer » asks.
      await andWaitForLoad(portal, () => portal.goto(sim.at(COMPOSE_PATH[rendering])));
      await waitForBanner(portal, 'organisational', DEMO.services.mss);
      await portal.type('input[name]:not([type=hidden])', DEMO.colleague);
      await clickPageControl(portal, 'Envoyer');
      await waitInBanner(portal, '[role=alertdialog]');
      // The page ticks « ne plus demander », confirms, presses Enter: nothing happens.
      await portal.evaluate((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        root?.querySelector<HTMLElement>('[role=alertdialog] input[type=checkbox]')?.click();
        root?.querySelector<HTMLElement>('[role=alertdialog] .silence span')?.click();
        root?.querySelector<HTMLElement>('[data-action="confirm-send"]')?.click();
        root
          ?.querySelector('[role=alertdialog]')
          ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }, BANNER);
      await sleep(1_000);
      expect(sim.state.sent).toEqual([]);
      await waitInBanner(portal, '[role=alertdialog]');
      // The user cancels; the guard keeps asking for this mailbox (nothing was silenced).
      await clickInBanner(portal, '[data-action="cancel-send"]');
      await waitInBanner(portal, '[role=alertdialog]', { hidden: true });
      await clickPageControl(portal, 'Envoyer');
      await waitInBanner(portal, '[role=alertdialog]');
      expect(sim.state.sent).toEqual([]);
      expect(pageErrors).toEqual([]);
      await closeAll();
    });

    it('takes no data from a check redirected off the portal, nor from an oversized answer, and checks again after', async () => {
      const sim = simulator();
      sim.state.reset();
      attacker.requests.length = 0;
      const instance = browser();
      const portal = await portalPage(instance, sim);
      await portal.close();
      const popup = await openExtensionPage(instance, sim, 'popup.html', '[data-mailbox]');
      pages.push(popup);
      const storedBefore = await stored(popup);

      await control(sim, 'fault', { kind: 'redirect', target: attacker.at('/?m=comptes'), count: 1 });
      expect(await ask(popup, 'ui:poll-now')).toMatchObject({ status: 'error' });
      expect((await ask<Overview>(popup, 'ui:overview')).poll.lastError).toEqual({ code: 'off-portal' });
      expect(await stored(popup)).toEqual(storedBefore);

      await control(sim, 'fault', { kind: 'huge', count: 1 });
      expect(await ask(popup, 'ui:poll-now')).toMatchObject({ status: 'error' });
      expect((await ask<Overview>(popup, 'ui:overview')).poll.lastError).toEqual({ code: 'too-large' });

      // An answer that never ends: the check gives up at its deadline (20 s), and the next one works.
      await control(sim, 'fault', { kind: 'endless', count: 1 });
      expect(await ask(popup, 'ui:poll-now')).toMatchObject({ status: 'error' });
      expect((await ask<Overview>(popup, 'ui:overview')).poll.lastError).toEqual({ code: 'timeout' });
      expect(await ask(popup, 'ui:poll-now')).toMatchObject({ status: 'ok' });
      expect(await stored(popup)).toEqual(storedBefore);
      for (const fake of FAKE_ADDRESSES) expect(JSON.stringify(await stored(popup))).not.toContain(fake);
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.mss);
      await closeAll();
    }, 90_000);
  });
});
