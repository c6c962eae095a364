/**
 * The generated-variation suite (tests/support/variation-suite.ts), the measure of the
 * banner under the portal's ordinary variation: 512 renderings drawn from a seed, every
 * combination of the simulator's switches on both renderings, with and without hostile
 * mail, six page views each. Asserted: no view is wrong (the banner never names another
 * mailbox, never offers a fake one, a switch never lands elsewhere), so a message
 * imitating the portal is never believed over it. The rate of unsure views is a figure,
 * printed here and by `npm run variations`, with a target (2 % at most on ordinary
 * pages) that is reported, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VARIATION_SWITCHES } from '../simulator/variations';
import { formatSummary, type RenderingResult, runSuite, summarise } from '../support/variation-suite';

const SUITE_RENDERINGS = 512;

describe('generated variations of the portal', () => {
  let results: RenderingResult[] = [];
  beforeAll(async () => {
    results = await runSuite(SUITE_RENDERINGS);
    console.log(formatSummary(summarise(results)));
  }, 300_000);

  it('cover every switch alone and together, on both renderings, with and without hostile mail', () => {
    const combos = new Set(
      results.map(({ generated }) =>
        JSON.stringify([
          generated.rendering,
          generated.hostile,
          ...VARIATION_SWITCHES.map((name) => generated.variations[name]),
        ]),
      ),
    );
    expect(combos.size).toBe(2 * 2 * 2 ** VARIATION_SWITCHES.length);
    expect(results.length).toBeGreaterThanOrEqual(500);
  });

  it('learn the frame on the account page of every rendering', () => {
    expect(results.filter((result) => !result.learnt).map(({ generated }) => generated)).toEqual([]);
  });

  it('are never wrong: no other mailbox named, no fake one offered, no switch landing elsewhere', () => {
    const wrong = results.flatMap(({ generated, views }) =>
      views.filter((view) => view.verdict === 'wrong').map((view) => ({ generated, view })),
    );
    expect(wrong).toEqual([]);
  });

  it('never believe a message’s menu where the portal shows none (a page served without its header)', () => {
    const summary = summarise(results);
    expect(summary.withoutHeader.views).toBeGreaterThan(0);
    expect(summary.withoutHeader.believed).toBe(0);
  });

  it('see every page view of every rendering', () => {
    for (const { generated, views } of results) {
      expect(views.map((view) => view.view)).toEqual([
        'inbox',
        'message',
        'imitating-message',
        'compose',
        'account',
        ...(generated.rendering === 'classic' ? ['chooser'] : []),
        ...(generated.hostile ? ['imitating-without-header'] : []),
      ]);
    }
  });
});
