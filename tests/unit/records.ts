/** Stored records for unit tests. */
import { newMailboxRecord } from '@/utils/portal-session';
import type { MailboxKind, MailboxRecord } from '@/utils/schemas';

export function mailboxRecord(
  address: string,
  kind: MailboxKind = 'organisational',
  extra: Partial<MailboxRecord> = {},
): MailboxRecord {
  return { ...newMailboxRecord(address, kind, { colour: '#0072B2', order: 0, firstSeenAt: 0 }), ...extra };
}
