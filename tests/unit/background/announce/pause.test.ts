/**
 * The pause of the announcements: pure decisions (start, cut by the policy, forbidden,
 * end by its time and by « Reprendre »), news held then told once per mailbox, counts
 * kept up meanwhile, the pause surviving a restart (stored, its alarm set again), the
 * badge, the notification's « Pause 1 h » button, and the panel's messages.
 */
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor, PAUSED_BADGE_TEXT } from '@/entrypoints/background/announce/badge';
import { collectRises, type ShownNotification } from '@/entrypoints/background/announce/new-mail';
import { endPause, offersPause, type PauseLimits, startPause } from '@/entrypoints/background/announce/pause';
import type { PortalSupport } from '@/entrypoints/background/compatibility/support';
import { HandlerFailure } from '@/entrypoints/background/messaging/router';
import { createUiHandlers } from '@/entrypoints/background/messaging/ui-handlers';
import { pauseLimits, readPolicy } from '@/entrypoints/background/policy/policy';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import { createPollRunner, type PollEffects, type PollRunner } from '@/entrypoints/background/polling/poll-runner';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store, type StoredState } from '@/entrypoints/background/storage/store';
import { failureText } from '@/utils/failure-text';
import { PORTAL_MATCHES } from '@/utils/portal-origins';
import { CHOOSER_URL, mailboxRecord, storedState } from '../records';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const BLOC = 'bloc@esante-occitanie.fr';
const NOON = 12 * 60;
const T0 = Date.UTC(2026, 10, 26, 12, 0);
const MINUTE = 60_000;
const FREE: PauseLimits = { allowed: true, longestMinutes: null };

/** Two watched service mailboxes, their news told up to 2 each. */
function state(): StoredState {
  return storedState(
    [CARDIO, BLOC].map((address, order) =>
      mailboxRecord(address, 'organisational', { watched: true, unread: 2, notifiedUnread: 2, order }),
    ),
    { portal: { pollUrl: CHOOSER_URL } },
  );
}

function deliver(s: StoredState, address: string, unread: number): void {
  const mailbox = s.mailboxes.find((m) => m.address === address);
  if (mailbox) mailbox.unread = unread;
}

describe('pause decisions', () => {
  it('starts a pause of the minutes asked, in place of one under way', () => {
    const s = state();
    expect(startPause(s, 60, FREE, T0).result).toEqual({ ok: true, until: T0 + 60 * MINUTE, minutes: 60 });
    expect(startPause(s, 90, FREE, T0 + MINUTE).result).toMatchObject({ until: T0 + 91 * MINUTE });
    expect(s.poll.pause).toEqual({ since: T0 + MINUTE, until: T0 + 91 * MINUTE });
  });

  it('cuts a pause to the policy’s longest, and refuses one the policy forbids', () => {
    const s = state();
    expect(startPause(s, 1320, { allowed: true, longestMinutes: 120 }, T0).result).toEqual({
      ok: true,
      until: T0 + 120 * MINUTE,
      minutes: 120,
    });
    const forbidden = state();
    expect(startPause(forbidden, 60, { allowed: false, longestMinutes: null }, T0).result).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(forbidden.poll.pause).toBeNull();
  });

  it('holds every rise while paused, the counts kept, and tells each once at its time', () => {
    const s = state();
    startPause(s, 60, FREE, T0);
    deliver(s, CARDIO, 3);
    deliver(s, BLOC, 5);
    expect(collectRises(s, T0 + 10 * MINUTE, NOON)).toEqual([]);
    expect(s.mailboxes.map((m) => [m.unread, m.notifiedUnread])).toEqual([
      [3, 2],
      [5, 2],
    ]);
    // The alarm rang early: nothing changes.
    expect(endPause(s, 'time', T0 + 59 * MINUTE, NOON).result).toEqual([]);
    expect(s.poll.pause).not.toBeNull();
    const told = endPause(s, 'time', T0 + 60 * MINUTE, NOON);
    expect(told.result.map((n) => [n.log.address, n.log.count])).toEqual([
      [CARDIO, 1],
      [BLOC, 3],
    ]);
    expect(told.logged).toHaveLength(2);
    expect(s.poll.pause).toBeNull();
    expect(collectRises(s, T0 + 70 * MINUTE, NOON)).toEqual([]);
  });

  it('ends at once on « Reprendre »; mail read meanwhile is not news', () => {
    const s = state();
    startPause(s, 1320, FREE, T0);
    deliver(s, CARDIO, 4);
    deliver(s, BLOC, 1);
    collectRises(s, T0 + MINUTE, NOON);
    const told = endPause(s, 'resume', T0 + 5 * MINUTE, NOON).result;
    expect(told.map((n) => [n.log.address, n.log.count])).toEqual([[CARDIO, 2]]);
  });

  it('keeps the news held when the pause ends inside the quiet hours', () => {
    const s = state();
    s.settings.quietHours = { enabled: true, start: '20:00', end: '07:30' };
    startPause(s, 60, FREE, T0);
    deliver(s, CARDIO, 3);
    expect(endPause(s, 'resume', T0 + MINUTE, 22 * 60).result).toEqual([]);
    expect(collectRises(s, T0 + 10 * MINUTE, 8 * 60).map((n) => n.log.count)).toEqual([1]);
  });

  it('offers « Pause 1 h » on new-mail notifications where buttons exist and the policy allows it', () => {
    const s = state();
    deliver(s, CARDIO, 3);
    const [news] = collectRises(s, T0, NOON) as [ShownNotification];
    const expired = { ...news, log: { ...news.log, kind: 'session-expired' as const } };
    expect(offersPause(news, FREE, true)).toBe(true);
    expect(offersPause(news, FREE, false)).toBe(false);
    expect(offersPause(news, { allowed: false, longestMinutes: null }, true)).toBe(false);
    expect(offersPause(expired, FREE, true)).toBe(false);
  });
});

describe('the badge while paused', () => {
  it('shows the pause, says until when, and keeps the total in the tooltip', () => {
    const s = state();
    startPause(s, 60, FREE, T0);
    deliver(s, CARDIO, 3);
    const badge = badgeFor(s, T0 + MINUTE);
    expect(badge).toMatchObject({ text: PAUSED_BADGE_TEXT, colour: BADGE_COLOURS.paused });
    expect(badge.title).toMatch(/annonces en pause jusqu'à/);
    expect(badge.title).toContain('Non lus dans les BAL de service suivies : 5');
    expect(badgeFor(s, T0 + 60 * MINUTE)).toMatchObject({ text: '5', colour: BADGE_COLOURS.counts });
    s.settings.privacyMode = true;
    expect(badgeFor(s, T0 + MINUTE).title).not.toMatch(/cardiologie/i);
  });
});

describe('the policy', () => {
  it('reads pauseAllowed and maxPauseMinutes, and refuses a longest pause out of bounds', () => {
    const reading = readPolicy({ pauseAllowed: false, maxPauseMinutes: 90 });
    expect(reading).toEqual({ ok: true, policy: { pauseAllowed: false, maxPauseMinutes: 90 }, refused: [] });
    expect(pauseLimits(reading.ok ? reading.policy : null)).toEqual({ allowed: false, longestMinutes: 90 });
    expect(pauseLimits(null)).toEqual(FREE);
    expect(readPolicy({ maxPauseMinutes: 0 })).toMatchObject({ policy: {}, refused: [{ path: 'maxPauseMinutes' }] });
  });

  it('cuts a pause under way to its longest, or ends it when it forbids pauses', async () => {
    const policy = new PolicyInForce();
    const store = new Store(new RepereDb(`pause-policy-${Date.now()}`), Date.now, policy.enforce);
    await store.update((s) => startPause(s, 600, FREE, T0));
    policy.adopt(readPolicy({ maxPauseMinutes: 30 }));
    await store.update((s) => ({ state: s, result: null }));
    expect((await store.read()).poll.pause).toEqual({ since: T0, until: T0 + 30 * MINUTE });
    policy.adopt(readPolicy({ pauseAllowed: false }));
    await store.update((s) => ({ state: s, result: null }));
    expect((await store.read()).poll.pause).toBeNull();
    store.db.close();
  });
});

/** The runner on a database, its effects recorded; `restart` keeps only the database. */
function runnerHarness() {
  const db = new RepereDb(`pause-runner-${Math.random()}`);
  let now = T0;
  const shown: ShownNotification[] = [];
  const pauseAlarms: (number | null)[] = [];
  const badges: string[] = [];
  const policy = new PolicyInForce();
  const effects: PollEffects = {
    portalMatches: () => PORTAL_MATCHES,
    fetchText: async () => ({ ok: false, error: { code: 'network' } }),
    readHtml: async () => {
      throw new Error('not reached');
    },
    announce: async (notifications) => {
      shown.push(...notifications);
    },
    showBadge: async (badge) => {
      badges.push(badge.text);
    },
    schedule: async () => {},
    schedulePauseEnd: async (when) => {
      pauseAlarms.push(when);
    },
    idleState: async () => 'active',
  };
  const make = () => {
    const store = new Store(db, () => now, policy.enforce);
    return {
      store,
      runner: createPollRunner(store, { now: () => now, random: () => 0.5, minuteOfDay: () => NOON }, effects),
    };
  };
  let current = make();
  return {
    get store() {
      return current.store;
    },
    get runner(): PollRunner {
      return current.runner;
    },
    policy,
    shown,
    pauseAlarms,
    badges,
    tick(ms: number) {
      now += ms;
    },
    restart() {
      current = make();
    },
  };
}

describe('the pause in the runner', () => {
  it('survives a restart: stored, its alarm set again, and its news told once at its end', async () => {
    const h = runnerHarness();
    await h.store.update((s) => {
      s.mailboxes = state().mailboxes;
      return { state: s, result: null };
    });
    expect(await h.runner.pause(60, FREE)).toMatchObject({ ok: true, until: T0 + 60 * MINUTE });
    expect(h.pauseAlarms.at(-1)).toBe(T0 + 60 * MINUTE);
    expect(h.badges.at(-1)).toBe(PAUSED_BADGE_TEXT);
    await h.store.update((s) => {
      deliver(s, CARDIO, 4);
      return { state: s, result: collectRises(s, T0 + MINUTE, NOON) };
    });

    h.restart();
    h.tick(30 * MINUTE);
    await h.runner.sync();
    expect(h.pauseAlarms.at(-1)).toBe(T0 + 60 * MINUTE);
    expect((await h.store.read()).poll.pause).toEqual({ since: T0, until: T0 + 60 * MINUTE });

    // Closed past the end: the alarm rings in a second.
    h.restart();
    h.tick(60 * MINUTE);
    await h.runner.sync();
    expect(h.pauseAlarms.at(-1)).toBe(T0 + 90 * MINUTE + 1_000);
    expect(await h.runner.endPause('time')).toBe(1);
    expect(h.shown.map((n) => [n.log.address, n.log.count])).toEqual([[CARDIO, 2]]);
    expect(h.pauseAlarms.at(-1)).toBeNull();
    expect(await h.runner.endPause('resume')).toBe(0);
    expect((await h.store.notificationLog()).map((e) => e.address)).toEqual([CARDIO]);
  });

  it('answers the panel: the pause in the overview, cut or refused by the policy, then « Reprendre »', async () => {
    const h = runnerHarness();
    let changes = 0;
    const page = createUiHandlers({
      store: h.store,
      policy: h.policy,
      runner: h.runner,
      now: () => T0,
      version: '0.1.0',
      language: () => 'fr',
      openMailbox: async () => {},
      changed: async () => {
        changes += 1;
      },
      extraPortals: { status: async () => [], granted: () => [], sync: async () => {} },
      support: {} as PortalSupport,
    });
    const sender = { id: 'x', url: 'chrome-extension://x/popup.html' };
    expect((await page['ui:overview']({}, sender)).pause).toEqual({ until: null, allowed: true, longestMinutes: null });

    h.policy.adopt(readPolicy({ maxPauseMinutes: 45 }));
    expect(await page['ui:pause']({ minutes: 60 }, sender)).toEqual({ until: T0 + 45 * MINUTE, minutes: 45 });
    expect((await page['ui:overview']({}, sender)).pause).toEqual({
      until: T0 + 45 * MINUTE,
      allowed: true,
      longestMinutes: 45,
    });
    expect(await page['ui:resume']({}, sender)).toEqual({ notifications: 0 });
    expect((await page['ui:overview']({}, sender)).pause.until).toBeNull();
    expect(changes).toBe(2);

    h.policy.adopt(readPolicy({ pauseAllowed: false }));
    const refused = await page['ui:pause']({ minutes: 60 }, sender).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HandlerFailure);
    expect((refused as HandlerFailure).failure).toEqual({ code: 'locked', fields: ['pause'] });
    expect(failureText((refused as HandlerFailure).failure)).toMatch(/fixé par votre organisation/);
    expect((await h.store.read()).poll.pause).toBeNull();
    expect((await page['ui:overview']({}, sender)).pause).toMatchObject({ allowed: false });
  });
});
