/**
 * The compatibility check and the page skeleton in real browsers, against both
 * renderings of the simulator: without a portal tab it says to open one; logged in,
 * every point of the contract is found; with the chooser's counts switched off, that
 * point alone is missing; the diagnostics carry the last check; and the skeleton of the
 * inbox shows the portal's structure and texts and none of the mailboxes' addresses, the
 * user's name, or a message's subject and sender planted for the test; with the portal
 * tab closed, the skeleton is the inbox's, read for the occasion.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../utils/protocol/messages';
import { CONTRACT_POINTS } from '../../utils/protocol/views';
import { control, setChooserCounts } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import { logInWithMailboxesLearnt } from './banner-page';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import { ask, axeViolations, clickDom, openExtensionPage, waitForDom } from './extension-pages';
import { andWaitForLoad } from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const POINTS = CONTRACT_POINTS;

/** Runs the check from the options page and waits for its outcome. */
async function runCheck(options: Page, outcome: string): Promise<Record<string, string>> {
  await clickDom(options, '[data-action="check-portal"]');
  await waitForDom(options, `[data-check-outcome="${outcome}"]`, 30_000);
  return options.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-contract-point]')].map((point) => [
        point.getAttribute('data-contract-point'),
        point.getAttribute('data-status'),
      ]),
    ),
  );
}

const PLANTED = {
  subject: 'Résultats IRM Jeanne Dupont-Martin',
  fromName: 'Docteur Hippolyte Vasseur',
  from: 'hippolyte.vasseur@chu-exemple.fr',
};

describe.each(BROWSER_NAMES)('%s, compatibility check and page skeleton', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);

    it('says to open the portal, then finds every point, then the chooser without counts; the skeleton hides every name', async () => {
      const sim = simulator();
      const instance = browser();
      const options = await openExtensionPage(instance, sim, 'options.html', '[data-action="check-portal"]');
      expect(await runCheck(options, 'no-tab')).toEqual(Object.fromEntries(POINTS.map((p) => [p, 'pending'])));
      // No portal tab: the inbox, read for the occasion (its address was kept when the
      // portal was learnt), shows the login page now the session is gone.
      await clickDom(options, '[data-action="export-skeleton"]');
      await waitForDom(options, '[data-skeleton-outcome="fetched"]');

      await control(sim, 'deliver', { to: DEMO.services.mss, ...PLANTED, body: 'Compte rendu confidentiel' });
      const portal = await logInWithMailboxesLearnt(instance, sim);
      await options.bringToFront();
      expect(await runCheck(options, 'done')).toEqual(Object.fromEntries(POINTS.map((p) => [p, 'ok'])));
      expect(await axeViolations(options)).toEqual([]);
      const diagnostics = await ask<Diagnostics>(options, 'ui:diagnostics');
      expect(diagnostics.portalCheck?.points.every((point) => point.status === 'ok')).toBe(true);

      await setChooserCounts(sim, false);
      const withoutCounts = await runCheck(options, 'done');
      expect(withoutCounts).toEqual({
        ...Object.fromEntries(POINTS.map((p) => [p, 'ok'])),
        'chooser-counts': 'missing',
      });
      const explained = await options.$eval('[data-contract-point="chooser-counts"]', (point) => point.textContent);
      expect(explained).toContain('non-lus');
      await setChooserCounts(sim, true);

      // The portal tab shows the inbox, with the planted message in its list.
      expect(await portal.evaluate(() => document.body.textContent)).toContain(PLANTED.subject);
      await clickDom(options, '[data-action="export-skeleton"]');
      // The tab's page this time (no outcome line): the field no longer holds the login page's.
      await options.waitForFunction(
        () => !document.querySelector('[data-skeleton-outcome]') && document.querySelector('[data-skeleton]'),
        { polling: 100, timeout: 15_000 },
      );
      const skeleton = await options.$eval('[data-skeleton]', (field) => (field as HTMLTextAreaElement).value);
      expect(await options.$eval('[data-skeleton]', (field) => field.hasAttribute('readonly'))).toBe(true);
      expect(skeleton).toContain('Changer de compte');
      expect(skeleton).toContain('Boîte de réception');
      // The page as the portal made it: not the extension's banner, tab icon or mark.
      expect(skeleton).not.toContain('repere-bal');
      const secrets = [
        DEMO.login,
        DEMO.displayName,
        ...Object.values(DEMO.services),
        PLANTED.subject,
        PLANTED.fromName,
        PLANTED.from,
        'Jeanne',
        'Vasseur',
        'esante-occitanie',
      ];
      for (const secret of secrets) expect(skeleton.toLowerCase()).not.toContain(secret.toLowerCase());

      // No portal tab any more: the inbox, read for the occasion, and said so.
      await portal.close();
      await clickDom(options, '[data-action="export-skeleton"]');
      await waitForDom(options, '[data-skeleton-outcome="fetched"]');
      const fetched = await options.$eval('[data-skeleton]', (field) => (field as HTMLTextAreaElement).value);
      expect(fetched).toContain('Boîte de réception');
      for (const secret of secrets) expect(fetched.toLowerCase()).not.toContain(secret.toLowerCase());
      await options.close();
    });

    it('reads the tab’s real page when a message names its elements after the document’s own parts', async () => {
      const sim = simulator();
      sim.state.reset();
      const instance = browser();
      const clobbering =
        '<form name="documentElement"><input name="x" value="formulaire du message"></form><img name="body" alt=""><form name="head"></form>';
      const { keys } = (await control(sim, 'deliver', { to: DEMO.services.mss, html: clobbering })).json;
      const portal = await logInWithMailboxesLearnt(instance, sim);
      await andWaitForLoad(portal, () => portal.goto(sim.at(sim.rendering.messagePath(keys?.[0] ?? ''))));
      const options = await openExtensionPage(instance, sim, 'options.html', '[data-action="check-portal"]');
      const points = await runCheck(options, 'done');
      expect(points).toMatchObject({ label: 'ok', 'account-menu': 'ok', chooser: 'ok' });
      await clickDom(options, '[data-action="export-skeleton"]');
      await options.waitForFunction(() => document.querySelector('[data-skeleton]'), { polling: 100, timeout: 15_000 });
      const skeleton = await options.$eval('[data-skeleton]', (field) => (field as HTMLTextAreaElement).value);
      expect(skeleton.split('\n')[1]).toMatch(/^html\b/);
      expect(skeleton).toContain('Changer de compte');
      await options.close();
      await portal.close();
    });
  });
});
