/**
 * `npm run variations`: the generated-variation suite (tests/support/variation-suite.ts)
 * printed as a table: for 512 renderings drawn from a seed (every combination of the
 * simulator's ordinary-variation switches, both renderings, hostile mail or not), how
 * many page views the banner got right, unsure or wrong, per switch. `npm test` asserts
 * that none is wrong; the rate of unsure views is a figure, reported here and by
 * `npm run bench` (bench/results.json) against its target, never asserted.
 * `VARIATION_RENDERINGS=2048 VARIATION_SEED=7 npm run variations` looks further.
 */
import { pathToFileURL } from 'node:url';
import { formatSummary, runSuite, type SuiteSummary, summarise } from '../tests/support/variation-suite';

/** The benign unsure rate the suite aims at, in per cent. */
export const BENIGN_UNSURE_TARGET = 2;

export async function variationSummary(
  count = Number(process.env.VARIATION_RENDERINGS ?? 512),
  seed = Number(process.env.VARIATION_SEED ?? 2026),
): Promise<SuiteSummary> {
  return summarise(await runSuite(count, seed));
}

/** The suite's figures, for `npm run bench`. */
export async function variationFigures(
  report: (name: string, value: number | string, unit: string, target: string, met: boolean | null) => void,
): Promise<void> {
  const summary = await variationSummary();
  const rate = (part: number, whole: number) => Math.round((10_000 * part) / Math.max(1, whole)) / 100;
  const benign = rate(summary.benign.unsure, summary.benign.views);
  report(
    `variations : pages vues fausses (${summary.renderings} rendus, ${summary.views} pages)`,
    summary.wrong.length,
    '',
    '0',
    summary.wrong.length === 0,
  );
  report(
    'variations : pages ordinaires incertaines',
    benign,
    '%',
    `≤ ${BENIGN_UNSURE_TARGET}`,
    benign <= BENIGN_UNSURE_TARGET,
  );
  report(
    'variations : messages imitant le portail, incertains',
    rate(summary.imitating.unsure, summary.imitating.views),
    '%',
    '—',
    null,
  );
  report(
    'variations : imitation seule (page sans en-tête) crue',
    summary.withoutHeader.believed,
    '',
    '0',
    summary.withoutHeader.believed === 0,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  console.log(formatSummary(await variationSummary()));
  console.log(`\n(${Math.round((performance.now() - started) / 1000)} s)`);
}
