/** Stored records for unit tests. */
import { newMailboxRecord } from '@/entrypoints/background/session/mailboxes';
import type { MailboxRecord, PortalStateRecord, SettingsRecord } from '@/entrypoints/background/storage/records';
import {
  DEFAULT_POLL_STATE,
  DEFAULT_PORTAL_STATE,
  DEFAULT_SETTINGS,
  type StoredState,
} from '@/entrypoints/background/storage/store';
import type { MailboxKind } from '@/utils/protocol/shapes';

export function mailboxRecord(
  address: string,
  kind: MailboxKind = 'organisational',
  extra: Partial<MailboxRecord> = {},
): MailboxRecord {
  return { ...newMailboxRecord(address, kind, { colour: '#0072B2', order: 0, firstSeenAt: 0 }), ...extra };
}

/** The chooser page a poll reads, once the portal is known. */
export const CHOOSER_URL = 'https://medimail.mipih.fr/?m=comptes';

/** A stored state of these mailboxes, every other record at its default but for what is given. */
export function storedState(
  mailboxes: MailboxRecord[],
  changes: { settings?: Partial<SettingsRecord>; portal?: Partial<PortalStateRecord> } = {},
): StoredState {
  return {
    settings: { ...structuredClone(DEFAULT_SETTINGS), ...changes.settings },
    portal: { ...structuredClone(DEFAULT_PORTAL_STATE), ...changes.portal },
    poll: structuredClone(DEFAULT_POLL_STATE),
    mailboxes,
  };
}
