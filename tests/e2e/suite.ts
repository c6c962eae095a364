/**
 * The shape every e2e file shares: a real browser per browser name, a fresh simulator
 * per rendering, both started before the tests of their block and closed after.
 */
import { afterAll, beforeAll } from 'vitest';
import { type RenderingName, type Simulator, type SimulatorOptions, startSimulator } from '../simulator/server';
import { learnPortal } from './banner-page';
import type { ExtensionBrowser } from './browsers';

export const RENDERINGS: RenderingName[] = ['classic', 'alt'];

/** Starts a resource for the enclosing block; the returned getter gives it to the tests. */
function useForBlock<T>(start: () => Promise<T>, stop: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  });
  afterAll(async () => {
    if (value !== undefined) await stop(value);
  });
  return () => {
    if (value === undefined) throw new Error('not started: used outside its test block');
    return value;
  };
}

export function useBrowser(launch: () => Promise<ExtensionBrowser>): () => ExtensionBrowser {
  return useForBlock(launch, (browser) => browser.close());
}

/**
 * A simulator for the block; with `learntIn`, the portal's frame learnt in that browser
 * first (the account page opened once, as a new user does: tests/e2e/banner-page.ts).
 */
export function useSimulator(
  rendering: RenderingName,
  learntIn?: () => ExtensionBrowser,
  options: Omit<SimulatorOptions, 'rendering'> = {},
): () => Simulator {
  return useForBlock(
    async () => {
      const sim = await startSimulator({ ...options, rendering });
      if (learntIn) await learnPortal(learntIn(), sim);
      return sim;
    },
    (sim) => sim.close(),
  );
}
