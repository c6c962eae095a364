/**
 * The simulator used by hand, in real browsers without the extension: log in, switch
 * through the label's menu, manage the default account, compose and send. It proves
 * that both renderings are usable as a person would use them (the second one switches
 * in place, without a page load), whatever the extension would add.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import { BROWSER_NAMES, launchWithoutExtension } from './browsers';
import {
  andWaitForLoad,
  bodyText,
  clickChooserEntry,
  clickText,
  fillLabelled,
  logIn,
  waitForExactText,
} from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

describe.each(BROWSER_NAMES)('%s, the simulator by hand', (browserName) => {
  const browser = useBrowser(() => launchWithoutExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering);
    beforeEach(() => {
      simulator().state.reset();
    });

    it('logs in, switches from the label, sets the default account, composes and sends', async () => {
      const page = await browser().newPage();
      const sim = simulator();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));

      await logIn(page, sim.url, DEMO.login, DEMO.password);
      // First login: the guide's quirk opens the personal mailbox despite the default.
      await waitForExactText(page, DEMO.displayName);

      await clickText(page, 'a, button', DEMO.displayName);
      const chooserIsPage = await page.evaluate(() =>
        [...document.querySelectorAll('a')].some((a) => a.textContent?.trim() === 'Changer de compte'),
      );
      if (chooserIsPage) await andWaitForLoad(page, () => clickText(page, 'a', 'Changer de compte'));
      else await clickText(page, 'button', 'Changer de compte');
      if (chooserIsPage) await andWaitForLoad(page, () => clickChooserEntry(page, DEMO.services.cardio));
      else await clickChooserEntry(page, DEMO.services.cardio);
      await waitForExactText(page, 'Secrétariat de cardiologie');
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.cardio);

      await clickText(page, 'a, button', 'Secrétariat de cardiologie');
      await andWaitForLoad(page, () => clickText(page, 'a', 'Gérer votre compte Medimail'));
      expect(await bodyText(page)).toContain('Gestion des comptes de connexion');
      await page.evaluate((address) => {
        const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(address));
        const box = row?.querySelector<HTMLInputElement>('input[type=checkbox]');
        box?.click();
      }, DEMO.services.bloc);
      await andWaitForLoad(page, () => clickText(page, 'button, input[type=submit]', 'Enregistrer'));
      const user = (await controlState(sim)).users.find((u) => u.login === DEMO.login);
      expect(user?.defaultAccount).toBe(DEMO.services.bloc);

      await andWaitForLoad(page, () =>
        page.evaluate(() => {
          const link = [...document.querySelectorAll('a')].find((a) =>
            /nouveau message|écrire/i.test(a.textContent ?? ''),
          );
          link?.click();
        }),
      );
      await fillLabelled(page, ['À', 'Destinataires'], DEMO.colleague);
      await fillLabelled(page, ['Objet'], 'Planning de garde');
      await andWaitForLoad(page, () => clickText(page, 'button, input[type=submit]', 'Envoyer'));
      const { sent } = await controlState(sim);
      expect(sent).toEqual([expect.objectContaining({ from: DEMO.services.cardio, to: DEMO.colleague })]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
