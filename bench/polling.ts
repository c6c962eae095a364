/**
 * Figures for the background checks, with the real poller against the simulator over
 * HTTP and a simulated clock (tests/support/poll-harness.ts): requests per check and
 * time to read the chooser for 1, 10 and 50 service mailboxes, requests per user-hour
 * at default settings, and while the session is expired.
 */
import '../tests/support/extension-stub';
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { DEMO_PASSWORD, type PortalSeed } from '../tests/simulator/seed';
import { startSimulator } from '../tests/simulator/server';
import { createPollHarness, sessionCookie } from '../tests/support/poll-harness';
import { parsePortalHtml, readPortalPage } from '../utils/portal/page';
import { DEFAULT_PROFILE } from '../utils/portal/profile';

export type Report = (name: string, value: number | string, unit: string, target: string, met: boolean | null) => void;

export const BENCH_LOGIN = 'agent@chu-bench.fr';
const parser = new new Window().DOMParser() as unknown as DOMParser;

export function seedWith(services: number): PortalSeed {
  const addresses = Array.from({ length: services }, (_, i) => `service${i + 1}@chu-bench.fr`);
  return {
    accounts: [
      { address: BENCH_LOGIN, name: 'Agent Banc', kind: 'personal', labelShows: 'name' },
      ...addresses.map((address, i) => ({
        address,
        name: `Service ${i + 1}`,
        kind: 'organisational' as const,
        labelShows: 'name' as const,
      })),
    ],
    users: [
      {
        login: BENCH_LOGIN,
        password: DEMO_PASSWORD,
        displayName: 'Agent Banc',
        accounts: [BENCH_LOGIN, ...addresses],
        defaultAccount: BENCH_LOGIN,
        receptionNotices: [],
      },
    ],
    messages: [],
  };
}

const totalRequests = (requests: Record<string, number>) => Object.values(requests).reduce((a, b) => a + b, 0);

/** Median time to read a chooser page, over 20 readings (happy-dom: slower than a browser). */
async function readingTime(html: string, url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    readPortalPage(parsePortalHtml(html, url, parser), DEFAULT_PROFILE, { pageUrl: url, reachedBy: 'chooser' });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Math.round((samples[10] ?? 0) * 10) / 10;
}

export async function pollingFigures(report: Report): Promise<void> {
  for (const services of [1, 10, 50]) {
    const sim = await startSimulator({ rendering: 'classic', seed: seedWith(services) });
    const h = await createPollHarness(sim, BENCH_LOGIN);
    const before = totalRequests(sim.state.snapshot().requests);
    await h.poll('user');
    const requests = totalRequests(sim.state.snapshot().requests) - before;
    report(`requêtes au portail par vérification, ${services + 1} boîtes`, requests, '', '1', requests === 1);
    const url = sim.at('/?m=comptes');
    const html = await (await fetch(url, { headers: { cookie: await sessionCookie(sim, BENCH_LOGIN) } })).text();
    report(
      `lecture du sélecteur, ${services + 1} boîtes (happy-dom, médiane de 20)`,
      await readingTime(html, url),
      'ms',
      '—',
      null,
    );
    await sim.close();
  }

  const hourSim = await startSimulator({ rendering: 'classic', seed: seedWith(4) });
  const hour = await createPollHarness(hourSim, BENCH_LOGIN);
  const end = hour.now + 60 * 60_000;
  await hour.poll('alarm');
  while (hour.nextAlarm !== null && hour.nextAlarm <= end) {
    hour.advanceTo(hour.nextAlarm);
    await hour.poll('alarm');
  }
  report(
    'requêtes par heure, réglages par défaut (2 min ± 10 %)',
    hour.fetches,
    '',
    '≈ 30',
    hour.fetches >= 27 && hour.fetches <= 34,
  );

  hourSim.state.expireSessions();
  const before = hour.fetches;
  const expiredEnd = hour.now + 60 * 60_000;
  await hour.poll('alarm');
  for (let at = hour.now; at <= expiredEnd; at += 60_000) {
    hour.advanceTo(at);
    if (hour.nextAlarm !== null && hour.nextAlarm <= at) await hour.poll('alarm');
  }
  const afterFirst = hour.fetches - before - 1;
  report('requêtes pendant une heure de session expirée (après la première)', afterFirst, '', '0', afterFirst === 0);
  await hourSim.close();
}
