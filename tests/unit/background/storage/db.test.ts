/** The database's upgrade path, from databases seeded as v1, v2, v3 and v4 wrote them. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readPolicy } from '@/entrypoints/background/policy/policy';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';

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

/** Settings as v2 stored them, each away from its default, with the old `privacyMode: true`. */
const V2_SETTINGS = {
  id: 'main',
  preferredMailbox: 'mss@esante-occitanie.fr',
  bannerCollapsed: true,
  profileOverride: null,
  pollIntervalMinutes: 7,
  notificationsEnabled: false,
  privacyMode: true,
  quietHours: { enabled: true, start: '19:00', end: '08:00' },
  pauseWhenIdle: true,
};

async function seedVersion2(name: string): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(1).stores({ mailboxes: '&address, order', settings: '&id', portal: '&id', quarantine: '++id, table' });
  v2.version(2).stores({ poll: '&id', notifications: '++id, at' });
  await v2.open();
  await v2.table('mailboxes').put({
    address: 'mss@esante-occitanie.fr',
    displayName: 'MSS eSanté Occitanie',
    kind: 'organisational',
    kindSource: 'inferred',
    colour: '#0072B2',
    label: 'MSS',
    watched: true,
    confirmBeforeSend: null,
    unread: 4,
    unreadAt: 1,
    notifiedUnread: 3,
    portalDefault: true,
    receptionNotice: true,
    order: 0,
    firstSeenAt: 1,
    lastSeenAt: 1,
  });
  await v2.table('settings').put(V2_SETTINGS);
  await v2.table('notifications').add({
    notificationId: 'repere-bal:mail:mss@esante-occitanie.fr',
    kind: 'new-mail',
    address: 'mss@esante-occitanie.fr',
    count: 3,
    title: '3 nouveaux messages — MSS',
    message: 'mss@esante-occitanie.fr — Cliquez pour ouvrir cette boîte aux lettres dans Medimail.',
    at: 1,
  });
  v2.close();
}

/** The portal record as v3 stored it: a frame of exact element paths, a last reading believing a lone menu. */
async function seedVersion3(name: string): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(1).stores({ mailboxes: '&address, order', settings: '&id', portal: '&id', quarantine: '++id, table' });
  v3.version(2).stores({ poll: '&id', notifications: '++id, at' });
  v3.version(3).stores({});
  await v3.open();
  await v3.table('portal').put({
    id: 'main',
    loginAddress: 'noemie.gallorini@esante-occitanie.fr',
    chooserUrl: 'https://medimail.mipih.fr/?m=comptes',
    frame: {
      switchEntry: 'body:1>div#bandeau>ul:1>li:1>a:1',
      label: 'body:1>div#bandeau>a#etiquette',
      inboxLink: null,
      chooserPanel: null,
      origin: 'https://medimail.mipih.fr',
      learntAt: 1,
    },
    lastReading: { kind: 'webmail', trust: 'single', label: null, problems: [] },
    lastReadingAt: 1,
  });
  v3.close();
}

/** A v4 database whose last poll was skipped while the workstation was idle, under its old name. */
async function seedVersion4(name: string): Promise<void> {
  const v4 = new Dexie(name);
  v4.version(4).stores({
    mailboxes: '&address, order',
    settings: '&id',
    portal: '&id',
    quarantine: '++id, table',
    poll: '&id',
    notifications: '++id, at',
  });
  await v4.open();
  await v4.table('poll').put({ id: 'main', status: 'paused', lastPollAt: 5, nextPollAt: 9, failures: 0 });
  v4.close();
}

describe('database upgrade', () => {
  it('opens a v4 database as v5: a poll skipped while idle keeps its state under its new name', async () => {
    const name = `upgrade-v4-${Date.now()}`;
    await seedVersion4(name);
    const db = new RepereDb(name);
    const { poll } = await new Store(db).read();
    expect(db.verno).toBe(5);
    expect(poll).toMatchObject({ status: 'skipped-while-idle', lastPollAt: 5, nextPollAt: 9 });
    expect(await db.quarantine.count()).toBe(0);
    db.close();
  });

  it('opens a v3 database as v5: the old frame and last reading go (learnt again), all else kept', async () => {
    const name = `upgrade-v3-${Date.now()}`;
    await seedVersion3(name);
    const db = new RepereDb(name);
    const { portal } = await new Store(db).read();
    expect(db.verno).toBe(5);
    expect(portal).toMatchObject({
      frame: null,
      lastReading: null,
      loginAddress: 'noemie.gallorini@esante-occitanie.fr',
      chooserUrl: 'https://medimail.mipih.fr/?m=comptes',
    });
    expect(await db.quarantine.count()).toBe(0);
    db.close();
  });

  it('opens a v1 database as v5, keeping everything and not announcing old mail as new', async () => {
    const name = `upgrade-${Date.now()}`;
    await seedVersion1(name);
    const db = new RepereDb(name);
    const state = await new Store(db).read();
    expect(db.verno).toBe(5);
    expect(state.mailboxes.map((m) => [m.address, m.unread, m.notifiedUnread, m.label])).toEqual([
      ['mss@esante-occitanie.fr', 7, 7, null],
      ['bloc.operatoire@esante-occitanie.fr', null, null, 'Bloc'],
    ]);
    // Settings written by v1 gain the new fields' defaults; nothing is quarantined.
    expect(state.settings).toMatchObject({ bannerCollapsed: true, pollIntervalMinutes: 2, privacyMode: false });
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.notifications.count()).toBe(0);
    db.close();
  });

  it('opens a v2 database as v5: discreet notifications off (the old setting did nothing), all else kept', async () => {
    const name = `upgrade-v2-${Date.now()}`;
    await seedVersion2(name);
    const db = new RepereDb(name);
    const state = await new Store(db).read();
    expect(db.verno).toBe(5);
    expect(state.settings).toEqual({ ...V2_SETTINGS, privacyMode: false });
    expect(state.mailboxes.map((m) => [m.address, m.label, m.unread, m.notifiedUnread])).toEqual([
      ['mss@esante-occitanie.fr', 'MSS', 4, 3],
    ]);
    expect(await db.notifications.count()).toBe(1);
    expect(await db.quarantine.count()).toBe(0);
    db.close();
  });

  it('keeps discreet notifications on after the upgrade when a policy imposes them', async () => {
    const name = `upgrade-v2-policy-${Date.now()}`;
    await seedVersion2(name);
    const policy = new PolicyInForce();
    const store = new Store(new RepereDb(name), Date.now, policy.enforce);
    const reading = readPolicy({ privacyMode: true });
    policy.current = reading.ok ? reading.policy : null;
    // The background's first change once the policy is read (entrypoints/background/policy/managed-storage.ts).
    const { state } = await store.update((current) => ({ state: current, result: null }));
    expect(state.settings).toEqual(V2_SETTINGS);
    store.db.close();
  });
});
