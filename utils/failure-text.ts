/**
 * Failure codes (utils/protocol/codes.ts) worded in the reader's language, where they
 * are shown: the popup's status line, the options page, the badge's tooltip, the banner.
 * Type-only imports of the codes: every context loads this, the content script too.
 */
import { type MessageKey, t } from './i18n';
import type { Failure, PollError, PollNote } from './protocol/codes';

const CHECK_ERROR_TEXT: Record<Exclude<PollError['code'], 'http'>, MessageKey> = {
  'off-portal': 'pollErrorOffPortal',
  'too-large': 'pollErrorTooLarge',
  timeout: 'pollErrorTimeout',
  network: 'pollErrorNetwork',
  'unrecognised-page': 'pollErrorUnrecognisedPage',
  'no-chooser': 'pollErrorNoChooser',
  'read-timeout': 'pollErrorReadTimeout',
  unreadable: 'pollErrorUnreadable',
  'too-long': 'pollErrorTooLong',
  'inbox-no-mailbox': 'pollErrorInboxNoMailbox',
  'inbox-no-count': 'pollErrorInboxNoCount',
};

/** Why a poll failed, in a few words. */
export function pollErrorText(error: PollError): string {
  return error.code === 'http' ? t('pollErrorHttp', error.status) : t(CHECK_ERROR_TEXT[error.code]);
}

/** What the diagnostics' history says of one poll. */
export function pollNoteText(note: PollNote): string {
  if (note.code === 'mailboxes') return t('pollNoteMailboxes', note.count);
  if (note.code === 'mailboxes-uncounted') return t('pollNoteMailboxesUncounted', note.count);
  if (note.code === 'inbox') return t('pollNoteInbox', note.unread);
  if (note.code === 'login-page') return t('pollNoteLoginPage');
  return pollErrorText(note);
}

/** Why a message to the background got no answer, as a sentence. */
export function failureText(failure: Failure): string {
  switch (failure.code) {
    case 'no-answer':
      return t('errorBackground');
    case 'refused':
      return t('errorRefused');
    case 'failed':
      return t('errorFailed');
    case 'locked':
      return t('errorLocked', failure.fields.join(', '));
    case 'min-interval':
      return t('errorMinInterval', failure.minutes);
    case 'unknown-mailbox':
      return t('errorUnknownMailbox', failure.address);
    case 'weakening-unconfirmed':
      return t('errorWeakeningUnconfirmed');
  }
}
