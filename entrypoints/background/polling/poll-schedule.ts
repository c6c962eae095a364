/**
 * When and what to poll, as pure steps over the stored state with the clock and the
 * randomness passed in (entrypoints/background/polling/poll-runner.ts does the I/O). One poll reads the
 * chooser once for every mailbox and never switches the active account; where the
 * chooser shows no counts, it reads the active mailbox's inbox page instead
 * (entrypoints/background/polling/inbox-fallback.ts). The interval
 * (2 minutes by default, 1 at least) gets ±10 % jitter; failures back off
 * exponentially up to 30 minutes; an expired session pauses polls until a portal page
 * shows a live session again, with one notification.
 */

import {
  collectRises,
  type ShownNotification,
  sessionExpiredNotification,
} from '@/entrypoints/background/announce/new-mail';
import { frameFor } from '@/entrypoints/background/session/discovery';
import type { PollStateRecord } from '@/entrypoints/background/storage/records';
import type { Change, StoredState } from '@/entrypoints/background/storage/store';
import type { PageContext } from '@/utils/portal/page';
import type { PollError, PollNote } from '@/utils/protocol/codes';
import type { PageReadingPayload } from '@/utils/protocol/shapes';
import { type CheckFindings, learnChooserRead, learnInboxPage, readsInbox } from './inbox-fallback';

export const JITTER_RATIO = 0.1;
export const BACKOFF_CAP_MS = 30 * 60_000;
/** Every request of a poll gives up after this long, its body read included. */
export const REQUEST_TIMEOUT_MS = 20_000;
/** Reading the page (parsing it) gives up after this long. */
export const PARSE_TIMEOUT_MS = 10_000;
/**
 * A poll that has not ended after this long is abandoned by its runner, so that a hung
 * step never blocks the next polls: the request and the reading, each bounded by its
 * own timeout, plus time for the database and the notifications.
 */
export const POLL_DEADLINE_MS = REQUEST_TIMEOUT_MS + PARSE_TIMEOUT_MS + 5_000;
/**
 * A poll started longer ago than this was cut short (a service worker stopped mid-way,
 * or its runner abandoned it). Never less than the deadline: a poll still running in a
 * live worker is not taken for a stopped one.
 */
export const IN_FLIGHT_STALE_MS = POLL_DEADLINE_MS;
const HISTORY_SIZE = 20;

type ChooserEntries = NonNullable<PageReadingPayload['chooser']>;

export type PollOutcome =
  | { kind: 'ok'; entries: ChooserEntries }
  /** The inbox page, read instead of a chooser without counts (a webmail page, not yet believed). */
  | { kind: 'inbox'; reading: PageReadingPayload }
  | { kind: 'expired' }
  | { kind: 'error'; error: PollError };

/**
 * What names one started poll: its start time and its request number (two polls may
 * start in the same millisecond of a test clock, never with the same number).
 */
export interface PollClaim {
  since: number;
  request: number;
}

/** The page a poll reads: the chooser (page or panel), or the inbox page standing in for it. */
export type PolledPage = 'chooser' | 'inbox';

export type StartDecision =
  | { start: true; url: string; page: PolledPage; context: PageContext; claim: PollClaim }
  | { start: false; reason: 'expired' | 'busy' | 'no-session' };

/** Delay before the next poll: the interval with jitter, or the backoff after failures. */
export function nextDelay(intervalMinutes: number, failures: number, random: () => number): number {
  const base = intervalMinutes * 60_000;
  const jitter = 1 + (random() * 2 - 1) * JITTER_RATIO;
  if (failures === 0) return Math.round(base * jitter);
  return Math.round(Math.min(BACKOFF_CAP_MS, base * 2 ** failures * jitter));
}

function remember(poll: PollStateRecord, at: number, outcome: string, detail: PollNote | null): void {
  poll.history = [{ at, outcome, detail }, ...poll.history].slice(0, HISTORY_SIZE);
}

/** Claims the next poll, or says why there is none to make now. */
export function startPoll(state: StoredState, now: number): Change<StartDecision> {
  const { poll, portal } = state;
  if (poll.status === 'expired') return { state, result: { start: false, reason: 'expired' } };
  if (poll.inFlightSince !== null && now - poll.inFlightSince < IN_FLIGHT_STALE_MS) {
    return { state, result: { start: false, reason: 'busy' } };
  }
  if (!portal.pollUrl) {
    poll.status = 'no-session';
    poll.nextPollAt = 0;
    return { state, result: { start: false, reason: 'no-session' } };
  }
  poll.inFlightSince = now;
  poll.lastPollAt = now;
  poll.requests += 1;
  const claim = { since: now, request: poll.requests };
  // The chooser shows no counts: the inbox page, read as a page of the portal's frame.
  if (portal.inboxUrl && readsInbox(portal, now)) {
    const context = { frame: frameFor(portal, new URL(portal.inboxUrl).origin) };
    return { state, result: { start: true, url: portal.inboxUrl, page: 'inbox', context, claim } };
  }
  // The chooser page, or a page whose chooser panel the frame vouches for.
  const context = {
    reachedBy: portal.pollUrlIsChooserPage ? ('chooser' as const) : undefined,
    frame: frameFor(portal, new URL(portal.pollUrl).origin),
  };
  return { state, result: { start: true, url: portal.pollUrl, page: 'chooser', context, claim } };
}

/** What the poll learnt from the page it read, or why it failed. */
function findingsOf(
  state: StoredState,
  outcome: Exclude<PollOutcome, { kind: 'expired' }>,
  now: number,
): CheckFindings {
  if (outcome.kind === 'ok') return learnChooserRead(state, outcome.entries, now);
  if (outcome.kind === 'inbox') return learnInboxPage(state, outcome.reading, now);
  return { ok: false, error: outcome.error };
}

/**
 * Whether the poll named by `claim` is still the one in flight: once abandoned (or
 * followed by a newer one), its late end must not overwrite what came after.
 */
export function holdsClaim(state: StoredState, claim: PollClaim): boolean {
  return state.poll.inFlightSince === claim.since && state.poll.requests === claim.request;
}

export interface PollResult {
  notifications: ShownNotification[];
  nextPollAt: number;
}

/** Records a poll's outcome: counts and notifications, or backoff, or the paused expired state. */
export function finishPoll(
  state: StoredState,
  outcome: PollOutcome,
  now: number,
  random: () => number,
  minuteOfDay: number,
): Change<PollResult> {
  const { poll, settings } = state;
  poll.inFlightSince = null;
  const notifications: ShownNotification[] = [];
  if (outcome.kind === 'expired') {
    poll.status = 'expired';
    poll.expiredAt ??= now;
    poll.failures = 0;
    poll.nextPollAt = 0;
    if (!poll.expiredNotified) {
      poll.expiredNotified = true;
      notifications.push(sessionExpiredNotification(now));
    }
    remember(poll, now, 'expired', null);
    return { state, result: { notifications, nextPollAt: 0 }, logged: notifications.map((n) => n.log) };
  }
  const findings = findingsOf(state, outcome, now);
  if (findings.ok) {
    notifications.push(...collectRises(state, now, minuteOfDay));
    poll.status = 'ok';
    poll.failures = 0;
    poll.lastError = null;
    poll.lastSuccessAt = now;
    poll.nextPollAt = now + nextDelay(settings.pollIntervalMinutes, 0, random);
    remember(poll, now, 'ok', findings.note);
  } else {
    poll.failures += 1;
    poll.status = 'error';
    poll.lastError = findings.error;
    poll.nextPollAt = now + nextDelay(settings.pollIntervalMinutes, poll.failures, random);
    remember(poll, now, 'error', findings.error);
  }
  return { state, result: { notifications, nextPollAt: poll.nextPollAt }, logged: notifications.map((n) => n.log) };
}

/** A portal page shows a live session: polls start again (soon, not at once). */
export function resumeOnLiveSession(state: StoredState, now: number): Change<boolean> {
  const { poll } = state;
  if (poll.status !== 'expired' && poll.status !== 'no-session' && poll.nextPollAt !== 0) {
    return { state, result: false };
  }
  poll.status = 'idle';
  poll.expiredAt = null;
  poll.expiredNotified = false;
  poll.failures = 0;
  poll.nextPollAt = now + 5_000;
  return { state, result: true };
}

/** The login page is shown (logout or expiry seen in a tab): pause without a notification. */
export function pauseOnLoginPage(state: StoredState, now: number): Change<boolean> {
  const { poll } = state;
  if (poll.status === 'expired') return { state, result: false };
  poll.status = 'expired';
  poll.expiredAt = now;
  poll.expiredNotified = true;
  poll.nextPollAt = 0;
  remember(poll, now, 'expired', { code: 'login-page' });
  return { state, result: true };
}

/** Skipped while the computer is idle or locked: try again after one interval. */
export function skipWhileIdle(state: StoredState, now: number, random: () => number): Change<number> {
  const { poll, settings } = state;
  poll.status = 'skipped-while-idle';
  poll.nextPollAt = now + nextDelay(settings.pollIntervalMinutes, 0, random);
  return { state, result: poll.nextPollAt };
}
