/**
 * The real browsers the e2e tests run in, from the system (Debian's chromium and
 * firefox-esr, or another installed one: tests/support/browser-paths.ts), each with the
 * e2e build of the extension loaded, headless, in a fresh temporary profile, kept off
 * the network.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer';
import { browserPath } from '../support/browser-paths';

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];

export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/e2e/chrome'),
  firefox: resolve('.output/e2e/firefox'),
};

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  // The extension's first language (needs Debian's chromium-l10n).
  '--lang=fr-FR',
];

/** Firefox gives each add-on a random origin; the tests pin it to reach its pages. */
const FIREFOX_EXTENSION_UUID = '6d5f2a44-8c1e-4f3b-9a7d-2b1c0e9f4a11';
export const FIREFOX_ADDON_ID = 'repere-bal@repere-bal.fr';

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** The extension's id as this browser knows it. */
  extensionId: string;
  /** The URL of one of the extension's pages (popup.html, options.html). */
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

async function launchChromium(extensionDir: string | null, headless = true): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless,
    defaultViewport: headless ? undefined : null,
    pipe: true,
    enableExtensions: extensionDir ? [extensionDir] : false,
    args: CHROMIUM_FLAGS,
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
  });
  if (!extensionDir) {
    return {
      name: 'chromium',
      browser,
      extensionId: '',
      extensionUrl: () => 'about:blank',
      newPage: () => browser.newPage(),
      close: () => browser.close(),
    };
  }
  const worker = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().endsWith('/background.js'),
    { timeout: 30_000 },
  );
  const extensionId = new URL(worker.url()).host;
  return {
    name: 'chromium',
    browser,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}

async function launchFirefox(withExtension: boolean): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    extraPrefsFirefox: {
      // Keep Firefox off the network: no updates, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      // The extension's first language (needs Debian's firefox-esr-l10n-fr).
      'intl.locale.requested': 'fr',
      'intl.accept_languages': 'fr-FR, fr',
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
    },
  });
  const extensionId = withExtension ? await browser.installExtension(EXTENSION_DIRS.firefox) : '';
  return {
    name: 'firefox',
    browser,
    extensionId,
    extensionUrl: (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}

export function launchWithExtension(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(EXTENSION_DIRS.chromium) : launchFirefox(true);
}

/** Chromium with another unpacked extension (the bench's empty one, for comparison). */
export function launchChromiumWith(extensionDir: string): Promise<ExtensionBrowser> {
  return launchChromium(extensionDir);
}

/** Chromium with the extension, in a window when there is a display (the demo). */
export function launchChromiumForPeople(headless: boolean): Promise<ExtensionBrowser> {
  return launchChromium(EXTENSION_DIRS.chromium, headless);
}

/** The same browser without the extension: the portal simulator on its own. */
export function launchWithoutExtension(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(null) : launchFirefox(false);
}

/** Chromium only: stops the extension's service worker, as the browser does when idle. */
export async function stopServiceWorker(instance: ExtensionBrowser): Promise<void> {
  const worker = await serviceWorker(instance);
  const stopped = new Promise<void>((done) => {
    const gone = (target: Target) => {
      if (target.type() !== 'service_worker') return;
      instance.browser.off('targetdestroyed', gone);
      done();
    };
    instance.browser.on('targetdestroyed', gone);
  });
  await worker.close();
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

/** Chromium only: the extension's live service worker. */
async function serviceWorker(instance: ExtensionBrowser): Promise<WebWorker> {
  const isOurs = (t: Target) =>
    t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${instance.extensionId}/`);
  await instance.browser.waitForTarget(isOurs);
  // A stopped worker's target can linger a moment beside its successor: the newest is the live one.
  const target = instance.browser.targets().filter(isOurs).at(-1);
  const worker = await target?.worker();
  if (!worker) throw new Error('no extension service worker');
  return worker;
}

/**
 * Chromium only: runs `fn` in the extension's service worker, to read its state from tests.
 * The browser may stop the worker between finding it and running there (idle, or a test's
 * `stopServiceWorker`): the run is tried again on the worker that replaces it.
 */
export async function inServiceWorker<T>(instance: ExtensionBrowser, fn: () => T | Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const worker = await serviceWorker(instance);
    try {
      return (await worker.evaluate(fn)) as T;
    } catch (error) {
      if (attempt >= 5 || !/detached|Target closed|Session closed/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
