/**
 * The real poller (runner, the background's page fetcher, store on fake-indexeddb,
 * portal readers on happy-dom's DOMParser) against the simulator over HTTP (loopback,
 * as the e2e build allows), with a simulated clock: what the bench
 * measures and the soak test stresses. Logging back in, service-worker restarts and
 * everything each check saw are at hand.
 */
import { Window } from 'happy-dom';
import type { ShownNotification } from '../../entrypoints/background/announce/new-mail';
import { createPollRunner, type FetchedText, type PollRunner } from '../../entrypoints/background/polling/poll-runner';
import { resumeOnLiveSession } from '../../entrypoints/background/polling/poll-schedule';
import { createPortalPageFetcher } from '../../entrypoints/background/polling/portal-page-fetcher';
import { RepereDb } from '../../entrypoints/background/storage/db';
import { Store } from '../../entrypoints/background/storage/store';
import { type PortalPageReading, parsePortalHtml, readPortalPage } from '../../utils/portal/page';
import { LOOPBACK_MATCHES } from '../../utils/portal-origins';
import { DEMO_PASSWORD } from '../simulator/seed';
import type { Simulator } from '../simulator/server';

const parser = new new Window().DOMParser() as unknown as DOMParser;

/** Logs in on the simulator (classic rendering) and returns the session cookie. */
export async function sessionCookie(sim: Simulator, login: string): Promise<string> {
  const response = await fetch(sim.url, {
    method: 'POST',
    body: new URLSearchParams({ login, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

interface PollRecord {
  at: number;
  /** The chooser entries read, when the poll read a chooser (null: no reading). */
  entries: PortalPageReading['chooser'];
  shown: ShownNotification[];
}

export interface PollHarness {
  readonly store: Store;
  readonly runner: PollRunner;
  readonly now: number;
  readonly fetches: number;
  readonly nextAlarm: number | null;
  readonly polls: PollRecord[];
  /** Time only moves when told. */
  advanceTo(at: number): void;
  poll(reason: 'alarm' | 'user'): Promise<void>;
  /** A service-worker restart: nothing in memory survives, the database does. */
  restart(): void;
  /** The user logs in again and a portal page shows it (what the content script reports). */
  logBackIn(): Promise<void>;
}

let databases = 0;

export async function createPollHarness(
  sim: Simulator,
  login: string,
  options: { start?: number; random?: () => number } = {},
): Promise<PollHarness> {
  let cookie = await sessionCookie(sim, login);
  let now = options.start ?? Date.UTC(2026, 10, 26, 9, 0);
  let fetches = 0;
  let nextAlarm: number | null = null;
  let current: PollRecord | null = null;
  const polls: PollRecord[] = [];
  databases += 1;
  const db = new RepereDb(`poll-harness-${databases}-${Date.now()}`);
  const random = options.random ?? Math.random;
  // The background's fetcher, the browser's cookie jar played by a header.
  const fetchPortalPage = createPortalPageFetcher(() => LOOPBACK_MATCHES, {
    fetch: (url, init) => fetch(url, { ...init, headers: { cookie } }),
  });

  const make = () => {
    const store = new Store(db, () => now);
    const runner = createPollRunner(
      store,
      { now: () => now, random, minuteOfDay: () => 600 },
      {
        portalMatches: () => LOOPBACK_MATCHES,
        fetchText: (url, timeoutMs): Promise<FetchedText> => {
          fetches += 1;
          return fetchPortalPage(url, timeoutMs);
        },
        readHtml: async (html, url, profile, context) => {
          const reading = readPortalPage(parsePortalHtml(html, url, parser), profile, { ...context, pageUrl: url });
          if (current) current.entries = reading.chooser;
          return reading;
        },
        announce: async (notifications) => {
          current?.shown.push(...notifications);
        },
        showBadge: async () => {},
        schedule: async (when) => {
          nextAlarm = when;
        },
        idleState: async () => 'active',
      },
    );
    return { store, runner };
  };
  let { store, runner } = make();
  await store.update((state) => {
    state.portal.loginAddress = login;
    state.portal.pollUrl = sim.at('/?m=comptes');
    state.portal.pollUrlIsChooserPage = true;
    return { state, result: null };
  });

  return {
    get store() {
      return store;
    },
    get runner() {
      return runner;
    },
    get now() {
      return now;
    },
    get fetches() {
      return fetches;
    },
    get nextAlarm() {
      return nextAlarm;
    },
    polls,
    advanceTo(at) {
      now = Math.max(now, at);
    },
    async poll(reason) {
      current = { at: now, entries: null, shown: [] };
      await runner.poll(reason);
      polls.push(current);
      current = null;
    },
    restart() {
      ({ store, runner } = make());
    },
    async logBackIn() {
      cookie = await sessionCookie(sim, login);
      await store.update((state) => resumeOnLiveSession(state, now));
      await runner.sync();
    },
  };
}
