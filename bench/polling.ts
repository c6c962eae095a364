/**
 * Figures for the background checks, with the real poller, store (fake-indexeddb) and
 * portal readers (happy-dom's DOMParser) against the simulator over HTTP, the clock
 * simulated: requests per check for 1, 10 and 50 mailboxes, the time to read a
 * 50-account chooser, requests per user-hour at default settings, and while expired.
 */
import './extension-stub';
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { DEMO_PASSWORD, type PortalSeed } from '../tests/simulator/seed';
import { startSimulator } from '../tests/simulator/server';
import { RepereDb } from '../utils/db';
import { createPollRunner, type FetchedText } from '../utils/poll-runner';
import { parsePortalHtml, readPortalPage } from '../utils/portal/page';
import { DEFAULT_PROFILE } from '../utils/portal/profile';
import { Store } from '../utils/store';

export type Report = (name: string, value: number | string, unit: string, target: string, met: boolean | null) => void;

const parser = new new Window().DOMParser() as unknown as DOMParser;
export const BENCH_LOGIN = 'agent@chu-bench.fr';
const LOGIN = BENCH_LOGIN;

export function seedWith(services: number): PortalSeed {
  const addresses = Array.from({ length: services }, (_, i) => `service${i + 1}@chu-bench.fr`);
  return {
    accounts: [
      { address: LOGIN, name: 'Agent Banc', kind: 'personal', labelShows: 'name' },
      ...addresses.map((address, i) => ({
        address,
        name: `Service ${i + 1}`,
        kind: 'organisational' as const,
        labelShows: 'name' as const,
      })),
    ],
    users: [
      {
        login: LOGIN,
        password: DEMO_PASSWORD,
        displayName: 'Agent Banc',
        accounts: [LOGIN, ...addresses],
        defaultAccount: LOGIN,
        receptionNotices: [],
      },
    ],
    messages: [],
  };
}

/** A logged-in session cookie on the simulator, as the browser would hold it. */
async function sessionCookie(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({ login: LOGIN, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

let dbs = 0;

async function harness(services: number) {
  const sim = await startSimulator({ rendering: 'classic', seed: seedWith(services) });
  const cookie = await sessionCookie(sim.url);
  let now = Date.UTC(2026, 10, 26, 9, 0);
  let fetches = 0;
  let readMs = 0;
  dbs += 1;
  const store = new Store(new RepereDb(`bench-${dbs}`), () => now);
  await store.update((state) => {
    state.portal.loginAddress = LOGIN;
    state.portal.pollUrl = sim.at('/?m=comptes');
    state.portal.pollUrlIsChooserPage = true;
    return { state, result: null };
  });
  let nextAlarm: number | null = null;
  const runner = createPollRunner(
    store,
    { now: () => now, random: Math.random, minuteOfDay: () => 600 },
    {
      fetchText: async (url): Promise<FetchedText> => {
        fetches += 1;
        const response = await fetch(url, { headers: { cookie }, redirect: 'follow' });
        return { ok: true, status: response.status, url: response.url, text: await response.text() };
      },
      readHtml: async (html, url, profile, isChooserPage) => {
        const started = performance.now();
        const reading = readPortalPage(parsePortalHtml(html, url, parser), profile, { isChooserPage });
        readMs += performance.now() - started;
        return reading;
      },
      show: async () => {},
      showBadge: async () => {},
      schedule: async (when) => {
        nextAlarm = when;
      },
      idleState: async () => 'active',
    },
  );
  return {
    sim,
    runner,
    get fetches() {
      return fetches;
    },
    get readMs() {
      return readMs;
    },
    /** Runs the alarms for `ms` of simulated time; returns the checks made. */
    async runFor(ms: number): Promise<number> {
      const end = now + ms;
      let checks = 0;
      await runner.check('alarm');
      checks += 1;
      while (nextAlarm !== null && nextAlarm <= end) {
        now = nextAlarm;
        await runner.check('alarm');
        checks += 1;
      }
      now = end;
      return checks;
    },
  };
}

export async function pollingFigures(report: Report): Promise<void> {
  for (const services of [1, 10, 50]) {
    const h = await harness(services);
    const requestsBefore = Object.values(h.sim.state.snapshot().requests).reduce((a, b) => a + b, 0);
    await h.runner.check('user');
    const requests = Object.values(h.sim.state.snapshot().requests).reduce((a, b) => a + b, 0) - requestsBefore;
    report(`requêtes au portail par vérification, ${services + 1} boîtes`, requests, '', '1', requests === 1);
    await h.sim.close();
  }

  const big = await harness(50);
  const html = await (
    await fetch(big.sim.at('/?m=comptes'), { headers: { cookie: await sessionCookie(big.sim.url) } })
  ).text();
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    readPortalPage(parsePortalHtml(html, big.sim.at('/?m=comptes'), parser), DEFAULT_PROFILE, { isChooserPage: true });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  report(
    'lecture d’un sélecteur de 51 comptes (happy-dom, médiane de 20)',
    Math.round((samples[10] ?? 0) * 10) / 10,
    'ms',
    '—',
    null,
  );
  await big.sim.close();

  const hour = await harness(4);
  const checks = await hour.runFor(60 * 60_000);
  report(
    'requêtes par heure, réglages par défaut (2 min ± 10 %)',
    hour.fetches,
    '',
    '≈ 30',
    hour.fetches >= 27 && hour.fetches <= 34,
  );
  void checks;
  await hour.sim.close();

  const expired = await harness(4);
  await expired.runner.check('user');
  expired.sim.state.expireSessions();
  const before = expired.fetches;
  await expired.runFor(60 * 60_000);
  report(
    'requêtes pendant une heure de session expirée (après la première)',
    expired.fetches - before - 1,
    '',
    '0',
    expired.fetches - before - 1 === 0,
  );
  await expired.sim.close();
}
