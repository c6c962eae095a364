/**
 * The poller and its runner with a fake clock and a fake portal: jitter, backoff and its
 * cap, one check at a time, expiry then resume, no duplicate notification across
 * restarts, and a badge for each state; an off-portal URL never fetched, a
 * hung check abandoned at its deadline without blocking the next, its late end ignored.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_COLOURS, badgeFor } from '@/entrypoints/background/announce/badge';
import type { ShownNotification } from '@/entrypoints/background/announce/new-mail';
import type { HtmlReader } from '@/entrypoints/background/polling/html-reader';
import { createPollRunner, type FetchedText, type PollEffects } from '@/entrypoints/background/polling/poll-runner';
import {
  BACKOFF_CAP_MS,
  nextDelay,
  POLL_DEADLINE_MS,
  pauseOnLoginPage,
  resumeOnLiveSession,
} from '@/entrypoints/background/polling/poll-schedule';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';
import { PORTAL_MATCHES } from '@/utils/portal-origins';

const ORIGIN = 'https://medimail.mipih.fr';
const NOEMIE = 'noemie.gallorini@esante-occitanie.fr';
const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const MSS = 'mss@esante-occitanie.fr';
const NAMES: Record<string, string> = {
  [NOEMIE]: 'Noémie Gallorini',
  [CARDIO]: 'Secrétariat de cardiologie',
  [MSS]: 'MSS eSanté Occitanie',
};

/** A chooser page as the portal would serve it, with these unread counts. */
function chooserPage(counts: Record<string, number>): string {
  const rows = Object.entries(counts)
    .map(
      ([address, unread]) =>
        `<tr><td>${NAMES[address] ?? address}</td><td>${address}</td><td>${unread}</td><td><form method="post" action="/?m=comptes"><input type="hidden" name="jeton" value="t"><input type="hidden" name="compte" value="${address}"><input type="submit" value="Accéder"></form></td></tr>`,
    )
    .join('');
  return `<html><body><div><a href="#" onclick="m()">Noémie Gallorini</a><ul><li><a href="/?m=comptes">Changer de compte</a></li><li><a href="/?m=compte">Gérer votre compte Medimail</a></li></ul></div>
  <h2>Changer de compte</h2><table>${rows}</table></body></html>`;
}

const LOGIN_PAGE =
  '<html><body><form method="post" action="/"><input name="login"><input type="password" name="password"></form></body></html>';

/** The portal's own reading, as the background does it. */
const readPage: HtmlReader = async (html, url, profile, context) =>
  readPortalPage(parsePortalHtml(html, url), profile, { ...context, pageUrl: url });

let dbCount = 0;

function harness(options: { startAt?: number } = {}) {
  dbCount += 1;
  const db = new RepereDb(`poller-${dbCount}-${Date.now()}`);
  let now = options.startAt ?? Date.UTC(2026, 10, 26, 10, 0);
  const portal = {
    reply: (): Promise<FetchedText> =>
      Promise.resolve({ ok: true, status: 200, url: `${ORIGIN}/?m=comptes`, text: chooserPage({}) }),
    read: readPage,
  };
  const shown: ShownNotification[] = [];
  const schedules: (number | null)[] = [];
  const fetchText = vi.fn((_url: string, _timeout: number) => portal.reply());
  const effects: PollEffects = {
    portalMatches: () => PORTAL_MATCHES,
    fetchText,
    readHtml: (html, url, profile, context) => portal.read(html, url, profile, context),
    announce: async (notifications) => {
      shown.push(...notifications);
    },
    showBadge: async () => {},
    schedule: async (when) => {
      schedules.push(when);
    },
    idleState: async () => 'active',
  };
  const clock = {
    now: () => now,
    random: () => 0.5,
    minuteOfDay: (at: number) => new Date(at).getUTCHours() * 60 + new Date(at).getUTCMinutes(),
  };
  const make = () => {
    const store = new Store(db, () => now);
    return { store, runner: createPollRunner(store, clock, effects) };
  };
  let { store, runner } = make();
  return {
    get store() {
      return store;
    },
    get runner() {
      return runner;
    },
    shown,
    schedules,
    fetchText,
    portal,
    tick(ms: number) {
      now += ms;
    },
    get now() {
      return now;
    },
    serve(counts: Record<string, number>) {
      portal.reply = () =>
        Promise.resolve({ ok: true, status: 200, url: `${ORIGIN}/?m=comptes`, text: chooserPage(counts) });
    },
    /** A service-worker restart: nothing in memory survives, the database does. */
    restart() {
      ({ store, runner } = make());
    },
    async loggedIn() {
      await store.update((state) => {
        state.portal.loginAddress = NOEMIE;
        state.portal.pollUrl = `${ORIGIN}/?m=comptes`;
        state.portal.pollUrlIsChooserPage = true;
        return { state, result: null };
      });
    },
  };
}

describe('nextDelay', () => {
  it('keeps the interval within ±10 % jitter', () => {
    expect(nextDelay(2, 0, () => 0)).toBe(108_000);
    expect(nextDelay(2, 0, () => 1)).toBe(132_000);
    expect(nextDelay(2, 0, () => 0.5)).toBe(120_000);
  });

  it('backs off exponentially after failures, capped at 30 minutes', () => {
    const sequence = [1, 2, 3, 4, 5, 6].map((failures) => nextDelay(2, failures, () => 0.5) / 60_000);
    expect(sequence).toEqual([4, 8, 16, 30, 30, 30]);
    expect(nextDelay(2, 12, () => 1)).toBe(BACKOFF_CAP_MS);
  });
});

describe('poll runner', () => {
  it('does nothing before a portal page told where the chooser is', async () => {
    const h = harness();
    expect((await h.runner.poll('alarm')).status).toBe('no-session');
    expect(h.fetchText).not.toHaveBeenCalled();
    expect(h.schedules.at(-1)).toBeNull();
  });

  it('reads the chooser once per check, learns the counts, and schedules the next with jitter', async () => {
    const h = harness();
    await h.loggedIn();
    h.serve({ [NOEMIE]: 1, [MSS]: 2, [CARDIO]: 0 });
    expect(await h.runner.poll('user')).toEqual({ status: 'ok', notifications: 0 });
    expect(h.fetchText).toHaveBeenCalledOnce();
    expect(h.fetchText.mock.calls[0]?.[0]).toBe(`${ORIGIN}/?m=comptes`);
    const state = await h.store.read();
    expect(state.mailboxes.map((m) => [m.address, m.unread, m.notifiedUnread])).toEqual([
      [NOEMIE, 1, 1],
      [MSS, 2, 2],
      [CARDIO, 0, 0],
    ]);
    expect(h.schedules.at(-1)).toBe(h.now + 120_000);
  });

  it('runs one check at a time, however many ask', async () => {
    const h = harness();
    await h.loggedIn();
    h.serve({ [MSS]: 1 });
    const reports = await Promise.all([h.runner.poll('alarm'), h.runner.poll('user'), h.runner.poll('alarm')]);
    expect(h.fetchText).toHaveBeenCalledOnce();
    expect(reports.every((r) => r.status === 'ok')).toBe(true);
  });

  it('notifies a rise once, per mailbox, never again after more checks or a restart', async () => {
    const h = harness();
    await h.loggedIn();
    h.serve({ [NOEMIE]: 0, [MSS]: 2, [CARDIO]: 0 });
    await h.runner.poll('alarm');
    h.serve({ [NOEMIE]: 1, [MSS]: 2, [CARDIO]: 3 });
    h.tick(120_000);
    expect((await h.runner.poll('alarm')).notifications).toBe(1);
    expect(h.shown.map((n) => [n.notificationId, n.title])).toEqual([
      [`repere-bal:mail:${CARDIO}`, '3 nouveaux messages — Secrétariat de cardiologie'],
    ]);
    expect(h.shown[0]?.message).not.toMatch(/objet|subject/i);
    for (let i = 0; i < 3; i += 1) {
      h.tick(120_000);
      await h.runner.poll('alarm');
    }
    h.restart();
    h.tick(120_000);
    await h.runner.poll('alarm');
    expect(h.shown).toHaveLength(1);
    const log = await h.store.notificationLog();
    expect(log.map((entry) => [entry.kind, entry.address, entry.count])).toEqual([['new-mail', CARDIO, 3]]);
  });

  it('tells a new rise after mail was read, and replaces the notification of that mailbox', async () => {
    const h = harness();
    await h.loggedIn();
    h.serve({ [CARDIO]: 1 });
    await h.runner.poll('alarm');
    h.serve({ [CARDIO]: 0 });
    await h.runner.poll('alarm');
    h.serve({ [CARDIO]: 1 });
    await h.runner.poll('alarm');
    expect(h.shown.map((n) => [n.notificationId, n.title])).toEqual([
      [`repere-bal:mail:${CARDIO}`, '1 nouveau message — Secrétariat de cardiologie'],
    ]);
  });

  it('holds news during quiet hours and tells it once they end', async () => {
    const h = harness({ startAt: Date.UTC(2026, 10, 26, 22, 0) });
    await h.loggedIn();
    await h.store.update((state) => {
      state.settings.quietHours = { enabled: true, start: '20:00', end: '07:30' };
      return { state, result: null };
    });
    h.serve({ [CARDIO]: 0 });
    await h.runner.poll('alarm');
    h.serve({ [CARDIO]: 2 });
    h.tick(60 * 60_000);
    await h.runner.poll('alarm');
    expect(h.shown).toHaveLength(0);
    h.tick(9 * 60 * 60_000); // 08:00
    await h.runner.poll('alarm');
    expect(h.shown.map((n) => n.title)).toEqual(['2 nouveaux messages — Secrétariat de cardiologie']);
  });

  it('never notifies the personal mailbox or an unwatched one', async () => {
    const h = harness();
    await h.loggedIn();
    h.serve({ [NOEMIE]: 0, [MSS]: 0 });
    await h.runner.poll('alarm');
    await h.store.update((state) => {
      const mss = state.mailboxes.find((m) => m.address === MSS);
      if (mss) mss.watched = false;
      return { state, result: null };
    });
    h.serve({ [NOEMIE]: 4, [MSS]: 4 });
    await h.runner.poll('alarm');
    expect(h.shown).toHaveLength(0);
  });

  it('pauses on an expired session with one notification and no further request, then resumes', async () => {
    const h = harness();
    await h.loggedIn();
    h.portal.reply = () => Promise.resolve({ ok: true, status: 200, url: `${ORIGIN}/`, text: LOGIN_PAGE });
    expect((await h.runner.poll('alarm')).status).toBe('expired');
    expect(h.shown.map((n) => n.notificationId)).toEqual(['repere-bal:session-expired']);
    expect(h.schedules.at(-1)).toBeNull();
    for (let i = 0; i < 3; i += 1) await h.runner.poll('user');
    expect(h.fetchText).toHaveBeenCalledOnce();
    expect(h.shown).toHaveLength(1);
    expect(badgeFor(await h.store.read(), h.now)).toMatchObject({ text: '!', colour: BADGE_COLOURS.expired });

    await h.store.update((state) => resumeOnLiveSession(state, h.now));
    h.serve({ [MSS]: 0 });
    expect((await h.runner.poll('alarm')).status).toBe('ok');
    expect(h.fetchText).toHaveBeenCalledTimes(2);
  });

  it('takes a slow or failing portal for an error with backoff, not for an expired session', async () => {
    const h = harness();
    await h.loggedIn();
    h.portal.reply = () => Promise.resolve({ ok: false, error: { code: 'timeout' } });
    await h.runner.poll('alarm');
    h.portal.reply = () =>
      Promise.resolve({ ok: true, status: 500, url: `${ORIGIN}/?m=comptes`, text: 'Erreur interne' });
    await h.runner.poll('alarm');
    h.portal.reply = () =>
      Promise.resolve({ ok: true, status: 200, url: `${ORIGIN}/?m=comptes`, text: '<div class="\u0000<<' });
    await h.runner.poll('alarm');
    const state = await h.store.read();
    expect(state.poll).toMatchObject({ status: 'error', failures: 3 });
    expect(state.poll.history.map((entry) => entry.detail?.code)).toEqual(['unrecognised-page', 'http', 'timeout']);
    expect(state.poll.history[1]?.detail).toEqual({ code: 'http', status: 500 });
    expect(h.schedules.at(-1)).toBe(h.now + 16 * 60_000);
    expect(h.shown).toHaveLength(0);
    expect(badgeFor(state, h.now)).toMatchObject({ text: '?', colour: BADGE_COLOURS.error });
  });

  it('does not start a second check while one from a stopped worker may still run', async () => {
    const h = harness();
    await h.loggedIn();
    await h.store.update((state) => {
      state.poll.inFlightSince = h.now - 5_000;
      return { state, result: null };
    });
    expect((await h.runner.poll('alarm')).status).toBe('busy');
    h.tick(60_000);
    h.serve({ [MSS]: 0 });
    expect((await h.runner.poll('alarm')).status).toBe('ok');
  });

  it('never fetches a stored poll URL that is off the portal', async () => {
    const h = harness();
    await h.loggedIn();
    for (const url of ['https://medimail.example.org/?m=comptes', 'javascript:alert(1)', 'file:///etc/passwd']) {
      await h.store.update((state) => {
        state.portal.pollUrl = url;
        return { state, result: null };
      });
      expect((await h.runner.poll('user')).status).toBe('error');
      expect((await h.store.read()).poll.lastError).toEqual({ code: 'off-portal' });
    }
    expect(h.fetchText).not.toHaveBeenCalled();
  });

  it('reads a page a redirect led to as any page, not as the chooser page it asked for', async () => {
    const h = harness();
    await h.loggedIn();
    // The same rows, served from the inbox's address (as a message showing a look-alike would be).
    h.portal.reply = () =>
      Promise.resolve({ ok: true, status: 200, url: `${ORIGIN}/?m=liste&f=1`, text: chooserPage({ [CARDIO]: 7 }) });
    expect((await h.runner.poll('user')).status).toBe('error');
    const state = await h.store.read();
    expect(state.poll.lastError?.code).toMatch(/no-chooser|unrecognised-page/);
    expect(state.mailboxes.find((m) => m.address === CARDIO)?.unread ?? null).toBeNull();
    // Asked for and answered there, the same page is the chooser.
    h.serve({ [CARDIO]: 7 });
    h.tick(60_000);
    expect((await h.runner.poll('user')).status).toBe('ok');
    expect((await h.store.read()).mailboxes.find((m) => m.address === CARDIO)?.unread).toBe(7);
  });

  describe('a check that hangs', () => {
    beforeEach(() => {
      // Only the runner's deadline is faked: the in-memory database keeps its own scheduling.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** The next reading waits until released (never, unless told); `reached` once it is asked. */
    function hangReading(h: ReturnType<typeof harness>) {
      let release = () => {};
      const reached = new Promise<void>((reachedNow) => {
        h.portal.read = (...args) => {
          reachedNow();
          return new Promise((resolve) => {
            release = () => resolve(readPage(...args));
          });
        };
      });
      return { reached, release: () => release() };
    }

    it('is abandoned at its deadline, and the next check runs afresh instead of joining it', async () => {
      const h = harness();
      await h.loggedIn();
      const reading = hangReading(h);
      const hung = h.runner.poll('alarm');
      await reading.reached;
      await vi.advanceTimersByTimeAsync(POLL_DEADLINE_MS);
      expect(await hung).toEqual({ status: 'error', notifications: 0 });
      const abandoned = await h.store.read();
      expect(abandoned.poll).toMatchObject({ inFlightSince: null, lastError: { code: 'too-long' }, failures: 1 });

      h.portal.read = readPage;
      h.serve({ [MSS]: 1 });
      expect(await h.runner.poll('user')).toEqual({ status: 'ok', notifications: 0 });
      expect(h.fetchText).toHaveBeenCalledTimes(2);
    });

    it('ignores the late end of an abandoned check: the newer result stands', async () => {
      const h = harness();
      await h.loggedIn();
      h.serve({ [CARDIO]: 0 });
      await h.runner.poll('alarm');

      // This reading answers only after its deadline, with 5 unread.
      h.serve({ [CARDIO]: 5 });
      const reading = hangReading(h);
      const hung = h.runner.poll('alarm');
      await reading.reached;
      await vi.advanceTimersByTimeAsync(POLL_DEADLINE_MS);
      await hung;

      h.portal.read = readPage;
      h.serve({ [CARDIO]: 1 });
      expect((await h.runner.poll('alarm')).notifications).toBe(1);

      const update = vi.spyOn(h.store, 'update');
      reading.release();
      await vi.waitFor(() => expect(update).toHaveBeenCalledOnce());
      await update.mock.results[0]?.value;
      const state = await h.store.read();
      expect(state.mailboxes.find((m) => m.address === CARDIO)?.unread).toBe(1);
      expect(state.poll).toMatchObject({ status: 'ok', inFlightSince: null, failures: 0 });
      expect(h.shown.map((n) => n.title)).toEqual(['1 nouveau message — Secrétariat de cardiologie']);
    });
  });

  it('skips checks while the computer is idle, when asked to', async () => {
    const h = harness();
    await h.loggedIn();
    await h.store.update((state) => {
      state.settings.pauseWhenIdle = true;
      return { state, result: null };
    });
    const idle = createPollRunner(
      h.store,
      { now: () => h.now, random: () => 0.5, minuteOfDay: () => 600 },
      {
        portalMatches: () => PORTAL_MATCHES,
        fetchText: h.fetchText,
        readHtml: async () => {
          throw new Error('not reached');
        },
        announce: async () => {},
        showBadge: async () => {},
        schedule: async () => {},
        idleState: async () => 'locked',
      },
    );
    expect((await idle.poll('alarm')).status).toBe('skipped-while-idle');
    expect(h.fetchText).not.toHaveBeenCalled();
  });

  it('pauses silently when a tab shows the login page', async () => {
    const h = harness();
    await h.loggedIn();
    await h.store.update((state) => pauseOnLoginPage(state, h.now));
    await h.runner.poll('alarm');
    expect(h.fetchText).not.toHaveBeenCalled();
    expect(h.shown).toHaveLength(0);
  });
});

describe('badge', () => {
  it('shows the unread total of watched service mailboxes, and lists them', async () => {
    const h = harness();
    await h.loggedIn();
    h.serve({ [NOEMIE]: 5, [MSS]: 2, [CARDIO]: 3 });
    await h.runner.poll('alarm');
    const badge = badgeFor(await h.store.read(), h.now);
    expect(badge.text).toBe('5');
    expect(badge.title).toContain('Secrétariat de cardiologie : 3');
    expect(badge.title).not.toContain('Noémie');
  });
});
