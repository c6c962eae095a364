/**
 * Runs the polls (entrypoints/background/polling/poll-schedule.ts decides): one at a time, one request each
 * (the chooser, or the inbox page where the chooser shows no counts), never a switch, the
 * page read by the same portal readers as the content script, the news announced
 * (entrypoints/background/announce/) and logged, the badge updated, the next alarm set;
 * and the pause of the announcements (entrypoints/background/announce/pause.ts decides),
 * started, ended and its end alarm set. Every effect is injected, so that the whole cycle is tested with a fake clock and
 * a fake portal.
 *
 * One at a time, but never held up for good: a poll that has not ended by
 * POLL_DEADLINE_MS is abandoned (recorded as a failure, with its backoff) and the next
 * `poll()` starts afresh instead of joining it. The abandoned one may still end later;
 * it then finds its claim gone (entrypoints/background/polling/poll-schedule.ts `holdsClaim`) and its result is dropped,
 * at the cost of a request whose answer is wasted.
 */

import type { Announce } from '@/entrypoints/background/announce/announcer';
import { type Badge, badgeFor } from '@/entrypoints/background/announce/badge';
import {
  endPause,
  type PauseLimits,
  type PauseStart,
  pauseAlarmAt,
  startPause,
} from '@/entrypoints/background/announce/pause';
import type { PollStateRecord } from '@/entrypoints/background/storage/records';
import type { Store } from '@/entrypoints/background/storage/store';
import { log } from '@/utils/log';
import { samePage } from '@/utils/portal/links';
import type { PageContext, PortalPageReading } from '@/utils/portal/page';
import type { SelectorProfile } from '@/utils/portal/profile';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { isPortalUrl } from '@/utils/portal-origins';
import type { PollError } from '@/utils/protocol/codes';
import { ReadingTimedOut } from './html-reader';
import {
  finishPoll,
  holdsClaim,
  POLL_DEADLINE_MS,
  type PollClaim,
  type PolledPage,
  type PollOutcome,
  REQUEST_TIMEOUT_MS,
  skipWhileIdle,
  startPoll,
} from './poll-schedule';

export type FetchedText = { ok: true; status: number; url: string; text: string } | { ok: false; error: PollError };

export interface PollEffects {
  /** The granted portal's match patterns: the stored URL is checked against them before each request. */
  portalMatches(): readonly string[];
  /** Fetches a portal page (entrypoints/background/polling/portal-page-fetcher.ts), giving up after `timeoutMs`. */
  fetchText(url: string, timeoutMs: number): Promise<FetchedText>;
  /** Reads portal HTML with utils/portal (in Chrome, in the offscreen document). */
  readHtml(html: string, url: string, profile: SelectorProfile, context: PageContext): Promise<PortalPageReading>;
  /** Tells the news (entrypoints/background/announce/announcer.ts, as for a page's report). */
  announce: Announce;
  showBadge(badge: Badge): Promise<void>;
  /** Sets the next alarm, or clears it (null). */
  schedule(when: number | null): Promise<void>;
  /**
   * Sets the alarm that ends the pause, or clears it (null). Absent (a harness without
   * alarms): the pause still ends at its time, and the next poll tells what it held.
   */
  schedulePauseEnd?(when: number | null): Promise<void>;
  idleState(): Promise<'active' | 'idle' | 'locked'>;
}

export interface PollClock {
  now(): number;
  random(): number;
  minuteOfDay(now: number): number;
}

export interface PollReport {
  status: PollStateRecord['status'] | 'busy';
  notifications: number;
}

export interface PollRunner {
  /** Polls now (an alarm, or « Vérifier maintenant »); joins a poll already running, until its deadline. */
  poll(reason: 'alarm' | 'user'): Promise<PollReport>;
  /** Puts the badge and the alarms in line with the stored state (after a restart, a resume). */
  sync(): Promise<void>;
  /** Pauses the announcements for `minutes` (within the policy's `limits`); badge and alarm follow. */
  pause(minutes: number, limits: PauseLimits): Promise<PauseStart>;
  /** Ends the pause, by its time (its alarm) or by « Reprendre »: what it held is shown; how many. */
  endPause(reason: 'time' | 'resume'): Promise<number>;
}

/** One call of `run`: its claim once the poll has started. */
interface Attempt {
  claim: PollClaim | null;
}

export function createPollRunner(store: Store, clock: PollClock, effects: PollEffects): PollRunner {
  let running: Promise<PollReport> | null = null;

  async function outcomeOf(
    { url, page, context }: { url: string; page: PolledPage; context: PageContext },
    profile: SelectorProfile,
  ): Promise<PollOutcome> {
    // Stored from a page and checked then; checked again here, where the cookies go with it.
    if (!isPortalUrl(url, effects.portalMatches())) return { kind: 'error', error: { code: 'off-portal' } };
    const response = await effects.fetchText(url, REQUEST_TIMEOUT_MS);
    if (!response.ok) return { kind: 'error', error: response.error };
    if (response.status >= 400) return { kind: 'error', error: { code: 'http', status: response.status } };
    let reading: PortalPageReading;
    try {
      // Only the address asked for is the menu's page it was kept as: a redirect may lead to any page.
      const reached = samePage(response.url, url) ? context : { ...context, reachedBy: undefined };
      reading = await effects.readHtml(response.text, response.url, profile, reached);
    } catch (error) {
      log.warn('lecture de la page impossible :', error instanceof Error ? error.message : error);
      return { kind: 'error', error: { code: error instanceof ReadingTimedOut ? 'read-timeout' : 'unreadable' } };
    }
    if (reading.kind === 'login') return { kind: 'expired' };
    // The inbox page standing in for a chooser without counts: learnt in finishPoll.
    if (page === 'inbox' && reading.kind === 'webmail') return { kind: 'inbox', reading };
    if (page === 'chooser' && reading.chooser && reading.chooser.length > 0) {
      return { kind: 'ok', entries: reading.chooser };
    }
    return { kind: 'error', error: { code: reading.kind === 'unknown' ? 'unrecognised-page' : 'no-chooser' } };
  }

  /** Records the outcome of the poll named by `claim`, unless it is no longer the one in flight. */
  async function finish(claim: PollClaim, outcome: PollOutcome): Promise<PollReport> {
    const now = clock.now();
    const { state, result } = await store.update((current) =>
      holdsClaim(current, claim)
        ? finishPoll(current, outcome, now, clock.random, clock.minuteOfDay(now))
        : { state: current, result: null },
    );
    if (result === null) return { status: state.poll.status, notifications: 0 };
    await effects.announce(result.notifications);
    await effects.showBadge(badgeFor(state, now));
    await effects.schedule(result.nextPollAt || null);
    return { status: state.poll.status, notifications: result.notifications.length };
  }

  async function run(reason: 'alarm' | 'user', attempt: Attempt): Promise<PollReport> {
    const before = await store.read();
    if (reason === 'alarm' && before.settings.pauseWhenIdle && (await effects.idleState()) !== 'active') {
      const { result: when } = await store.update((state) => skipWhileIdle(state, clock.now(), clock.random));
      await effects.schedule(when);
      return { status: 'skipped-while-idle', notifications: 0 };
    }
    const { result: decision, state: started } = await store.update((state) => startPoll(state, clock.now()));
    if (!decision.start) {
      await effects.showBadge(badgeFor(started, clock.now()));
      if (decision.reason !== 'busy') await effects.schedule(null);
      return { status: decision.reason === 'busy' ? 'busy' : started.poll.status, notifications: 0 };
    }
    attempt.claim = decision.claim;
    const profile = started.settings.profileOverride ?? DEFAULT_PROFILE;
    const outcome = await outcomeOf(decision, profile);
    return finish(decision.claim, outcome);
  }

  /** The deadline passed: the poll is recorded as failed, if it had started. */
  async function abandon(attempt: Attempt): Promise<PollReport> {
    // Stuck before its start (database, idle state): nothing was claimed, nothing to record.
    if (attempt.claim === null) return { status: 'busy', notifications: 0 };
    return finish(attempt.claim, { kind: 'error', error: { code: 'too-long' } });
  }

  return {
    poll(reason) {
      if (running) return running;
      const attempt: Attempt = { claim: null };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const overdue = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, POLL_DEADLINE_MS);
      });
      const current: Promise<PollReport> = Promise.race([
        run(reason, attempt),
        overdue.then(() => {
          // Released at once: the next poll must not wait on the abandoned one's bookkeeping.
          if (running === current) running = null;
          return abandon(attempt);
        }),
      ]).finally(() => {
        clearTimeout(timer);
        if (running === current) running = null;
      });
      running = current;
      return current;
    },
    async sync() {
      const state = await store.read();
      const now = clock.now();
      await effects.showBadge(badgeFor(state, now));
      const { nextPollAt } = state.poll;
      await effects.schedule(nextPollAt ? Math.max(nextPollAt, now + 1_000) : null);
      await effects.schedulePauseEnd?.(pauseAlarmAt(state, now));
    },
    async pause(minutes, limits) {
      const now = clock.now();
      const { state, result } = await store.update((current) => startPause(current, minutes, limits, now));
      if (result.ok) {
        await effects.showBadge(badgeFor(state, now));
        await effects.schedulePauseEnd?.(result.until);
      }
      return result;
    },
    async endPause(reason) {
      const now = clock.now();
      const { state, result } = await store.update((current) => endPause(current, reason, now, clock.minuteOfDay(now)));
      await effects.announce(result);
      await effects.showBadge(badgeFor(state, now));
      await effects.schedulePauseEnd?.(pauseAlarmAt(state, now));
      return result.length;
    },
  };
}
