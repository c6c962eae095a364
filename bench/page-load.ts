/**
 * What the extension costs each portal page: the inbox loaded again and again in
 * Chromium with our extension, with an extension whose content script is empty (the
 * floor: what any content script costs), and with none; interleaved so that machine
 * noise hits them alike; in a new tab (a new renderer: the cold case) and in the same
 * tab (moving around the webmail), with no latency and with 150 ms (a hospital network
 * to the portal). Reported: the medians, our cost over the empty content script in
 * milliseconds, whether the banner was in the page before DOMContentLoaded, and from
 * traced loads the main thread's time before DOMContentLoaded by kind, ours apart
 * (bench/trace.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { launchChromiumWith, launchWithExtension, launchWithoutExtension } from '../tests/e2e/browsers';
import { DEMO } from '../tests/simulator/seed';
import { startSimulator } from '../tests/simulator/server';
import { type Breakdown, KINDS, type LoadTrace, readLoadTrace, TRACE_CATEGORIES, type TraceEvent } from './trace';

export type Report = (name: string, value: number | string, unit: string, target: string, met: boolean | null) => void;

/** Loads per browser and mode in each round; each round starts fresh browsers. */
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Traced loads per browser and mode in each round (tracing slows a load: they are not timed). */
const TRACED = Number(process.env.BENCH_TRACED ?? 3);
/** The most our content script may add to a load over an empty one, in ms (issue 20). */
const COST_TARGET_MS = 3;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * How the inbox is loaded: in a new tab each time, or again in the same tab; with the
 * network latency added to every request.
 */
interface LoadMode {
  tab: 'new' | 'same';
  latencyMs: number;
}
const MODES: LoadMode[] = [
  { tab: 'new', latencyMs: 0 },
  { tab: 'same', latencyMs: 0 },
  { tab: 'new', latencyMs: 150 },
  { tab: 'same', latencyMs: 150 },
];
const modeName = (mode: LoadMode) =>
  `${mode.tab === 'new' ? 'nouvel onglet' : 'même onglet'}, latence ${mode.latencyMs} ms`;

type Variant = 'ours' | 'empty' | 'without';
const VARIANTS: Variant[] = ['ours', 'empty', 'without'];

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
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const w = window as unknown as { bannerAt?: number };
    return {
      domContentLoaded: nav?.domContentLoadedEventStart ?? Number.NaN,
      load: nav?.loadEventStart ?? Number.NaN,
      bannerAt: w.bannerAt ?? null,
    };
  });
}
type InboxLoad = Awaited<ReturnType<typeof loadInbox>>;

/** Loads the inbox in `page` under a trace, and reads the main thread's time before DOMContentLoaded. */
async function tracedLoad(page: Page, url: string, extensionId: string | null): Promise<LoadTrace> {
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  const data = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(data ?? new Uint8Array()).toString('utf8')) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const ours = extensionId ? `chrome-extension://${extensionId}/` : null;
  return readLoadTrace(events, url, (script) => ours !== null && script.startsWith(ours));
}

/**
 * Logs in, then opens « Gérer votre compte Medimail » once, as a new user does: the
 * extension learns the portal's frame there, and every later page is read with it.
 */
async function logIn(browser: Browser, simUrl: string): Promise<void> {
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

interface Instance {
  browser: Browser;
  extensionId: string | null;
}
type Series = Record<Variant, { loads: InboxLoad[]; traces: LoadTrace[] }>;

/** One mode in one round: each variant in turn, a warm-up each, then timed loads, then traced ones. */
async function measureMode(instances: Record<Variant, Instance>, url: string, mode: LoadMode, into: Series) {
  const sameTabs = new Map<Variant, Page>();
  const tabFor = async (variant: Variant) => {
    if (mode.tab === 'new') return timedTab(instances[variant].browser, mode.latencyMs);
    if (!sameTabs.has(variant)) sameTabs.set(variant, await timedTab(instances[variant].browser, mode.latencyMs));
    return sameTabs.get(variant) as Page;
  };
  const inTab = async <T>(variant: Variant, load: (page: Page) => Promise<T>): Promise<T> => {
    const page = await tabFor(variant);
    try {
      return await load(page);
    } finally {
      if (mode.tab === 'new') await page.close();
    }
  };
  for (const variant of VARIANTS) await inTab(variant, (page) => loadInbox(page, url));
  for (let i = 0; i < LOADS; i += 1) {
    for (const variant of VARIANTS) into[variant].loads.push(await inTab(variant, (page) => loadInbox(page, url)));
  }
  for (let i = 0; i < TRACED; i += 1) {
    for (const variant of VARIANTS) {
      const id = instances[variant].extensionId;
      into[variant].traces.push(await inTab(variant, (page) => tracedLoad(page, url, id)));
    }
  }
  for (const page of sameTabs.values()) await page.close();
}

const medianOf = (loads: InboxLoad[], key: 'domContentLoaded' | 'load') => median(loads.map((l) => l[key]));
const breakdownMedian = (traces: LoadTrace[], pick: (t: LoadTrace) => number) => round(median(traces.map(pick)), 2);

function reportMode(report: Report, mode: LoadMode, series: Series): void {
  const name = modeName(mode);
  const { ours, empty, without } = series;
  for (const key of ['domContentLoaded', 'load'] as const) {
    report(
      `${name} : ${key} médian, nous / vide / sans`,
      `${round(medianOf(ours.loads, key))} / ${round(medianOf(empty.loads, key))} / ${round(medianOf(without.loads, key))}`,
      'ms',
      '—',
      null,
    );
    const cost = round(medianOf(ours.loads, key) - medianOf(empty.loads, key));
    report(`${name} : coût sur un script vide, ${key}`, cost, 'ms', `≤ +${COST_TARGET_MS}`, cost <= COST_TARGET_MS);
  }
  const early = ours.loads.filter((t) => t.bannerAt !== null && t.bannerAt <= t.domContentLoaded).length;
  report(
    `${name} : bandeau avant DOMContentLoaded`,
    `${early}/${ours.loads.length}`,
    '',
    'tous',
    early === ours.loads.length,
  );
  const own = (kind: keyof Breakdown | 'waits') => breakdownMedian(ours.traces, (t) => t.ours[kind]);
  report(
    `${name} : notre script avant DCL, script / style / mise en page / attente`,
    `${own('script')} / ${own('style')} / ${own('layout')} / ${own('waits')}`,
    'ms',
    '—',
    null,
  );
  const extra = KINDS.map((kind) => {
    const delta =
      breakdownMedian(ours.traces, (t) => t.mainThread[kind]) -
      breakdownMedian(empty.traces, (t) => t.mainThread[kind]);
    return `${kind} ${delta >= 0 ? '+' : ''}${round(delta, 2)}`;
  });
  report(`${name} : fil principal avant DCL, nous − vide`, extra.join(', '), 'ms', '—', null);
}

/** The page-load figures, each mode over every round. */
export async function pageLoadFigures(report: Report): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'ignore' });
  const sim = await startSimulator({ rendering: 'classic' });
  const fresh = (): Series => ({
    ours: { loads: [], traces: [] },
    empty: { loads: [], traces: [] },
    without: { loads: [], traces: [] },
  });
  const series = MODES.map(fresh);
  try {
    const inbox = sim.at(sim.rendering.inboxPath);
    for (let r = 0; r < ROUNDS; r += 1) {
      const ours = await launchWithExtension('chromium');
      const empty = await launchChromiumWith(emptyExtension());
      const without = await launchWithoutExtension('chromium');
      try {
        const instances: Record<Variant, Instance> = {
          ours: { browser: ours.browser, extensionId: ours.extensionId },
          empty: { browser: empty.browser, extensionId: empty.extensionId },
          without: { browser: without.browser, extensionId: null },
        };
        for (const instance of Object.values(instances)) await logIn(instance.browser, sim.url);
        for (const [i, mode] of MODES.entries()) await measureMode(instances, inbox, mode, series[i] as Series);
      } finally {
        await ours.close();
        await empty.close();
        await without.close();
      }
    }
  } finally {
    await sim.close();
  }
  report(
    `chargements de la réception par mode et variante`,
    `${ROUNDS} × ${LOADS} (+ ${ROUNDS} × ${TRACED} tracés)`,
    '',
    '—',
    null,
  );
  for (const [i, mode] of MODES.entries()) reportMode(report, mode, series[i] as Series);
}
