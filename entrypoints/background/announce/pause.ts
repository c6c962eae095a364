/**
 * « Pause » of the announcements, asked in the panel (« Pause 1 h », « Jusqu'à demain
 * 8 h ») or, in Chrome, from a new-mail notification's button: until it ends nothing is
 * announced (no notification, no sound), while polls go on and the counts and the badge
 * keep up. It works as the quiet hours do (held-news.ts, new-mail.ts): each mailbox's
 * baseline (`notifiedUnread`) is held, so what came meanwhile and is still unread is
 * told once, per mailbox, when the pause ends, by its time (an alarm) or by
 * « Reprendre ». It is stored with the polls' state, so it survives a restart (the
 * runner sets its alarm again). The organisation's policy may forbid it or cut it to a
 * longest one.
 * Pure steps over the stored state, with the clock passed in.
 */
import type { Change, StoredState } from '@/entrypoints/background/storage/store';
import { isPaused } from './held-news';
import { collectRises, type ShownNotification } from './new-mail';

/** What the organisation's policy allows (entrypoints/background/policy/policy.ts `pauseLimits`). */
export interface PauseLimits {
  allowed: boolean;
  /** null: no limit. */
  longestMinutes: number | null;
}

export type PauseStart = { ok: true; until: number; minutes: number } | { ok: false; reason: 'forbidden' };

/**
 * Starts a pause of `minutes` from `now` (cut to the policy's longest), in place of any
 * pause under way; refused when the policy forbids it.
 */
export function startPause(state: StoredState, minutes: number, limits: PauseLimits, now: number): Change<PauseStart> {
  if (!limits.allowed) return { state, result: { ok: false, reason: 'forbidden' } };
  const granted = Math.max(1, Math.min(minutes, limits.longestMinutes ?? minutes));
  const until = now + granted * 60_000;
  state.poll.pause = { since: now, until };
  return { state, result: { ok: true, until, minutes: granted } };
}

/**
 * Ends the pause: by its time (its alarm: not before `until`) or by « Reprendre » (now).
 * What rose meanwhile is told at once, once per mailbox (unless the quiet hours hold it
 * further). A time that has not come yet changes nothing.
 */
export function endPause(
  state: StoredState,
  reason: 'time' | 'resume',
  now: number,
  minuteOfDay: number,
): Change<ShownNotification[]> {
  if (reason === 'time' && isPaused(state.poll, now)) return { state, result: [] };
  state.poll.pause = null;
  const due = collectRises(state, now, minuteOfDay);
  return { state, result: due, logged: due.map((n) => n.log) };
}

/**
 * When the pause's alarm should ring: at its end, or in a second when its end passed
 * while nothing ran (the browser closed); null: no pause.
 */
export function pauseAlarmAt(state: StoredState, now: number): number | null {
  const { pause } = state.poll;
  return pause === null ? null : Math.max(pause.until, now + 1_000);
}

/**
 * Whether a notification offers « Pause 1 h »: news of new mail, in a browser whose
 * notifications have buttons (not Firefox), when the policy allows a pause.
 */
export function offersPause(notification: ShownNotification, limits: PauseLimits, hasButtons: boolean): boolean {
  return hasButtons && limits.allowed && notification.log.kind === 'new-mail';
}
