/** Stored records for unit tests. */
import { newMailboxRecord } from '@/entrypoints/background/session/mailboxes';
import type { MailboxRecord } from '@/entrypoints/background/storage/records';
import type { MailboxKind } from '@/utils/protocol/shapes';

export function mailboxRecord(
  address: string,
  kind: MailboxKind = 'organisational',
  extra: Partial<MailboxRecord> = {},
): MailboxRecord {
  return { ...newMailboxRecord(address, kind, { colour: '#0072B2', order: 0, firstSeenAt: 0 }), ...extra };
}
