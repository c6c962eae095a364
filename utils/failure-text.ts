/**
 * Failure codes (utils/protocol/codes.ts) worded in the reader's language, where they
 * are shown: the popup's status line, the options page, the badge's tooltip, the banner.
 * Type-only imports of the codes: every context loads this, the content script too.
 */
import { type MessageKey, t } from './i18n';
import type { CheckError, CheckNote, Failure } from './protocol/codes';

const CHECK_ERROR_TEXT: Record<Exclude<CheckError['code'], 'http'>, MessageKey> = {
  'off-portal': 'checkErrorOffPortal',
  'too-large': 'checkErrorTooLarge',
  timeout: 'checkErrorTimeout',
  network: 'checkErrorNetwork',
  'unrecognised-page': 'checkErrorUnrecognisedPage',
  'no-chooser': 'checkErrorNoChooser',
  'read-timeout': 'checkErrorReadTimeout',
  unreadable: 'checkErrorUnreadable',
  'too-long': 'checkErrorTooLong',
  'inbox-no-mailbox': 'checkErrorInboxNoMailbox',
  'inbox-no-count': 'checkErrorInboxNoCount',
};

/** Why a check failed, in a few words. */
export function checkErrorText(error: CheckError): string {
  return error.code === 'http' ? t('checkErrorHttp', error.status) : t(CHECK_ERROR_TEXT[error.code]);
}

/** What the diagnostics' history says of one check. */
export function checkNoteText(note: CheckNote): string {
  if (note.code === 'mailboxes') return t('checkNoteMailboxes', note.count);
  if (note.code === 'mailboxes-uncounted') return t('checkNoteMailboxesUncounted', note.count);
  if (note.code === 'inbox') return t('checkNoteInbox', note.unread);
  if (note.code === 'login-page') return t('checkNoteLoginPage');
  return checkErrorText(note);
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
