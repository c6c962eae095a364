/**
 * The toolbar badge: the unread total of the watched service mailboxes, or a distinct
 * look when the session has expired (« ! » on red), while the announcements are paused
 * (« ⏸ » on brown: the tooltip says until when, and gives the total) or when the polls
 * fail (« ? » on grey); the tooltip lists each watched mailbox and its count, or, with `privacyMode`
 * (« notifications discrètes »), gives the total alone: a service's name may be
 * sensitive on a screen patients can see.
 */

import { displayName, watchedMailboxes } from '@/entrypoints/background/session/mailboxes';
import type { MailboxRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { pollErrorText } from '@/utils/failure-text';
import { t } from '@/utils/i18n';
import { whenText } from '@/utils/pause';
import { isPaused } from './held-news';

export interface Badge {
  text: string;
  colour: string;
  title: string;
}

export const BADGE_COLOURS = {
  counts: '#0B3D91',
  expired: '#B00020',
  error: '#595959',
  paused: '#7A4100',
} as const;

export const PAUSED_BADGE_TEXT = '⏸';

/** Each watched mailbox and its count, or nothing with discreet notifications. */
function countLines(state: StoredState, watched: MailboxRecord[]): string[] {
  return state.settings.privacyMode ? [] : watched.map((m) => `${displayName(m)} : ${m.unread ?? '?'}`);
}

/** The badge for this state at `now` (a pause ends at its time, whether its alarm rang or not). */
export function badgeFor(state: StoredState, now: number): Badge {
  const { poll, portal } = state;
  if (poll.status === 'expired') return { text: '!', colour: BADGE_COLOURS.expired, title: t('badgeExpired') };
  // The watched mailboxes of the person logged in, the services only.
  const watched = watchedMailboxes(state).filter((m) => m.kind !== 'personal');
  const total = watched.reduce((sum, m) => sum + (m.unread ?? 0), 0);
  if (poll.pause && isPaused(poll, now)) {
    const lines = [t('badgePaused', whenText(poll.pause.until, now)), t('badgePausedTotal', total)];
    return {
      text: PAUSED_BADGE_TEXT,
      colour: BADGE_COLOURS.paused,
      title: [...lines, ...countLines(state, watched)].join('\n'),
    };
  }
  if (poll.status === 'error') {
    const detail = poll.lastError ? pollErrorText(poll.lastError) : '?';
    return { text: '?', colour: BADGE_COLOURS.error, title: t('badgeError', detail) };
  }
  if (watched.length === 0 && !portal.pollUrl)
    return { text: '', colour: BADGE_COLOURS.counts, title: t('badgeNoSession') };
  const title = state.settings.privacyMode
    ? t('badgeDiscreetCounts', total)
    : [t('badgeCounts'), ...countLines(state, watched)].join('\n');
  return {
    text: total === 0 ? '' : total > 999 ? '999+' : String(total),
    colour: BADGE_COLOURS.counts,
    title,
  };
}
