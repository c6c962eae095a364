/**
 * The toolbar badge: the unread total of the watched service mailboxes, or a distinct
 * look when the session has expired (« ! » on red) or the checks fail (« ? » on grey);
 * the tooltip lists each watched mailbox and its count, or, with `privacyMode`
 * (« notifications discrètes »), gives the total alone: a service's name may be
 * sensitive on a screen patients can see.
 */
import { checkErrorText } from '../../../utils/failure-text';
import { t } from '../../../utils/i18n';
import { displayName, watchedMailboxes } from '../session/mailboxes';
import type { StoredState } from '../storage/store';

export interface Badge {
  text: string;
  colour: string;
  title: string;
}

export const BADGE_COLOURS = {
  counts: '#0B3D91',
  expired: '#B00020',
  error: '#595959',
} as const;

export function badgeFor(state: StoredState): Badge {
  const { poll, portal } = state;
  if (poll.status === 'expired') return { text: '!', colour: BADGE_COLOURS.expired, title: t('badgeExpired') };
  if (poll.status === 'error') {
    const detail = poll.lastError ? checkErrorText(poll.lastError) : '?';
    return { text: '?', colour: BADGE_COLOURS.error, title: t('badgeError', detail) };
  }
  // The watched mailboxes of the person logged in, the services only.
  const watched = watchedMailboxes(state).filter((m) => m.kind !== 'personal');
  if (watched.length === 0 && !portal.pollUrl)
    return { text: '', colour: BADGE_COLOURS.counts, title: t('badgeNoSession') };
  const total = watched.reduce((sum, m) => sum + (m.unread ?? 0), 0);
  const title = state.settings.privacyMode
    ? t('badgeDiscreetCounts', total)
    : [t('badgeCounts'), ...watched.map((m) => `${displayName(m)} : ${m.unread ?? '?'}`)].join('\n');
  return {
    text: total === 0 ? '' : total > 999 ? '999+' : String(total),
    colour: BADGE_COLOURS.counts,
    title,
  };
}
