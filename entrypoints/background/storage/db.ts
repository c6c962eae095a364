/**
 * The extension's one database (IndexedDB through Dexie, in the extension's origin).
 * Only the background writes to it (entrypoints/background/storage/store.ts). Each schema change is a new
 * version here, with an upgrade() when existing records need to change; the upgrade
 * path is tested from the first version (tests/unit/background/storage/db.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  MailboxRecord,
  NotificationLogRecord,
  PollStateRecord,
  PortalStateRecord,
  SettingsRecord,
} from './records';

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
  poll!: EntityTable<PollStateRecord, 'id'>;
  notifications!: EntityTable<NotificationLogRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // v1: mailboxes learnt from the portal, one settings record, what is known of the portal session.
    this.version(1).stores({
      mailboxes: '&address, order',
      settings: '&id',
      portal: '&id',
      quarantine: '++id, table',
    });
    // v2: the poller's state and the log of notifications shown. Mailboxes get the count
    // already told to the user: the unread mail known before the upgrade is not news.
    this.version(2)
      .stores({
        poll: '&id',
        notifications: '++id, at',
      })
      .upgrade(async (tx) => {
        await tx
          .table('mailboxes')
          .toCollection()
          .modify((mailbox: { unread?: unknown; notifiedUnread?: unknown }) => {
            if (mailbox.notifiedUnread === undefined) {
              mailbox.notifiedUnread = typeof mailbox.unread === 'number' ? mailbox.unread : null;
            }
          });
      });
    // v3: `privacyMode` now makes notifications discreet (no mailbox named). It used to
    // change nothing and was on by default, so a stored `true` is no one's choice: it is
    // reset to the new default (off). A policy that imposes it still writes it back.
    this.version(3).upgrade(async (tx) => {
      await tx
        .table('settings')
        .toCollection()
        .modify((settings: { privacyMode?: unknown }) => {
          if (settings.privacyMode !== undefined) settings.privacyMode = false;
        });
    });
    // v4: the frame is a tree of routes from the fork, no longer exact element paths, and
    // readings no longer believe a lone menu (`single`): the old frame and the last reading
    // go, and the frame is learnt again on the menu's own pages.
    this.version(4).upgrade(async (tx) => {
      await tx
        .table('portal')
        .toCollection()
        .modify((portal: { frame?: unknown; lastReading?: unknown }) => {
          portal.frame = null;
          portal.lastReading = null;
        });
    });
    // v5: the poll skipped while the workstation is idle is `skipped-while-idle`, no longer
    // `paused`, a word that belongs to the pause of announcements.
    this.version(5).upgrade(async (tx) => {
      await tx
        .table('poll')
        .toCollection()
        .modify((poll: { status?: unknown }) => {
          if (poll.status === 'paused') poll.status = 'skipped-while-idle';
        });
    });
  }
}
