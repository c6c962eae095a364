/**
 * A minute of the soak in real Chromium, against the simulator with faults on: random
 * deliveries, reads, faults and a stopped service worker, « Vérifier maintenant » every
 * two seconds with no portal tab open. Every rise seen between two checks is notified
 * once; nothing else is.
 */
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../utils/protocol/messages';
import { DEMO } from '../simulator/seed';
import { logInWithMailboxesLearnt } from './banner-page';
import { launchWithExtension, stopServiceWorker } from './browsers';
import { ask, openExtensionPage } from './extension-pages';
import { useBrowser, useSimulator } from './suite';

const WATCHED: string[] = Object.values(DEMO.services);
const ALL = [DEMO.login, ...WATCHED];
const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 30);
/** Each round waits 2 s, plus a check that may hit a slow fault: the timeout grows with the rounds. */
const TIMEOUT_MS = 60_000 + ROUNDS * 4_000;

describe('chromium, a minute of checks with faults', () => {
  const browser = useBrowser(() => launchWithExtension('chromium'));
  const simulator = useSimulator('classic', browser);

  it('notifies every rise once and nothing else', { timeout: TIMEOUT_MS }, async () => {
    const sim = simulator();
    const instance = browser();
    const portal = await logInWithMailboxesLearnt(instance, sim);
    await portal.close();
    const popup = await openExtensionPage(instance, sim, 'popup.html', '[data-action="check-now"]');
    const started = Date.now();
    let random = 20_261_126;
    const next = () => {
      random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
      return random / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;

    await ask(popup, 'ui:poll-now');
    let seen = new Map((await ask<Overview>(popup, 'ui:overview')).mailboxes.map((m) => [m.address, m.unread ?? 0]));
    let expected = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      if (next() < 0.5) sim.state.deliver({ to: pick(ALL), count: 1 + Math.floor(next() * 2) });
      if (next() < 0.25) {
        const address = pick(ALL);
        const unread = sim.state.mailbox(address).messages.find((m) => m.unread);
        if (unread) sim.state.open(address, unread.key);
      }
      if (next() < 0.2) sim.state.setFault(pick(['error', 'slow', 'garbled'] as const), { count: 1, delayMs: 300 });
      if (round === Math.floor(ROUNDS / 2)) {
        await stopServiceWorker(instance);
        await popup.reload({ waitUntil: 'load' });
      }
      await ask(popup, 'ui:poll-now');
      const now = new Map((await ask<Overview>(popup, 'ui:overview')).mailboxes.map((m) => [m.address, m.unread ?? 0]));
      for (const address of WATCHED) if ((now.get(address) ?? 0) > (seen.get(address) ?? 0)) expected += 1;
      seen = now;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    const { notifications } = await ask<Overview>(popup, 'ui:overview');
    const told = notifications.filter((n) => n.kind === 'new-mail' && n.at >= started);
    expect(told).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
    expect((await ask<Overview>(popup, 'ui:overview')).poll.status).not.toBe('expired');
  });
});
