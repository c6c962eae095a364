/**
 * The popup and the options page in real browsers, with the simulator: the list of
 * mailboxes and counts, a colour change that the open portal tab's banner shows at once,
 * a bad settings file that changes nothing and says why, a good one applied after its
 * preview, and axe-core finding no accessibility violation in the popup, the options
 * page and the banner. And the settings at scale: the simulator's thirty-mailbox user
 * gets a compact line per mailbox, within about two screens, and a filter.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { Overview, SettingsView } from '../../utils/protocol/messages';
import { control, controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import { BANNER, logInWithMailboxesLearnt, POLL_MS, waitForBanner, waitInBanner } from './banner-page';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import {
  ask,
  axeViolations,
  chooseDisguiseOfCardio,
  chooseFile,
  clickDom,
  openExtensionPage,
  waitForDom,
} from './extension-pages';
import { logIn } from './portal-page';
import { useBrowser, useSimulator } from './suite';

const VERMILLION = '#D55E00';

/** The banner's background colour, as computed. */
function bannerColour(page: Page): Promise<string> {
  return page.$eval(
    BANNER,
    (host) => getComputedStyle(host.shadowRoot?.querySelector('.bar') as Element).backgroundColor,
  );
}

/** Opens a mailbox's details in the settings (its disclosure button) and waits for them. */
async function openDetails(page: Page, address: string): Promise<void> {
  const box = `[data-mailbox-settings="${address}"]`;
  await clickDom(page, `${box} [data-action="mailbox-details"][aria-expanded="false"]`);
  await waitForDom(page, `${box} [data-action="mailbox-details"][aria-expanded="true"]`);
  await waitForDom(page, `${box} input[data-colour]`);
}

describe.each(BROWSER_NAMES)('%s, popup and options', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));
  const simulator = useSimulator('classic', browser);

  it('lists the mailboxes and counts, applies a colour live, refuses a bad file, previews then applies a good one, applies a disguise only on a second yes, passes axe', async () => {
    const sim = simulator();
    const instance = browser();
    const portal = await logInWithMailboxesLearnt(instance, sim);

    // Popup: every mailbox of the simulator's user, with the simulator's counts.
    const popup = await openExtensionPage(instance, sim, 'popup.html', '[data-mailbox]');
    await ask(popup, 'ui:poll-now');
    await ask<Overview>(popup, 'ui:overview');
    await clickDom(popup, '#tab-settings');
    await clickDom(popup, '#tab-mailboxes');
    await waitForDom(popup, '[data-action="check-now"]:not([disabled])');
    const { unread } = await controlState(sim);
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-mailbox]')].map((row) => [
        row.getAttribute('data-mailbox'),
        Number(row.querySelector('[data-unread]')?.getAttribute('data-unread')),
      ]),
    );
    const expected = [DEMO.login, ...Object.values(DEMO.services)].map((address) => [address, unread[address]]);
    expect(rows.sort()).toEqual(expected.sort());
    expect(await axeViolations(popup)).toEqual([]);
    await clickDom(popup, '#tab-settings');
    await waitForDom(popup, '[data-mailbox-settings]');
    // Compact lines, and one mailbox's details opened: both pass axe.
    await clickDom(popup, `[data-mailbox-settings="${DEMO.services.cardio}"] [data-action="mailbox-details"]`);
    await waitForDom(popup, `[data-mailbox-settings="${DEMO.services.cardio}"] input[data-field="label"]`);
    expect(await axeViolations(popup)).toEqual([]);

    // Options: a colour chosen for mss@ shows at once in the portal tab's banner.
    const options = await openExtensionPage(
      instance,
      sim,
      'options.html',
      `[data-mailbox-settings="${DEMO.services.mss}"]`,
    );
    expect(await axeViolations(options)).toEqual([]);
    await openDetails(options, DEMO.services.mss);
    await clickDom(options, `[data-mailbox-settings="${DEMO.services.mss}"] input[data-colour="${VERMILLION}"]`);
    await portal.waitForFunction(
      (tag) =>
        getComputedStyle(document.querySelector(tag)?.shadowRoot?.querySelector('.bar') as Element).backgroundColor ===
        'rgb(213, 94, 0)',
      { polling: POLL_MS, timeout: 15_000 },
      BANNER,
    );
    expect(await bannerColour(portal)).toBe('rgb(213, 94, 0)');
    expect(await axeViolations(portal, BANNER)).toEqual([]);

    // A bad file: nothing changes, every problem is named with its place.
    const before = await ask<SettingsView>(options, 'ui:settings');
    const bad = {
      format: 'repere-bal-settings',
      version: 1,
      settings: { pollIntervalMinutes: 0, surprise: true },
      mailboxes: [{ address: DEMO.services.cardio, colour: 'rouge' }],
    };
    await chooseFile(options, '[data-action="import"]', 'mauvais.json', JSON.stringify(bad));
    await waitForDom(options, '[data-import="invalid"]');
    const problems = await options.$eval('[data-import="invalid"]', (el) => el.textContent ?? '');
    expect(problems).toContain('settings.pollIntervalMinutes');
    expect(problems).toContain('mailboxes[0].colour');
    expect(problems).toContain('surprise');
    expect(await ask<SettingsView>(options, 'ui:settings')).toEqual(before);

    // A good file: shown first, applied only when asked.
    const good = {
      format: 'repere-bal-settings',
      version: 1,
      settings: { pollIntervalMinutes: 5 },
      mailboxes: [{ address: DEMO.services.cardio, label: 'Cardio' }],
    };
    await chooseFile(options, '[data-action="import"]', 'bon.json', JSON.stringify(good));
    await waitForDom(options, '[data-import="preview"]');
    const preview = await options.$eval('[data-import="preview"]', (el) => el.textContent ?? '');
    expect(preview).toContain('pollIntervalMinutes');
    expect(preview).toContain('Cardio');
    expect((await ask<SettingsView>(options, 'ui:settings')).settings.pollIntervalMinutes).toBe(
      before.settings.pollIntervalMinutes,
    );
    await clickDom(options, '[data-action="apply-import"]');
    await options.waitForFunction(
      () => document.querySelector('[role=status]')?.textContent?.includes('Réglages importés'),
      { polling: POLL_MS },
    );
    const after = await ask<SettingsView>(options, 'ui:settings');
    expect(after.settings.pollIntervalMinutes).toBe(5);
    expect(after.mailboxes.find((m) => m.address === DEMO.services.cardio)?.label).toBe('Cardio');

    // A file that disguises a service mailbox: said in words, applied only on a second yes.
    await chooseDisguiseOfCardio(options);
    await waitForDom(options, '[data-import-weakenings]');
    const warned = await options.evaluate(() => ({
      lines: [...document.querySelectorAll('[data-weakening]')].map((li) => li.getAttribute('data-weakening')),
      text: document.querySelector('[data-import-weakenings]')?.textContent ?? '',
      applyDisabled: document.querySelector<HTMLButtonElement>('[data-action="apply-import"]')?.disabled,
    }));
    expect(warned).toMatchObject({ lines: ['personal', 'no-confirmation'], applyDisabled: true });
    expect(warned.text).toContain('le bandeau dira « en votre nom »');
    expect(warned.text).toContain('ne demandera plus de confirmation');
    await clickDom(options, '[data-action="confirm-weakenings"]');
    await options.waitForFunction(
      () => document.querySelector<HTMLButtonElement>('[data-action="apply-import"]')?.disabled === false,
      { polling: POLL_MS },
    );
    expect(await axeViolations(options)).toEqual([]);
    await clickDom(options, '[data-action="apply-import"]');
    await options.waitForFunction(() => !document.querySelector('[data-import-weakenings]'), { polling: POLL_MS });
    const disguised = (await ask<SettingsView>(options, 'ui:settings')).mailboxes.find(
      (m) => m.address === DEMO.services.cardio,
    );
    expect(disguised).toMatchObject({ kind: 'personal', confirmBeforeSend: false });
  });
});

/** The screen the settings are measured on, and how many of its heights the mailbox lines may take. */
const SCREEN = { width: 1280, height: 800 };
const SCREENS_FOR_MAILBOXES = 2;

/** Types into the mailbox filter as a person would (value, then the input event), by the DOM. */
function filterMailboxes(page: Page, text: string): Promise<void> {
  return page.evaluate((typed) => {
    const input = document.querySelector<HTMLInputElement>('input[data-field="mailbox-filter"]');
    if (!input) throw new Error('no mailbox filter');
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Waits until the settings show `count` mailbox lines. */
async function waitForLines(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-mailbox-settings]').length === n,
    { polling: POLL_MS, timeout: 15_000 },
    count,
  );
}

describe.each(BROWSER_NAMES)('%s, settings for thirty mailboxes', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));
  const simulator = useSimulator('classic', browser);

  it('fits the pool secretary’s mailboxes on about two screens, details closed; filters them; passes axe', async () => {
    const sim = simulator();
    const instance = browser();
    await control(sim, 'first-login-quirk', { enabled: false });
    const portal = await instance.newPage();
    await logIn(portal, sim.url, DEMO.pool, DEMO.password);
    await waitForBanner(portal, 'personal', DEMO.pool);
    await waitInBanner(portal, '.menu-button');

    const options = await openExtensionPage(instance, sim, 'options.html', '[data-mailbox-settings]');
    await options.setViewport(SCREEN);
    // Her own mailbox and the thirty services.
    const total = (await ask<SettingsView>(options, 'ui:settings')).mailboxes.length;
    expect(total).toBe(31);
    await waitForLines(options, total);
    // A layout size, not a timing: the part of the page that lists the mailboxes.
    const measured = await options.evaluate(() => ({
      viewport: [window.innerWidth, window.innerHeight],
      open: document.querySelectorAll('[data-action="mailbox-details"][aria-expanded="true"]').length,
      height: Math.ceil(document.querySelector('.mailbox-settings-list')?.getBoundingClientRect().height ?? 0),
    }));
    console.info(
      `${browserName}: ${total} mailboxes, settings lines ${measured.height} px high at ${SCREEN.width}×${SCREEN.height}` +
        ` (${(measured.height / SCREEN.height).toFixed(2)} screens)`,
    );
    expect({ viewport: measured.viewport, open: measured.open }).toEqual({
      viewport: [SCREEN.width, SCREEN.height],
      open: 0,
    });
    expect(measured.height).toBeGreaterThan(0);
    expect(measured.height).toBeLessThanOrEqual(SCREENS_FOR_MAILBOXES * SCREEN.height);
    expect(await axeViolations(options)).toEqual([]);

    // The filter: on name and address, case folded; a line's details open inside the results.
    await filterMailboxes(options, 'SERVICE 2');
    await waitForLines(options, 10);
    await filterMailboxes(options, 'service07@');
    await waitForLines(options, 1);
    await openDetails(options, 'service07@chu-exemple.mssante.fr');
    expect(await axeViolations(options)).toEqual([]);
    await filterMailboxes(options, 'radiologie');
    await waitForDom(options, '[data-filter-result="0"]');
    await waitForLines(options, 0);
    expect(await options.$eval('[data-filter-result]', (el) => el.textContent)).toBe(
      'Aucune boîte ne correspond à « radiologie ».',
    );
    expect(await axeViolations(options)).toEqual([]);
    await filterMailboxes(options, '');
    await waitForLines(options, total);
  });
});
