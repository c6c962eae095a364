/**
 * Runs the checks (utils/poller.ts decides): one at a time, one request each, the page
 * read by the same portal readers as the content script, the notifications shown and
 * logged, the badge updated, the next alarm set. Every effect is injected, so that the
 * whole cycle is tested with a fake clock and a fake portal.
 */
import { type Badge, badgeFor } from './badge';
import type { ShownNotification } from './notifier';
import { finishPoll, type PollOutcome, REQUEST_TIMEOUT_MS, skipWhileIdle, startPoll } from './poller';
import type { PortalPageReading } from './portal/page';
import type { SelectorProfile } from './portal/profile';
import { DEFAULT_PROFILE } from './portal/profile';
import type { PollStateRecord } from './schemas';
import type { Store } from './store';

export type FetchedText = { ok: true; status: number; url: string; text: string } | { ok: false; detail: string };

export interface PollEffects {
  fetchText(url: string, timeoutMs: number): Promise<FetchedText>;
  /** Reads portal HTML with utils/portal (in Chrome, in the offscreen document). */
  readHtml(html: string, url: string, profile: SelectorProfile, isChooserPage: boolean): Promise<PortalPageReading>;
  show(notification: ShownNotification): Promise<void>;
  showBadge(badge: Badge): Promise<void>;
  /** Sets the next alarm, or clears it (null). */
  schedule(when: number | null): Promise<void>;
  idleState(): Promise<'active' | 'idle' | 'locked'>;
}

export interface PollClock {
  now(): number;
  random(): number;
  minuteOfDay(now: number): number;
}

export interface CheckReport {
  status: PollStateRecord['status'] | 'busy';
  notifications: number;
}

export interface PollRunner {
  /** Checks now (an alarm, or « Vérifier maintenant »); joins a check already running. */
  check(reason: 'alarm' | 'user'): Promise<CheckReport>;
  /** Puts the badge and the alarm in line with the stored state (after a restart, a resume). */
  sync(): Promise<void>;
}

export function createPollRunner(store: Store, clock: PollClock, effects: PollEffects): PollRunner {
  let running: Promise<CheckReport> | null = null;

  async function outcomeOf(url: string, isChooserPage: boolean, profile: SelectorProfile): Promise<PollOutcome> {
    const response = await effects.fetchText(url, REQUEST_TIMEOUT_MS);
    if (!response.ok) return { kind: 'error', detail: response.detail };
    if (response.status >= 400) return { kind: 'error', detail: `HTTP ${response.status}` };
    let reading: PortalPageReading;
    try {
      reading = await effects.readHtml(response.text, response.url, profile, isChooserPage);
    } catch (error) {
      return { kind: 'error', detail: `lecture impossible (${error instanceof Error ? error.message : error})` };
    }
    if (reading.kind === 'login') return { kind: 'expired' };
    if (reading.chooser && reading.chooser.length > 0) return { kind: 'ok', entries: reading.chooser };
    return {
      kind: 'error',
      detail: reading.kind === 'unknown' ? 'page non reconnue' : 'sélecteur de compte introuvable',
    };
  }

  async function run(reason: 'alarm' | 'user'): Promise<CheckReport> {
    const before = await store.read();
    if (reason === 'alarm' && before.settings.pauseWhenIdle && (await effects.idleState()) !== 'active') {
      const { result: when } = await store.update((state) => skipWhileIdle(state, clock.now(), clock.random));
      await effects.schedule(when);
      return { status: 'paused', notifications: 0 };
    }
    const { result: decision, state: started } = await store.update((state) => startPoll(state, clock.now()));
    if (!decision.start) {
      await effects.showBadge(badgeFor(started));
      if (decision.reason !== 'busy') await effects.schedule(null);
      return { status: decision.reason === 'busy' ? 'busy' : started.poll.status, notifications: 0 };
    }
    const profile = started.settings.profileOverride ?? DEFAULT_PROFILE;
    const outcome = await outcomeOf(decision.url, decision.isChooserPage, profile);
    const now = clock.now();
    const { state, result } = await store.update((current) =>
      finishPoll(current, outcome, now, clock.random, clock.minuteOfDay(now)),
    );
    for (const notification of result.notifications) await effects.show(notification);
    await effects.showBadge(badgeFor(state));
    await effects.schedule(result.nextPollAt || null);
    return { status: state.poll.status, notifications: result.notifications.length };
  }

  return {
    check(reason) {
      running ??= run(reason).finally(() => {
        running = null;
      });
      return running;
    },
    async sync() {
      const state = await store.read();
      await effects.showBadge(badgeFor(state));
      const { nextPollAt } = state.poll;
      await effects.schedule(nextPollAt ? Math.max(nextPollAt, clock.now() + 1_000) : null);
    },
  };
}
