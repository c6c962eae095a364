/**
 * When news of new mail is held back: during the quiet hours (settings) and during a
 * pause asked by the user (pause.ts). Held news is not lost: the baseline stays, so
 * the rise is told when they end (new-mail.ts). Apart from new-mail.ts and pause.ts
 * because both, and the badge, ask it.
 */
import type { PollStateRecord, SettingsRecord } from '@/entrypoints/background/storage/records';

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether `minuteOfDay` (0–1439, local time) falls in the quiet hours (which may span midnight). */
export function isQuietTime(quiet: SettingsRecord['quietHours'], minuteOfDay: number): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/** Whether a pause asked by the user holds the news at `now` (it ends at `until`, alarm or not). */
export function isPaused(poll: Pick<PollStateRecord, 'pause'>, now: number): boolean {
  return poll.pause !== null && now < poll.pause.until;
}

/** Local minute of the day for a time (the user's clock is the one that matters). */
export function localMinuteOfDay(now: number): number {
  const date = new Date(now);
  return date.getHours() * 60 + date.getMinutes();
}
