/**
 * The background's validated access to the database. Everything is read and written
 * in one read-write transaction at a time, so concurrent writers (several tabs, the
 * popup, the poller) cannot lose each other's updates. A stored record that fails
 * its schema is moved to the quarantine table (with the reason) and defaults apply:
 * nothing is dropped silently, nothing crashes.
 */
import type { z } from 'zod';
import type { RepereDb } from './db';
import { log } from './log';
import {
  type MailboxRecord,
  mailboxRecord,
  type PortalStateRecord,
  portalStateRecord,
  type SettingsRecord,
  settingsRecord,
} from './schemas';

export interface StoredState {
  settings: SettingsRecord;
  portal: PortalStateRecord;
  /** In discovery order. */
  mailboxes: MailboxRecord[];
}

export const DEFAULT_SETTINGS: SettingsRecord = settingsRecord.parse({ id: 'main' });
export const DEFAULT_PORTAL_STATE: PortalStateRecord = portalStateRecord.parse({ id: 'main' });

/** What loading a single-record table needs of it. */
interface SingleRecordTable {
  name: string;
  get(key: 'main'): Promise<unknown>;
  delete(key: 'main'): Promise<void>;
}

function reasonOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`).join(' ; ');
}

export class Store {
  constructor(
    readonly db: RepereDb,
    private readonly clock: () => number = Date.now,
  ) {}

  private async quarantine(table: string, record: unknown, reason: string): Promise<void> {
    log.warn(`enregistrement invalide mis de côté (${table}) :`, reason);
    await this.db.quarantine.add({ table, record, reason, at: this.clock() });
  }

  /** The one record of a single-record table, or `fallback` (the broken one quarantined). */
  private async loadSingle<T>(table: SingleRecordTable, schema: z.ZodType<T>, fallback: T): Promise<T> {
    const raw = await table.get('main');
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    await this.quarantine(table.name, raw, reasonOf(parsed.error));
    await table.delete('main');
    return fallback;
  }

  /** Loads everything, quarantining what fails its schema. Must run inside a transaction. */
  private async load(): Promise<StoredState> {
    const settings = await this.loadSingle(this.db.settings, settingsRecord, DEFAULT_SETTINGS);
    const portal = await this.loadSingle(this.db.portal, portalStateRecord, DEFAULT_PORTAL_STATE);
    const mailboxes: MailboxRecord[] = [];
    for (const raw of await this.db.mailboxes.toArray()) {
      const parsed = mailboxRecord.safeParse(raw);
      if (parsed.success) mailboxes.push(parsed.data);
      else {
        await this.quarantine('mailboxes', raw, reasonOf(parsed.error));
        const key = (raw as { address?: unknown }).address;
        if (typeof key === 'string') await this.db.mailboxes.delete(key);
      }
    }
    mailboxes.sort((a, b) => a.order - b.order || a.address.localeCompare(b.address));
    return { settings, portal, mailboxes };
  }

  async read(): Promise<StoredState> {
    // Read-write: reading may quarantine a broken record.
    return this.db.transaction('rw', this.db.settings, this.db.portal, this.db.mailboxes, this.db.quarantine, () =>
      this.load(),
    );
  }

  /**
   * Runs `change` on the current state and writes what it returns, all in one
   * transaction. Every record is validated before it is written; one that fails
   * aborts the whole change (nothing is written) and the error is thrown.
   */
  async update<T>(
    change: (state: StoredState) => { state: StoredState; result: T },
  ): Promise<{ state: StoredState; result: T }> {
    return this.db.transaction(
      'rw',
      this.db.settings,
      this.db.portal,
      this.db.mailboxes,
      this.db.quarantine,
      async () => {
        const before = await this.load();
        const { state, result } = change(structuredClone(before));
        const settings = settingsRecord.parse(state.settings);
        const portal = portalStateRecord.parse(state.portal);
        const mailboxes = state.mailboxes.map((m) => mailboxRecord.parse(m));
        await this.db.settings.put(settings);
        await this.db.portal.put(portal);
        const previous = new Map(before.mailboxes.map((m) => [m.address, JSON.stringify(m)]));
        const changed = mailboxes.filter((m) => previous.get(m.address) !== JSON.stringify(m));
        if (changed.length) await this.db.mailboxes.bulkPut(changed);
        const kept = new Set(mailboxes.map((m) => m.address));
        const removed = before.mailboxes.filter((m) => !kept.has(m.address)).map((m) => m.address);
        if (removed.length) await this.db.mailboxes.bulkDelete(removed);
        return { state: { settings, portal, mailboxes }, result };
      },
    );
  }
}
