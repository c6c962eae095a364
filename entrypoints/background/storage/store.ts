/**
 * The background's validated access to the database. Everything is read and written
 * in one read-write transaction at a time, so concurrent writers (several tabs, the
 * popup, the poller) cannot lose each other's updates. A stored record that fails
 * its schema is moved to the quarantine table (with the reason) and defaults apply:
 * nothing is dropped silently, nothing crashes.
 */

import { log } from '@/utils/log';
import type { z } from '@/utils/protocol/zod';
import type { RepereDb } from './db';
import {
  type MailboxRecord,
  mailboxRecord,
  type NotificationLogRecord,
  notificationLogRecord,
  type PollStateRecord,
  type PortalStateRecord,
  pollStateRecord,
  portalStateRecord,
  type SettingsRecord,
  settingsRecord,
} from './records';

export interface StoredState {
  settings: SettingsRecord;
  portal: PortalStateRecord;
  poll: PollStateRecord;
  /** In discovery order. */
  mailboxes: MailboxRecord[];
}

export const DEFAULT_SETTINGS: SettingsRecord = settingsRecord.parse({ id: 'main' });
export const DEFAULT_PORTAL_STATE: PortalStateRecord = portalStateRecord.parse({ id: 'main' });
export const DEFAULT_POLL_STATE: PollStateRecord = pollStateRecord.parse({ id: 'main' });

/** The notification log keeps this many entries, the newest. */
export const NOTIFICATION_LOG_SIZE = 200;

/**
 * The quarantine keeps this many records, the newest: enough to diagnose and recover,
 * and a flood of broken records (a corrupt profile, a hostile page) cannot fill the disk.
 */
export const QUARANTINE_SIZE = 100;

/** What a change returns: the new state, its result, and notifications shown to log. */
export interface Change<T> {
  state: StoredState;
  result: T;
  logged?: Omit<NotificationLogRecord, 'id'>[];
}

/**
 * A step run over every change before it is validated and written: the organisation's
 * policy (entrypoints/background/policy/policy-in-force.ts), handed in by the wiring so
 * that storage does not depend on the policy. `before`: the state as loaded.
 */
export type PolicyStep = (state: StoredState, before: StoredState) => void;

/** A store without an organisation's policy (tests, and a browser without one until it is read). */
const NO_POLICY: PolicyStep = () => {};

/** Thrown by a read-only load that met a record to set aside. */
class NeedsQuarantine extends Error {}

type LoadMode = 'read-only' | 'read-write';

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
    private readonly enforcePolicy: PolicyStep = NO_POLICY,
  ) {}

  private async quarantine(table: string, record: unknown, reason: string): Promise<void> {
    log.warn(`enregistrement invalide mis de côté (${table}) :`, reason);
    await this.db.quarantine.add({ table, record, reason, at: this.clock() });
    const excess = (await this.db.quarantine.count()) - QUARANTINE_SIZE;
    if (excess > 0) await this.db.quarantine.toCollection().limit(excess).delete();
  }

  /** The one record of a single-record table, or `fallback` (the broken one quarantined). */
  private async loadSingle<T>(mode: LoadMode, table: SingleRecordTable, schema: z.ZodType<T>, fallback: T): Promise<T> {
    const raw = await table.get('main');
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    // A read-only pass cannot set it aside: it asks for a read-write one.
    if (mode === 'read-only') throw new NeedsQuarantine();
    await this.quarantine(table.name, raw, reasonOf(parsed.error));
    await table.delete('main');
    return fallback;
  }

  /** Loads everything, quarantining what fails its schema. Must run inside a transaction. */
  private async load(mode: LoadMode): Promise<StoredState> {
    const settings = await this.loadSingle(mode, this.db.settings, settingsRecord, DEFAULT_SETTINGS);
    const portal = await this.loadSingle(mode, this.db.portal, portalStateRecord, DEFAULT_PORTAL_STATE);
    const poll = await this.loadSingle(mode, this.db.poll, pollStateRecord, DEFAULT_POLL_STATE);
    const mailboxes: MailboxRecord[] = [];
    for (const raw of await this.db.mailboxes.toArray()) {
      const parsed = mailboxRecord.safeParse(raw);
      if (parsed.success) mailboxes.push(parsed.data);
      else {
        if (mode === 'read-only') throw new NeedsQuarantine();
        await this.quarantine('mailboxes', raw, reasonOf(parsed.error));
        const key = (raw as { address?: unknown }).address;
        if (typeof key === 'string') await this.db.mailboxes.delete(key);
      }
    }
    mailboxes.sort((a, b) => a.order - b.order || a.address.localeCompare(b.address));
    return { settings, portal, poll, mailboxes };
  }

  private get tables() {
    const { settings, portal, poll, mailboxes, quarantine, notifications } = this.db;
    return [settings, portal, poll, mailboxes, quarantine, notifications];
  }

  async read(): Promise<StoredState> {
    // Read-only first (readers do not wait for each other); a broken record found on
    // the way takes a read-write pass, which sets it aside.
    try {
      return await this.db.transaction('r', this.tables, () => this.load('read-only'));
    } catch (error) {
      if (!(error instanceof NeedsQuarantine)) throw error;
      return this.db.transaction('rw', this.tables, () => this.load('read-write'));
    }
  }

  /**
   * The settings and what is known of the portal, without the mailboxes: what every
   * portal page asks for first (its profile and frame), while the portal loads.
   */
  async settingsAndPortal(): Promise<Pick<StoredState, 'settings' | 'portal'>> {
    try {
      return await this.db.transaction('r', this.db.settings, this.db.portal, async () => ({
        settings: await this.loadSingle('read-only', this.db.settings, settingsRecord, DEFAULT_SETTINGS),
        portal: await this.loadSingle('read-only', this.db.portal, portalStateRecord, DEFAULT_PORTAL_STATE),
      }));
    } catch (error) {
      if (!(error instanceof NeedsQuarantine)) throw error;
      const { settings, portal } = await this.read();
      return { settings, portal };
    }
  }

  /**
   * Runs `change` on the current state and writes what it returns, all in one
   * transaction. Every record is validated before it is written; one that fails
   * aborts the whole change (nothing is written) and the error is thrown. Whatever the
   * change did, the settings the policy freezes keep their value and the ones it imposes
   * are written: every path to a setting goes through here, so none can pass the lock.
   */
  async update<T>(change: (state: StoredState) => Change<T>): Promise<{ state: StoredState; result: T }> {
    return this.db.transaction('rw', this.tables, async () => {
      const before = await this.load('read-write');
      const { state, result, logged = [] } = change(structuredClone(before));
      this.enforcePolicy(state, before);
      const settings = settingsRecord.parse(state.settings);
      const portal = portalStateRecord.parse(state.portal);
      const poll = pollStateRecord.parse(state.poll);
      const mailboxes = state.mailboxes.map((m) => mailboxRecord.parse(m));
      const entries = logged.map((entry) => notificationLogRecord.parse(entry));
      // Only what changed is written: most page views change the portal state alone.
      const unchanged = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      if (!unchanged(before.settings, settings)) await this.db.settings.put(settings);
      if (!unchanged(before.portal, portal)) await this.db.portal.put(portal);
      if (!unchanged(before.poll, poll)) await this.db.poll.put(poll);
      const previous = new Map(before.mailboxes.map((m) => [m.address, JSON.stringify(m)]));
      const changed = mailboxes.filter((m) => previous.get(m.address) !== JSON.stringify(m));
      if (changed.length) await this.db.mailboxes.bulkPut(changed);
      const kept = new Set(mailboxes.map((m) => m.address));
      const removed = before.mailboxes.filter((m) => !kept.has(m.address)).map((m) => m.address);
      if (removed.length) await this.db.mailboxes.bulkDelete(removed);
      if (entries.length) {
        await this.db.notifications.bulkAdd(entries);
        const excess = (await this.db.notifications.count()) - NOTIFICATION_LOG_SIZE;
        if (excess > 0) await this.db.notifications.orderBy('at').limit(excess).delete();
      }
      return { state: { settings, portal, poll, mailboxes }, result };
    });
  }

  /** The notifications shown, newest first; an entry that fails its schema is set aside. */
  async notificationLog(limit = NOTIFICATION_LOG_SIZE): Promise<NotificationLogRecord[]> {
    const entries: NotificationLogRecord[] = [];
    const broken: { raw: { id?: unknown }; reason: string }[] = [];
    for (const raw of await this.db.notifications.toArray()) {
      const parsed = notificationLogRecord.safeParse(raw);
      if (parsed.success) entries.push(parsed.data);
      else broken.push({ raw, reason: reasonOf(parsed.error) });
    }
    // Reading needs no write; only a broken entry, rare, takes a write to set it aside.
    if (broken.length) {
      await this.db.transaction('rw', this.db.notifications, this.db.quarantine, async () => {
        for (const { raw, reason } of broken) {
          await this.quarantine('notifications', raw, reason);
          if (typeof raw.id === 'number') await this.db.notifications.delete(raw.id);
        }
      });
    }
    return entries.sort((a, b) => b.at - a.at).slice(0, limit);
  }
}
