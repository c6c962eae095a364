/**
 * The soak: simulated hours of the real poller and notifier against the simulator's
 * pages, with random deliveries, reads, session expiries (and the user logging back in),
 * faults (500, slow, garbled, no header) and service-worker restarts. Whatever happens:
 * no duplicate notification, no missed rise, requests bounded, none while expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../simulator/seed';
import { type Simulator, startSimulator } from '../simulator/server';
import { createPollHarness } from '../support/poll-harness';
import { seededRandom } from '../support/seeded-random';

const WATCHED = Object.values(DEMO.services);
const ALL = [DEMO.login, ...WATCHED];
const HOUR = 60 * 60_000;

interface SoakResult {
  polls: number;
  fetches: number;
  notifications: number;
  expectedRises: number;
  duplicates: string[];
  missed: string[];
  requestsWhileExpired: number;
}

async function soak(sim: Simulator, seed: number, hours: number): Promise<SoakResult> {
  sim.state.reset();
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const h = await createPollHarness(sim, DEMO.login, { random });
  const end = h.now + hours * HOUR;
  let loggedOutUntil: number | null = null;
  let requestsWhileExpired = 0;

  while (h.now < end) {
    // The world moves between two polls.
    if (random() < 0.35) sim.state.deliver({ to: pick(ALL), count: 1 + Math.floor(random() * 3) });
    if (random() < 0.2) {
      const address = pick(ALL);
      const unread = sim.state.mailbox(address).messages.find((m) => m.unread);
      if (unread) sim.state.open(address, unread.key);
    }
    if (random() < 0.12) {
      const kind = pick(['error', 'slow', 'garbled', 'no-header'] as const);
      sim.state.setFault(kind, { count: 1 + Math.floor(random() * 3), delayMs: 20 });
    }
    if (loggedOutUntil === null && random() < 0.04) {
      sim.state.expireSessions();
      loggedOutUntil = h.now + (5 + Math.floor(random() * 15)) * 60_000;
    }
    if (random() < 0.05) h.restart();

    const next = h.nextAlarm ?? h.now + 60_000;
    if (loggedOutUntil !== null && next >= loggedOutUntil) {
      h.advanceTo(loggedOutUntil);
      loggedOutUntil = null;
      await h.logBackIn();
      continue;
    }
    h.advanceTo(next);
    const before = h.fetches;
    const { poll } = await h.store.read();
    await h.poll('alarm');
    if (poll.status === 'expired') requestsWhileExpired += h.fetches - before;
  }

  // The oracle: each check that read the chooser must notify exactly the watched
  // mailboxes whose count rose since the last check that read it.
  const last = new Map<string, number>();
  const duplicates: string[] = [];
  const missed: string[] = [];
  let expectedRises = 0;
  let notifications = 0;
  for (const poll of h.polls) {
    notifications += poll.shown.filter((n) => n.log.kind === 'new-mail').length;
    if (!poll.entries) {
      for (const n of poll.shown)
        if (n.log.kind === 'new-mail') duplicates.push(`${poll.at}: ${n.notificationId} sans lecture`);
      continue;
    }
    for (const entry of poll.entries) {
      const previous = last.get(entry.address);
      const now = entry.unread ?? 0;
      const rose =
        previous !== undefined && now > previous && WATCHED.includes(entry.address as (typeof WATCHED)[number]);
      const told = poll.shown.filter((n) => n.log.address === entry.address);
      if (rose) {
        expectedRises += 1;
        if (told.length === 0) missed.push(`${poll.at}: ${entry.address} ${previous}→${now}`);
        else if (told[0]?.log.count !== now - (previous ?? 0))
          missed.push(`${poll.at}: ${entry.address} compte ${told[0]?.log.count}`);
      }
      if (told.length > (rose ? 1 : 0))
        duplicates.push(`${poll.at}: ${entry.address} ${previous}→${now} ×${told.length}`);
      last.set(entry.address, now);
    }
  }
  return {
    polls: h.polls.length,
    fetches: h.fetches,
    notifications,
    expectedRises,
    duplicates,
    missed,
    requestsWhileExpired,
  };
}

describe('soak: simulated hours of polls with deliveries, reads, expiries, faults and restarts', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ rendering: 'classic' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each([1, 7, 42, 1234, 20261126])(
    'seed %i, three hours: no duplicate, no missed rise, requests bounded',
    async (seed) => {
      const result = await soak(sim, seed, 3);
      console.log(
        `soak seed ${seed}:`,
        JSON.stringify({ ...result, duplicates: result.duplicates.length, missed: result.missed.length }),
      );
      expect(result.duplicates).toEqual([]);
      expect(result.missed).toEqual([]);
      expect(result.requestsWhileExpired).toBe(0);
      // At most one request per poll, and no more polls than the interval allows (2 min, less 10 %).
      expect(result.fetches).toBeLessThanOrEqual(result.polls);
      expect(result.fetches).toBeLessThanOrEqual(3 * (Math.ceil(HOUR / 108_000) + 1));
      expect(result.expectedRises).toBeGreaterThan(0);
    },
    60_000,
  );
});
