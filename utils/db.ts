/**
 * The extension's one database (IndexedDB through Dexie, in the extension's origin).
 * Only the background writes to it (utils/store.ts). Each schema change is a new
 * version here, with an upgrade() when existing records need to change; the upgrade
 * path is tested from the first version (tests/unit/db.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { MailboxRecord, PortalStateRecord, SettingsRecord } from './schemas';

export interface QuarantinedRecord {
  id?: number;
  table: string;
  /** The record as it was found, kept for diagnostics and recovery. */
  record: unknown;
  reason: string;
  at: number;
}

export const DATABASE_NAME = 'repere-bal';

export class RepereDb extends Dexie {
  mailboxes!: EntityTable<MailboxRecord, 'address'>;
  settings!: EntityTable<SettingsRecord, 'id'>;
  portal!: EntityTable<PortalStateRecord, 'id'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // v1: mailboxes learnt from the portal, one settings record, what is known of the portal session.
    this.version(1).stores({
      mailboxes: '&address, order',
      settings: '&id',
      portal: '&id',
      quarantine: '++id, table',
    });
  }
}
