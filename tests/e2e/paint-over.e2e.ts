/**
 * Nothing a message draws goes over the banner or the send guard's question, in real
 * Chromium and Firefox on both renderings (SECURITY.md, « Expéditeur » painting over).
 * A message on a reply page (the original shown below the form, as many webmails do)
 * keeps its styles: a fixed bar with the top z-index saying « Vous échangez en votre
 * nom », a fake question centred over the real one and another at the bottom letting
 * clicks through, and a declarative popover the user opens with a click. Ours are in
 * the browser's top layer: the test takes their pixels on a plain compose page, then on
 * the reply page under the attack, and finds them the same to the byte; a click on the
 * fake « Envoyer en votre nom » sends nothing.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it, vi } from 'vitest';
import { PAINT_OVER, paintOver } from '../simulator/attacks';
import { control } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import {
  BANNER,
  COMPOSE_PATH,
  clickInBanner,
  clickPageControl,
  logInWithMailboxesLearnt,
  waitForBanner,
  waitInBanner,
} from './banner-page';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import { andWaitForLoad } from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

/** A screen where neither page needs a scroll bar: both are laid out at the same width. */
const SCREEN = { width: 1280, height: 1000 };

/** The question's corner radius (ui/banner.css): inside it, every pixel is the question's own. */
const CORNER = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The box of an element of the banner's shadow root, in the page's pixels. */
async function boxInBanner(page: Page, selector: string) {
  const box = await page.evaluate(
    (tag, sel) => {
      const rect = document.querySelector(tag)?.shadowRoot?.querySelector(sel)?.getBoundingClientRect();
      return rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    BANNER,
    selector,
  );
  if (!box) throw new Error(`nothing in the banner matches ${selector}`);
  return box;
}

/**
 * The pixels of an element of the banner, as the screen shows them, `inset` pixels in
 * from its edges (the question's rounded corners show the page behind).
 */
async function pixelsOf(page: Page, selector: string, inset = 0): Promise<Buffer> {
  const { x, y, width, height } = await boxInBanner(page, selector);
  const clip = { x: x + inset, y: y + inset, width: width - 2 * inset, height: height - 2 * inset };
  return Buffer.from(await page.screenshot({ type: 'png', clip }));
}

/** Whether the page's element `fakeSelector` overlaps the banner's `selector` (the attack aims where ours are). */
function overlaps(page: Page, fakeSelector: string, selector: string): Promise<boolean> {
  return page.evaluate(
    (tag, fakeSel, sel) => {
      const fake = document.querySelector(fakeSel)?.getBoundingClientRect();
      const ours = document.querySelector(tag)?.shadowRoot?.querySelector(sel)?.getBoundingClientRect();
      if (!fake || !ours) return false;
      return fake.left < ours.right && ours.left < fake.right && fake.top < ours.bottom && ours.top < fake.bottom;
    },
    BANNER,
    fakeSelector,
    selector,
  );
}

/** Writes to a colleague and presses the page's own « Envoyer »: the question opens. */
async function askToSend(page: Page): Promise<void> {
  await page.type('input[name]:not([type=hidden])', DEMO.colleague);
  await clickPageControl(page, 'Envoyer');
  await waitInBanner(page, '[role=alertdialog]');
}

describe.each(BROWSER_NAMES)('%s, a message painting over the banner and the send guard', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering, browser);

    it('changes none of our pixels, and a click on its fake « Envoyer » sends nothing', async () => {
      const sim: Simulator = simulator();
      sim.state.reset();
      const page = await logInWithMailboxesLearnt(browser(), sim);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      await page.setViewport(SCREEN);
      const { json } = await control(sim, 'deliver', {
        to: DEMO.services.mss,
        html: paintOver({ attacker: '', realAddresses: [] }),
      });
      const key = json.keys?.[0];
      if (!key) throw new Error('the message was not delivered');

      // Ours, on a plain compose page of the service mailbox.
      await andWaitForLoad(page, () => page.goto(sim.at(COMPOSE_PATH[rendering])));
      await waitForBanner(page, 'organisational', DEMO.services.mss);
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      const bar = await pixelsOf(page, '.bar');
      await askToSend(page);
      const question = await pixelsOf(page, '.dialog', CORNER);
      await clickInBanner(page, '[data-action="cancel-send"]');
      await waitInBanner(page, '[role=alertdialog]', { hidden: true });

      // The reply page: the attack shown below the form, aimed where ours are.
      await andWaitForLoad(page, () => page.goto(sim.at(sim.rendering.replyPath(key))));
      await waitForBanner(page, 'organisational', DEMO.services.mss);
      expect(await page.evaluate(() => document.documentElement.clientWidth)).toBe(width);
      expect(await overlaps(page, `.${PAINT_OVER.fakeBanner}`, '.bar')).toBe(true);
      expect(Buffer.compare(await pixelsOf(page, '.bar'), bar)).toBe(0);
      // The user opens the message's popover: in the top layer too, yet under ours.
      await page.click(`.${PAINT_OVER.popoverButton}`);
      await page.waitForFunction(
        (id) => document.getElementById(id)?.matches(':popover-open'),
        {},
        PAINT_OVER.fakePopover,
      );
      await sleep(200);
      expect(await overlaps(page, `#${PAINT_OVER.fakePopover}`, '.bar')).toBe(true);
      expect(Buffer.compare(await pixelsOf(page, '.bar'), bar)).toBe(0);

      await askToSend(page);
      expect(await overlaps(page, `.${PAINT_OVER.fakeDialog}`, '.dialog')).toBe(true);
      expect(Buffer.compare(await pixelsOf(page, '.dialog', CORNER), question)).toBe(0);
      // A click on the fake « Envoyer en votre nom », where the real question has no button.
      const fakeSend = await page.$eval(`.${PAINT_OVER.fakeSend}`, (el) => {
        const rect = el.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      await page.mouse.click(fakeSend.x, fakeSend.y);
      await sleep(1_000);
      expect(sim.state.sent).toEqual([]);
      await waitInBanner(page, '[role=alertdialog]');
      // The real question still answers the user: « Envoyer au nom du service » sends, once.
      await clickInBanner(page, '[data-action="confirm-send"]');
      await vi.waitFor(() => expect(sim.state.sent).toHaveLength(1), { timeout: 10_000, interval: 100 });
      expect(sim.state.sent[0]?.from).toBe(DEMO.services.mss);
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  });
});
