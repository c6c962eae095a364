/**
 * The portal's frame in real Chromium and Firefox, on both renderings:
 * - a new portal: until its frame is learnt nothing on a page is believed, a lone menu
 *   in a message included (a page served without the portal's header): no identity, no
 *   switch, no request from the imitation's links (they log the user out); the banner
 *   says the one thing to do, and once « Gérer votre compte Medimail » has been opened the
 *   inbox is read right. A menu worded as the profile does not know changes nothing either.
 * - a sample of the generated variations (tests/support/variation-suite.ts), every
 *   ordinary switch on: the banner names the right mailbox on the inbox, a message, a
 *   message imitating the portal and the compose page, and switching works from there.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../utils/protocol/messages';
import { fakeFrame, fakeMenuOnPortal, PORTAL_LOGOUT_PATHS } from '../simulator/attacks';
import { control, controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import { VARIATION_SWITCHES } from '../simulator/variations';
import {
  accountPageLink,
  COMPOSE_PATH,
  clickInBanner,
  learnPortal,
  switchRequests,
  waitForBanner,
  waitForUnsure,
} from './banner-page';
import { BROWSER_NAMES, type ExtensionBrowser, launchWithExtension } from './browsers';
import { ask, openExtensionPage } from './extension-pages';
import { andWaitForLoad, logIn } from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The imitations of a lone menu whose links stay on the portal (its logout), naming the user. */
function loneMenu(): string {
  const options = { attacker: 'http://127.0.0.1:9/', realAddresses: [], displayName: DEMO.displayName };
  return `${fakeMenuOnPortal(options)}${fakeFrame(options)}`;
}

/** How many times the portal was asked to log out (any rendering). */
async function logouts(sim: Simulator): Promise<number> {
  const { requests } = await controlState(sim);
  return Object.entries(requests)
    .filter(([request]) => PORTAL_LOGOUT_PATHS.some((path) => request.endsWith(` ${path}`)))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Opens, on a page served without the portal's header, the message holding a lone imitation of its menu. */
async function openImitationWithoutHeader(page: Page, sim: Simulator, key: string): Promise<void> {
  await control(sim, 'fault', { kind: 'no-header', count: 1 });
  await andWaitForLoad(page, () => page.goto(sim.at(sim.rendering.messagePath(key))));
  // Time for the page to be read, reported and answered.
  await sleep(1_500);
}

describe.each(BROWSER_NAMES)('%s, the portal’s frame', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering, a new portal', (rendering) => {
    const simulator = useSimulator(rendering);

    it('believes nothing before the frame, requests nothing of a lone imitation, and learns from the account page', async () => {
      const sim = simulator();
      const instance: ExtensionBrowser = browser();
      const page = await instance.newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      const first = await waitForUnsure(page, 'frame-unknown');
      expect(first).toMatchObject({ kind: 'unknown', address: null, switchTargets: [] });
      expect(first.status).toContain('ouvrez une fois « Gérer votre compte Medimail »');

      const { keys } = (await control(sim, 'deliver', { to: DEMO.colleague, html: loneMenu(), subject: 'x' })).json;
      const key = keys?.[0] ?? '';
      await openImitationWithoutHeader(page, sim, key);
      expect(await waitForUnsure(page, 'frame-unknown')).toMatchObject({ address: null, switchTargets: [] });
      expect(await logouts(sim)).toBe(0);
      expect((await controlState(sim)).sessions).toHaveLength(1);
      // No address of the portal was kept from a page not believed.
      const options = await openExtensionPage(instance, sim, 'options.html', '[data-action="check-portal"]');
      const { portalUrl } = await ask<Overview>(options, 'ui:overview');
      expect(portalUrl?.startsWith(sim.origin) ?? false).toBe(false);
      await options.close();

      // The one action: « Gérer votre compte Medimail », opened once from the menu.
      await andWaitForLoad(page, () => page.goto(sim.at(sim.rendering.inboxPath)));
      const link = await accountPageLink(page);
      expect(link).not.toBeNull();
      await andWaitForLoad(page, () => page.goto(link as string));
      await waitForBanner(page, 'personal', DEMO.colleague);
      await andWaitForLoad(page, () => page.goto(sim.at(sim.rendering.inboxPath)));
      await waitForBanner(page, 'personal', DEMO.colleague, 'Vous échangez en votre nom');

      // Learnt: the same imitation, alone on a page without the header, is still no menu.
      await openImitationWithoutHeader(page, sim, key);
      expect(await waitForUnsure(page, 'unmatched')).toMatchObject({ address: null, switchTargets: [] });
      expect(await logouts(sim)).toBe(0);
      expect((await controlState(sim)).sessions).toHaveLength(1);
      await page.close();
    });

    it('believes no menu of a message where the portal words its own as the profile does not know', async () => {
      const sim = simulator();
      sim.state.reset();
      const page = await browser().newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      await control(sim, 'variations', { unknownWording: true });
      const { keys } = (await control(sim, 'deliver', { to: DEMO.colleague, html: loneMenu(), subject: 'x' })).json;
      await andWaitForLoad(page, () => page.goto(sim.at(sim.rendering.messagePath(keys?.[0] ?? ''))));
      await sleep(1_500);
      const state = await page.$eval('repere-bal-banner', (host) => ({
        kind: host.getAttribute('data-kind'),
        address: host.getAttribute('data-address'),
      }));
      expect(state).toEqual({ kind: 'unknown', address: null });
      expect(await logouts(sim)).toBe(0);
      expect((await controlState(sim)).sessions).toHaveLength(1);
      await control(sim, 'variations', { reset: true });
      await page.close();
    });
  });

  describe.each(RENDERINGS)('%s rendering, every ordinary variation on', (rendering) => {
    const simulator = useSimulator(rendering);

    it('names the right mailbox on the inbox, a message, an imitation and the compose page, and switches', async () => {
      const sim = simulator();
      const switches = Object.fromEntries(VARIATION_SWITCHES.map((name) => [name, true]));
      await control(sim, 'variations', { ...switches, seed: 2026 });
      await learnPortal(browser(), sim);
      await control(sim, 'first-login-quirk', { enabled: false });
      const page = await browser().newPage();
      await logIn(page, sim.url, DEMO.login, DEMO.password);
      await waitForBanner(page, 'organisational', DEMO.services.mss);
      const plain = (await control(sim, 'deliver', { to: DEMO.services.mss })).json.keys?.[0] ?? '';
      const options = {
        attacker: 'http://127.0.0.1:9/',
        realAddresses: [DEMO.services.cardio],
        displayName: DEMO.displayName,
      };
      const imitation =
        (
          await control(sim, 'deliver', {
            to: DEMO.services.mss,
            html: `${fakeFrame(options)}${fakeMenuOnPortal(options)}`,
          })
        ).json.keys?.[0] ?? '';
      for (const path of [
        sim.rendering.messagePath(plain),
        sim.rendering.messagePath(imitation),
        COMPOSE_PATH[rendering],
        sim.rendering.inboxPath,
      ]) {
        await andWaitForLoad(page, () => page.goto(sim.at(path)));
        await sleep(500);
        await waitForBanner(page, 'organisational', DEMO.services.mss);
      }
      const before = await switchRequests(sim);
      await clickInBanner(page, '.menu-button');
      await clickInBanner(page, `[data-switch-to="${DEMO.services.cardio}"]`);
      await waitForBanner(page, 'organisational', DEMO.services.cardio);
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.cardio);
      expect(await switchRequests(sim)).toBe(before + 1);
      await page.close();
    });
  });
});
