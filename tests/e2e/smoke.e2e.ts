/**
 * Smoke: in both real browsers and on both renderings, the extension's content script
 * runs on the simulator's pages (login and webmail) and its message reaches the
 * background and comes back (the <html> mark carries the version the background sent).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../simulator/seed';
import { BROWSER_NAMES, launchWithExtension } from './browsers';
import { logIn } from './portal-page';
import { RENDERINGS, useBrowser, useSimulator } from './suite';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const MARK = 'html[data-repere-bal]';

describe.each(BROWSER_NAMES)('%s with the extension', (browserName) => {
  const browser = useBrowser(() => launchWithExtension(browserName));

  describe.each(RENDERINGS)('%s rendering', (rendering) => {
    const simulator = useSimulator(rendering);

    it('runs the content script on the login page and hears back from the background', async () => {
      const page = await browser().newPage();
      const sim = simulator();
      await page.goto(sim.url, { waitUntil: 'load' });
      await page.waitForSelector(MARK, { timeout: 15_000 });
      const mark = await page.$eval(MARK, (html) => html.getAttribute('data-repere-bal'));
      expect(mark).toBe(VERSION);
      await page.close();
    });

    it('runs on the webmail after login', async () => {
      const page = await browser().newPage();
      const sim = simulator();
      await logIn(page, sim.url, DEMO.colleague, DEMO.password);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(sim.rendering.inboxPath);
      await page.waitForSelector(MARK, { timeout: 15_000 });
      expect(await page.$eval(MARK, (html) => html.getAttribute('data-repere-bal'))).toBe(VERSION);
      await page.close();
    });
  });
});
