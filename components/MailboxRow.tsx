/**
 * The popup's list of mailboxes, one row each: a button that opens the mailbox on the
 * portal, with its colour, name, address and kind, the mark of the mailbox open on the
 * portal now (`data-active`), its unread count (`data-unread`), and, for a watched
 * mailbox whose count the portal gives to no poll, a plain note that its mail is seen
 * only once it is opened (`data-unwatchable`; docs/portal-contract.md, point 3). The
 * notes are inside the button: a screen reader says them with the mailbox's name.
 */
import { t } from '@/utils/i18n';
import type { Overview } from '@/utils/protocol/client';

type Mailbox = Overview['mailboxes'][number];

function kindText(kind: Mailbox['kind']): string {
  return kind === 'personal'
    ? t('kindPersonal')
    : kind === 'organisational'
      ? t('kindOrganisational')
      : t('kindUnknown');
}

function MailboxRow({ mailbox, onOpen }: { mailbox: Mailbox; onOpen(address: string): void }) {
  return (
    <li data-mailbox={mailbox.address} data-active={mailbox.active ? '' : undefined}>
      <button type="button" class="mailbox" onClick={() => onOpen(mailbox.address)}>
        <span class="swatch" style={{ background: mailbox.colour }} aria-hidden="true" />
        <span class="names">
          <bdi class="name">{mailbox.name}</bdi>
          <span class="address">{mailbox.address}</span>
          <span class="kind">{kindText(mailbox.kind)}</span>
          {mailbox.active && (
            <span class="active-mark">
              <span aria-hidden="true">● </span>
              {t('popupActiveMailbox')}
            </span>
          )}
          {mailbox.unwatchable && (
            <span class="hint" data-unwatchable="">
              {t('popupUnwatchable')}
            </span>
          )}
        </span>
        <span class="unread" data-unread={mailbox.unread ?? 0}>
          {mailbox.unread ?? '–'}
          <span class="visually-hidden"> {t('unreadCount', '').trim()}</span>
        </span>
      </button>
    </li>
  );
}

export function MailboxList({ mailboxes, onOpen }: { mailboxes: Mailbox[]; onOpen(address: string): void }) {
  return (
    <ul class="mailboxes">
      {mailboxes.map((mailbox) => (
        <MailboxRow key={mailbox.address} mailbox={mailbox} onOpen={onOpen} />
      ))}
    </ul>
  );
}
