/**
 * A portal served under a strict Content-Security-Policy (no inline style, scripts by
 * nonce, reports sent to the portal), as a hospital may deploy it: in Chromium and
 * Firefox the banner is styled, switching and the send guard work, and the browser
 * reports nothing of the extension's (a hospital collecting reports would get one per
 * page view, and an enforced policy could leave the banner unstyled). The alt rendering:
 * the classic one's inline handlers could not live under such a policy.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import { BANNER, COMPOSE_PATH, clickInBanner, clickPageControl, waitForBanner, waitInBanner } from './banner-page';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import { andWaitForLoad, fillLabelled, logIn } from './portal-page';
import { useBrowser, useSimulator } from './suite';

/** How long a browser may take to send its reports after the page that broke the policy. */
const REPORT_WAIT_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How the banner's bar and the send guard's question are drawn: their own styles, or the browser's defaults. */
function drawn(page: Page, selector: string) {
  return page.$eval(
    BANNER,
    (host, selector) => {
      const element = host.shadowRoot?.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      return {
        display: style.display,
        height: style.height,
        background: style.backgroundColor,
        borderTopWidth: style.borderTopWidth,
      };
    },
    selector,
  );
}

async function reports(sim: Simulator): Promise<unknown[]> {
  return (await controlState(sim)).cspReports;
}

describe.each(BROWSER_NAMES)('%s, under a strict Content-Security-Policy', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));
  const simulator = useSimulator('alt', browser, { strictCsp: true });

  it('styles the banner and the question, switches, guards « Envoyer », and breaks none of the policy', async () => {
    const sim = simulator();
    const page = await browser().newPage();
    await logIn(page, sim.url, DEMO.colleague, DEMO.password);
    await waitForBanner(page, 'personal', DEMO.colleague);
    // Its own styles: a 44 px flex bar in the mailbox's colour, not a transparent block.
    expect(await drawn(page, '.bar')).toMatchObject({
      display: 'flex',
      height: '44px',
      background: expect.not.stringMatching(/^(transparent|rgba\(0, 0, 0, 0\))$/),
    });

    await waitInBanner(page, `[data-switch-to="${DEMO.services.cardio}"]`);
    await clickInBanner(page, `[data-switch-to="${DEMO.services.cardio}"]`);
    await waitForBanner(page, 'organisational', DEMO.services.cardio);
    await page.goto(sim.at(COMPOSE_PATH.alt), { waitUntil: 'load' });
    await waitForBanner(page, 'organisational', DEMO.services.cardio);
    await fillLabelled(page, ['À', 'Destinataires'], DEMO.login);
    await fillLabelled(page, ['Objet'], 'Sous politique stricte');
    await clickPageControl(page, 'Envoyer');
    await waitInBanner(page, '[role=alertdialog]');
    // Its own styles: the mailbox's colour as a 10 px top border (the browser's default is 3 px, inset).
    expect((await drawn(page, '.dialog'))?.borderTopWidth).toBe('10px');
    expect((await controlState(sim)).sent).toHaveLength(0);
    await andWaitForLoad(page, () => page.keyboard.press('Enter'));
    expect((await controlState(sim)).sent).toEqual([
      expect.objectContaining({ from: DEMO.services.cardio, subject: 'Sous politique stricte' }),
    ]);

    await sleep(REPORT_WAIT_MS);
    expect(await reports(sim)).toEqual([]);

    // The reports do arrive: the page's own inline style is reported.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'p { color: red }';
      document.head.append(style);
    });
    await expect.poll(() => reports(sim), { timeout: 10_000, interval: 200 }).toHaveLength(1);
    await page.close();
  });
});
