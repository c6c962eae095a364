/**
 * `npm run demo`: the tour of Repère BAL on the simulated portal, in Chromium with the
 * extension. Log in as the demo user, the banner on the personal mailbox, a one-click
 * switch to a service mailbox, a delivered message turning into a desktop notification,
 * the send guard, and, for IT, the compatibility check of the options page. With a display the browser stays open for you to carry on; without
 * one it runs headless, saves screenshots in demo-output/ and says what happened. Either
 * way it also saves the store screenshots (1280×800) in demo-output/store/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer';
import {
  accountPageLink,
  BANNER,
  clickInBanner,
  clickPageControl,
  waitForBanner,
  waitForUnsure,
  waitInBanner,
} from '../tests/e2e/banner-page';
import { type ExtensionBrowser, inServiceWorker, launchChromiumForPeople } from '../tests/e2e/browsers';
import { fillLabelled, logIn } from '../tests/e2e/portal-page';
import { control, controlState } from '../tests/simulator/client';
import { DEMO } from '../tests/simulator/seed';
import { startSimulator } from '../tests/simulator/server';
import { missingBrowsers } from '../tests/support/browser-paths';
import { prepareStoreScreenshots, STORE_SCREENSHOTS, storePopupShot, storeShot } from './store-screenshots';

const OUT = 'demo-output';
const withDisplay = Boolean(process.env.DISPLAY) && process.env.CI === undefined;
let step = 0;

function say(text: string): void {
  step += 1;
  console.log(`${String(step).padStart(2)}. ${text}`);
}

/**
 * tsx (which runs this script) names functions with a `__name` helper that the pages
 * do not have: functions sent to a page must find it there.
 */
async function newPage(instance: ExtensionBrowser): Promise<Page> {
  const page = await instance.newPage();
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}/${String(step).padStart(2, '0')}-${name}.png` });
}

// On a machine without Chromium (or with a variable naming nothing), say what to do and stop.
const missing = missingBrowsers(['chromium']);
if (missing) {
  console.error(missing);
  process.exitCode = 1;
} else {
  await tour();
}

async function tour(): Promise<void> {
  if (!existsSync('.output/e2e/chrome/manifest.json')) {
    console.log('Construction de l’extension de test (npm run build:e2e)…');
    execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'inherit' });
  }
  mkdirSync(OUT, { recursive: true });
  prepareStoreScreenshots();

  const sim = await startSimulator({ rendering: 'classic', port: Number(process.env.DEMO_PORT ?? 8780) });
  const instance = await launchChromiumForPeople(!withDisplay);
  console.log(
    `Simulateur du portail : ${sim.url}  (${withDisplay ? 'navigateur visible' : 'sans écran : captures dans demo-output/'})\n`,
  );

  try {
    // The demo user opens her personal mailbox at login (the default account is hers here).
    await control(sim, 'default-account', { login: DEMO.login, address: DEMO.login });
    const page = await newPage(instance);
    await page.setViewport({ width: 1280, height: 720 });
    await logIn(page, sim.url, DEMO.login, DEMO.password);
    say(`Connexion au portail en tant que ${DEMO.displayName} (${DEMO.login}).`);
    const learning = await waitForUnsure(page, 'frame-unknown');
    say(`Première fois sur ce portail : « ${learning.status} »`);
    await shot(page, 'premiere-utilisation');
    const accountPage = await accountPageLink(page);
    if (!accountPage) throw new Error('aucun lien « Gérer votre compte Medimail » sur la page');
    await page.goto(accountPage, { waitUntil: 'load' });
    await waitForBanner(page, 'personal', DEMO.login);
    say('« Gérer votre compte Medimail » ouvert une fois : Repère BAL a appris à lire le portail.');
    await page.goto(sim.at(sim.rendering.inboxPath), { waitUntil: 'load' });
    await waitForBanner(page, 'personal', DEMO.login);
    // Once the mailboxes are learnt (the banner offers them), the banner names the person.
    await waitInBanner(page, '.menu-button');
    const personal = await waitForBanner(page, 'personal', DEMO.login, DEMO.displayName);
    say(`Bandeau : « ${personal.status} ».`);
    await shot(page, 'bandeau-personnel');
    await storeShot(page, '5-bandeau-personnel');

    await clickInBanner(page, '.menu-button');
    await shot(page, 'changement-de-boite');
    await clickInBanner(page, `[data-switch-to="${DEMO.services.cardio}"]`);
    const service = await waitForBanner(page, 'organisational', DEMO.services.cardio);
    say(`Un clic sur « Secrétariat de cardiologie » dans le bandeau : « ${service.status} ».`);
    await shot(page, 'bandeau-service');
    await storeShot(page, '1-bandeau-service');

    const popup = await newPage(instance);
    await popup.setViewport({ width: 400, height: 560 });
    await popup.goto(instance.extensionUrl('popup.html'), { waitUntil: 'load' });
    await popup.waitForSelector('[data-action="check-now"]');
    await popup.click('[data-action="check-now"]');
    await popup.waitForSelector('[data-action="check-now"]:not([disabled])');
    await control(sim, 'deliver', { to: DEMO.services.mss, subject: 'Compte rendu — patient (sujet jamais montré)' });
    say('Un message arrive dans la BAL de service mss@esante-occitanie.fr ; « Vérifier maintenant » dans le panneau.');
    await popup.click('[data-action="check-now"]');
    await popup.waitForSelector('[data-action="check-now"]:not([disabled])');
    const shown = await inServiceWorker(instance, async () => {
      const api = (
        globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }
      ).chrome;
      return Object.keys(await api.notifications.getAll());
    });
    const log = await popup.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { notifications: { title: string }[] } }> } };
        }
      ).chrome;
      return (await api.runtime.sendMessage({ name: 'ui:overview', payload: {} })).value.notifications.map(
        (n) => n.title,
      );
    });
    say(
      `Notification de bureau : « ${log[0] ?? '—'} » (identifiant ${shown.join(', ') || '—'}), sans objet ni expéditeur.`,
    );
    await popup.reload({ waitUntil: 'load' });
    await popup.waitForSelector('[data-mailbox]');
    await shot(popup, 'panneau');
    await popup.close();

    await page.bringToFront();
    await page.goto(sim.at('/?m=nouveau'), { waitUntil: 'load' });
    await waitForBanner(page, 'organisational', DEMO.services.cardio);
    await fillLabelled(page, ['À', 'Destinataires'], DEMO.colleague);
    await fillLabelled(page, ['Objet'], 'Planning de garde');
    await clickPageControl(page, 'Envoyer');
    await waitInBanner(page, '[role=alertdialog]');
    const question = await page.$eval(
      BANNER,
      (host) => host.shadowRoot?.querySelector('[role=alertdialog] p')?.textContent ?? '',
    );
    say(`« Envoyer » depuis la BAL de service : confirmation demandée — « ${question} »`);
    await shot(page, 'confirmation-envoi');
    await storeShot(page, '3-confirmation-envoi');
    await Promise.all([page.waitForNavigation(), clickInBanner(page, '[data-action="confirm-send"]')]);
    const sent = (await controlState(sim)).sent.at(-1);
    say(`Message envoyé une seule fois, au nom de ${sent?.from ?? '?'}.`);
    await page.waitForSelector(BANNER);
    await shot(page, 'apres-envoi');

    // For IT, on the day of the real portal: the compatibility check, from the options page.
    const options = await newPage(instance);
    await options.setViewport({ width: 1100, height: 900 });
    await options.goto(instance.extensionUrl('options.html'), { waitUntil: 'load' });
    await options.waitForSelector('[data-action="check-portal"]');
    await options.click('[data-action="check-portal"]');
    await options.waitForSelector('[data-check-outcome="done"]', { timeout: 30_000 });
    const statuses = await options.$$eval('[data-contract-point]', (points) =>
      points.map((point) => point.getAttribute('data-status')),
    );
    say(
      `Vérification de compatibilité (page de réglages) : ${statuses.filter((s) => s === 'ok').length} points du contrat présents sur ${statuses.length}.`,
    );
    await options.$eval('#options-check', (section) => section.scrollIntoView());
    await shot(options, 'verification-compatibilite');

    // The store's pictures of the mailbox lists come last: the seed names one service like
    // an attack (for the tests), so here it first gets the name a user would give it.
    await options.evaluate(
      async (address, label) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
          .chrome;
        await api.runtime.sendMessage({ name: 'ui:update-mailbox', payload: { address, patch: { label } } });
      },
      DEMO.services.urgences,
      'Urgences pédiatriques',
    );
    await options.close();
    await page.bringToFront();
    await page.goto(sim.at(sim.rendering.inboxPath), { waitUntil: 'load' });
    await waitInBanner(page, '.menu-button');
    await clickInBanner(page, '.menu-button');
    await storeShot(page, '2-changement-de-bal');
    await page.reload({ waitUntil: 'load' });
    await waitInBanner(page, '.menu-button');
    const storePopup = await newPage(instance);
    // Taller than the tour's: the whole panel, its pause buttons included.
    await storePopup.setViewport({ width: 400, height: 600 });
    await storePopup.goto(instance.extensionUrl('popup.html'), { waitUntil: 'load' });
    await storePopup.waitForSelector('[data-mailbox]');
    await storePopupShot(page, storePopup, '4-panneau');
    await storePopup.close();

    if (withDisplay) {
      console.log(
        `\nLe navigateur reste ouvert : continuez à la main sur ${sim.url} (mot de passe ${DEMO.password}). Ctrl+C pour quitter.`,
      );
      await new Promise<void>((resolve) => {
        process.on('SIGINT', resolve);
        instance.browser.on('disconnected', resolve);
      });
    } else {
      console.log(`\nCaptures d’écran dans ${OUT}/, celles des magasins (1280×800) dans ${STORE_SCREENSHOTS}/.`);
    }
  } catch (error) {
    console.error('\nLa démonstration s’est interrompue :', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await instance.close().catch(() => {});
    await sim.close();
  }
}
