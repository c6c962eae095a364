/**
 * `npm run bench`: the figures behind what we claim about speed, each beside its
 * target, printed and written to bench/results.json. Measured on the production
 * builds and the e2e build in system Chromium against the simulator; never asserted
 * in tests (timings vary by machine), only reported.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchWithExtension } from '../tests/e2e/browsers';
import { DEMO } from '../tests/simulator/seed';
import { startSimulator } from '../tests/simulator/server';
import { missingBrowsers } from '../tests/support/browser-paths';
import { CONTENT_SCRIPT_GZIP_BUDGET } from '../tests/support/budgets';
import { median, pageLoadFigures, round } from './page-load';
import { BENCH_LOGIN, pollingFigures, seedWith } from './polling';
import { variationFigures } from './variations';

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
  // `BENCH_ONLY=page-load` (or another part's name) measures that part alone, and writes nothing.
  const only = process.env.BENCH_ONLY;
  const parts: [string, () => unknown][] = [
    ['sizes', contentScriptSizes],
    ['page-load', () => pageLoadFigures(report)],
    ['popup', popupFirstRender],
    ['polling', () => pollingFigures(report)],
    ['variations', () => variationFigures(report)],
  ];
  for (const [name, measure] of parts) if (!only || only === name) await measure();
  if (!only) {
    writeFileSync('bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
    console.log('\nRésultats écrits dans bench/results.json');
  }
}
