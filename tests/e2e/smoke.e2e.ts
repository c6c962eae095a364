/**
 * Smoke: in both real browsers and on both renderings, the extension's content script
 * runs on the simulator's pages (login and webmail) and its message reaches the
 * background and comes back (the <html> mark carries the version the background sent).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../simulator/seed';
import { type RenderingName, type Simulator, startSimulator } from '../simulator/server';
import { BROWSER_NAMES, type ExtensionBrowser, launchWithExtension } from './browsers';
import { logIn } from './portal-page';

const RENDERINGS: RenderingName[] = ['classic', 'alt'];
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const MARK = 'html[data-repere-bal]';

describe.each(BROWSER_NAMES)('%s with the extension', (browserName) => {
  let instance: ExtensionBrowser;

  beforeAll(async () => {
    instance = await launchWithExtension(browserName);
  });
  afterAll(async () => {
    await instance?.close();
  });

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    let sim: Simulator;

    beforeAll(async () => {
      sim = await startSimulator({ rendering });
    });
    afterAll(async () => {
      await sim?.close();
    });

    it('runs the content script on the login page and hears back from the background', async () => {
      const page = await instance.newPage();
      await page.goto(sim.url, { waitUntil: 'load' });
      await page.waitForSelector(MARK, { timeout: 15_000 });
      const mark = await page.$eval(MARK, (html) => html.getAttribute('data-repere-bal'));
      expect(mark).toBe(VERSION);
      await page.close();
    });

    it('runs on the webmail after login', async () => {
      const page = await instance.newPage();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(sim.rendering.inboxPath);
      await page.waitForSelector(MARK, { timeout: 15_000 });
      expect(await page.$eval(MARK, (html) => html.getAttribute('data-repere-bal'))).toBe(VERSION);
      await page.close();
    });
  });
});
