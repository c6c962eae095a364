/** Stored records for unit tests. */
import type { MailboxKind, MailboxRecord } from '@/utils/schemas';

export function mailboxRecord(
  address: string,
  kind: MailboxKind = 'organisational',
  extra: Partial<MailboxRecord> = {},
): MailboxRecord {
  return {
    address,
    displayName: null,
    kind,
    kindSource: 'inferred',
    colour: '#0072B2',
    label: null,
    watched: kind === 'organisational',
    confirmBeforeSend: null,
    unread: null,
    unreadAt: null,
    notifiedUnread: null,
    portalDefault: null,
    receptionNotice: null,
    order: 0,
    firstSeenAt: 0,
    lastSeenAt: 0,
    ...extra,
  };
}
