/** The database's upgrade path, from a first-version database seeded as v1 wrote it. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RepereDb } from '@/utils/db';
import { Store } from '@/utils/store';

async function seedVersion1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({ mailboxes: '&address, order', settings: '&id', portal: '&id', quarantine: '++id, table' });
  await v1.open();
  await v1.table('mailboxes').bulkPut([
    {
      address: 'mss@esante-occitanie.fr',
      displayName: 'MSS eSanté Occitanie',
      kind: 'organisational',
      kindSource: 'inferred',
      colour: '#0072B2',
      label: null,
      watched: true,
      confirmBeforeSend: null,
      unread: 7,
      unreadAt: 1,
      portalDefault: true,
      receptionNotice: true,
      order: 0,
      firstSeenAt: 1,
      lastSeenAt: 1,
    },
    {
      address: 'bloc.operatoire@esante-occitanie.fr',
      displayName: 'Bloc opératoire',
      kind: 'organisational',
      kindSource: 'user',
      colour: '#D55E00',
      label: 'Bloc',
      watched: false,
      confirmBeforeSend: false,
      unread: null,
      unreadAt: null,
      portalDefault: false,
      receptionNotice: null,
      order: 1,
      firstSeenAt: 1,
      lastSeenAt: 1,
    },
  ]);
  await v1.table('settings').put({ id: 'main', preferredMailbox: null, bannerCollapsed: true, profileOverride: null });
  v1.close();
}

describe('database upgrade', () => {
  it('opens a v1 database as v2, keeping everything and not announcing old mail as new', async () => {
    const name = `upgrade-${Date.now()}`;
    await seedVersion1(name);
    const db = new RepereDb(name);
    const state = await new Store(db).read();
    expect(db.verno).toBe(2);
    expect(state.mailboxes.map((m) => [m.address, m.unread, m.notifiedUnread, m.label])).toEqual([
      ['mss@esante-occitanie.fr', 7, 7, null],
      ['bloc.operatoire@esante-occitanie.fr', null, null, 'Bloc'],
    ]);
    // Settings written by v1 gain the new fields' defaults; nothing is quarantined.
    expect(state.settings).toMatchObject({ bannerCollapsed: true, pollIntervalMinutes: 2, privacyMode: true });
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.notifications.count()).toBe(0);
    db.close();
  });
});
