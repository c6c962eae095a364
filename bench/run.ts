/**
 * `npm run bench`: the figures behind what we claim about speed, each beside its
 * target, printed and written to bench/results.json. Measured on the production
 * builds and the e2e build in system Chromium against the simulator; never asserted
 * in tests (timings vary by machine), only reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer';
import { launchChromiumWith, launchWithExtension, launchWithoutExtension } from '../tests/e2e/browsers';
import { DEMO } from '../tests/simulator/seed';
import { startSimulator } from '../tests/simulator/server';
import { missingBrowsers } from '../tests/support/browser-paths';
import { CONTENT_SCRIPT_GZIP_BUDGET } from '../tests/support/budgets';
import { BENCH_LOGIN, pollingFigures, seedWith } from './polling';
import { variationFigures } from './variations';

/** Loads per browser and series in each round; each round starts fresh browsers. */
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Figure {
  name: string;
  value: number | string;
  unit: string;
  target: string;
  met: boolean | null;
}

const figures: Figure[] = [];
function report(name: string, value: number | string, unit: string, target: string, met: boolean | null): void {
  figures.push({ name, value, unit, target, met });
  const mark = met === null ? ' ' : met ? '✓' : '✗';
  console.log(`${mark} ${name.padEnd(58)} ${String(value).padStart(13)} ${unit.padEnd(6)} (cible : ${target})`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function contentScriptSizes(): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    let totalGz = 0;
    for (const file of readdirSync(`.output/${dir}/content-scripts`).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(`.output/${dir}/content-scripts/${file}`);
      const gz = gzipSync(code, { level: 9 }).length;
      totalGz += gz;
      report(`script de contenu ${dir}/${file} (brut)`, round(code.length / 1024), 'Kio', '—', null);
    }
    report(
      `script de contenu ${dir}, total compressé (gzip -9)`,
      round(totalGz / 1024),
      'Kio',
      `≤ ${CONTENT_SCRIPT_GZIP_BUDGET / 1024}`,
      totalGz <= CONTENT_SCRIPT_GZIP_BUDGET,
    );
  }
}

/** Network latency added to every request in one series (a hospital network to the portal). */
const LATENCY_MS = 40;

/**
 * How the inbox is loaded: in a new tab each time (a new renderer process: the cold
 * case), or again and again in the same tab (moving around the webmail: the daily case).
 */
interface LoadMode {
  tab: 'new' | 'same';
  latencyMs: number;
}

/** A tab that times its loads: latency emulated, and the banner's arrival noted. */
async function timedTab(browser: Browser, latencyMs: number): Promise<Page> {
  const page = await browser.newPage();
  if (latencyMs > 0) {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { bannerAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('repere-bal-banner')) {
        w.bannerAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return page;
}

/** Loads the inbox once in `page`; returns navigation timings and when the banner entered the DOM. */
async function loadInbox(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(async () => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const w = window as unknown as { bannerAt?: number };
    // The first paint may come after load: wait for it (a second at most).
    const firstContentfulPaint = await new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(Number.NaN), 1000);
    });
    return {
      domContentLoaded: nav?.domContentLoadedEventStart ?? Number.NaN,
      load: nav?.loadEventStart ?? Number.NaN,
      firstContentfulPaint,
      bannerAt: w.bannerAt ?? (document.querySelector('repere-bal-banner') ? 0 : null),
    };
  });
}

type InboxLoad = Awaited<ReturnType<typeof loadInbox>>;

/**
 * Logs in, then opens « Gérer votre compte Medimail » once, as a new user does: the
 * extension learns the portal's frame there, and every later page is read with it.
 */
async function loginCookie(browser: Browser, simUrl: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(simUrl);
  await page.type('form input:is([type=text],[type=email])', DEMO.colleague);
  await page.type('form input[type=password]', DEMO.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await page.goto(new URL('/?m=compte', simUrl).toString(), { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await page.close();
}

/**
 * An extension that only declares an empty content script at document_start on the
 * same pages, with an empty background: what any extension costs the portal, so that
 * the rest of the difference is ours.
 */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repere-bal-empty-'));
  const manifest = {
    manifest_version: 3,
    name: 'vide',
    version: '1.0',
    background: { service_worker: 'background.js' },
    host_permissions: ['http://127.0.0.1/*'],
    content_scripts: [{ matches: ['http://127.0.0.1/*'], run_at: 'document_start', js: ['content.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content.js'), '');
  return dir;
}

/** Loads the inbox in each browser in turn, so that machine noise hits them alike (one warm-up each). */
async function interleavedLoads<K extends string>(
  browsers: Record<K, Browser>,
  url: string,
  mode: LoadMode,
): Promise<Record<K, InboxLoad[]>> {
  const names = Object.keys(browsers) as K[];
  const loads = Object.fromEntries(names.map((name) => [name, [] as InboxLoad[]])) as Record<K, InboxLoad[]>;
  const sameTabs = new Map<K, Page>();
  const loadIn = async (name: K) => {
    if (mode.tab === 'same') {
      if (!sameTabs.has(name)) sameTabs.set(name, await timedTab(browsers[name], mode.latencyMs));
      return loadInbox(sameTabs.get(name) as Page, url);
    }
    const page = await timedTab(browsers[name], mode.latencyMs);
    try {
      return await loadInbox(page, url);
    } finally {
      await page.close();
    }
  };
  for (const name of names) await loadIn(name);
  for (let i = 0; i < LOADS; i += 1) {
    for (const name of names) loads[name].push(await loadIn(name));
  }
  for (const page of sameTabs.values()) await page.close();
  return loads;
}

function reportRatios(series: string, on: InboxLoad[], off: InboxLoad[], target: string): void {
  const dclOn = median(on.map((t) => t.domContentLoaded));
  const dclOff = median(off.map((t) => t.domContentLoaded));
  const loadOn = median(on.map((t) => t.load));
  const loadOff = median(off.map((t) => t.load));
  const met = (ratio: number) => (target === '—' ? null : ratio <= 1.05);
  report(`${series} : DOMContentLoaded médian, avec / sans`, `${round(dclOn)} / ${round(dclOff)}`, 'ms', '—', null);
  report(`${series} : rapport DOMContentLoaded`, round(dclOn / dclOff, 2), '', target, met(dclOn / dclOff));
  report(`${series} : load médian, avec / sans`, `${round(loadOn)} / ${round(loadOff)}`, 'ms', '—', null);
  report(`${series} : rapport load`, round(loadOn / loadOff, 2), '', target, met(loadOn / loadOff));
  const paintOn = median(on.map((t) => t.firstContentfulPaint));
  const paintOff = median(off.map((t) => t.firstContentfulPaint));
  report(
    `${series} : 1er affichage (FCP) médian, avec / sans`,
    `${round(paintOn)} / ${round(paintOff)}`,
    'ms',
    '—',
    null,
  );
}

type Pair = Record<'ours' | 'without', InboxLoad[]>;
interface Series {
  cold: Pair & { empty: InboxLoad[] };
  daily: Pair;
  remote: Pair;
}

function append<K extends string>(into: Record<K, InboxLoad[]>, loads: Record<K, InboxLoad[]>): void {
  for (const name of Object.keys(loads) as K[]) into[name].push(...loads[name]);
}

/** One round: fresh browsers (each instance has its own speed), logged in, then every series. */
async function pageLoadRound(simUrl: string, inbox: string, series: Series): Promise<void> {
  const ours = await launchWithExtension('chromium');
  const empty = await launchChromiumWith(emptyExtension());
  const without = await launchWithoutExtension('chromium');
  try {
    for (const instance of [ours, empty, without]) await loginCookie(instance.browser, simUrl);
    const both = { ours: ours.browser, without: without.browser };
    append(series.cold, await interleavedLoads({ ...both, empty: empty.browser }, inbox, { tab: 'new', latencyMs: 0 }));
    append(series.daily, await interleavedLoads(both, inbox, { tab: 'same', latencyMs: 0 }));
    append(series.remote, await interleavedLoads(both, inbox, { tab: 'same', latencyMs: LATENCY_MS }));
  } finally {
    await ours.close();
    await empty.close();
    await without.close();
  }
}

async function pageLoads(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'ignore' });
  const sim = await startSimulator({ rendering: 'classic' });
  const pair = (): Pair => ({ ours: [], without: [] });
  const series: Series = { cold: { ...pair(), empty: [] }, daily: pair(), remote: pair() };
  try {
    const inbox = sim.at(sim.rendering.inboxPath);
    for (let round = 0; round < ROUNDS; round += 1) await pageLoadRound(sim.url, inbox, series);
  } finally {
    await sim.close();
  }
  const { cold, daily, remote } = series;
  reportRatios(`réception, nouvel onglet (${ROUNDS} × ${LOADS} chargements)`, cold.ours, cold.without, '≤ 1,05');
  reportRatios('réception, nouvel onglet, extension vide', cold.empty, cold.without, '—');
  const banner = cold.ours.map((t) => t.bannerAt).filter((t): t is number => t !== null);
  report('bandeau dans le DOM, médiane depuis le début de la navigation', round(median(banner)), 'ms', '—', null);
  const early = cold.ours.filter((t) => t.bannerAt !== null && t.bannerAt <= t.domContentLoaded).length;
  report(
    'chargements où le bandeau précède DOMContentLoaded',
    `${early}/${cold.ours.length}`,
    '',
    'tous',
    early === cold.ours.length,
  );
  reportRatios('réception, même onglet', daily.ours, daily.without, '≤ 1,05');
  reportRatios(`réception, même onglet, latence ${LATENCY_MS} ms`, remote.ours, remote.without, '≤ 1,05');
}

/** The popup's first render with 50 service mailboxes known, from navigation start to the last row. */
async function popupFirstRender(): Promise<void> {
  const sim = await startSimulator({ rendering: 'classic', seed: seedWith(50) });
  const instance = await launchWithExtension('chromium');
  try {
    const portal = await instance.newPage();
    await portal.goto(sim.url);
    await portal.type('form input:is([type=text],[type=email])', BENCH_LOGIN);
    await portal.type('form input[type=password]', DEMO.password);
    await Promise.all([portal.waitForNavigation(), portal.keyboard.press('Enter')]);
    // The account page opened once: the portal's frame is learnt there, and the chooser read.
    await portal.goto(sim.at('/?m=compte'), { waitUntil: 'load' });
    // Discovery has read the chooser: the banner offers the menu of 50 mailboxes.
    await portal.waitForFunction(
      () => !!document.querySelector('repere-bal-banner')?.shadowRoot?.querySelector('.menu-button'),
      { polling: 100, timeout: 30_000 },
    );
    const samples: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const popup = await instance.newPage();
      await popup.evaluateOnNewDocument(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelectorAll('[data-mailbox]').length >= 51) {
            (window as unknown as { renderedAt: number }).renderedAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await popup.goto(instance.extensionUrl('popup.html'));
      await popup.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt !== undefined, {
        polling: 50,
      });
      samples.push(await popup.evaluate(() => (window as unknown as { renderedAt: number }).renderedAt));
      await popup.close();
    }
    const value = round(median(samples));
    report('panneau : premier affichage avec 51 boîtes (médiane de 10)', value, 'ms', '≤ 100', value <= 100);
  } finally {
    await instance.close();
    await sim.close();
  }
}

const missing = missingBrowsers(['chromium']);
if (missing) {
  console.error(missing);
  process.exitCode = 1;
} else {
  console.log(`Repère BAL — mesures (${new Date().toISOString()})\n`);
  contentScriptSizes();
  await pageLoads();
  await popupFirstRender();
  await pollingFigures(report);
  await variationFigures(report);
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ at: new Date().toISOString(), loads: LOADS, rounds: ROUNDS, figures }, null, 2)}\n`,
  );
  console.log('\nRésultats écrits dans bench/results.json');
}
