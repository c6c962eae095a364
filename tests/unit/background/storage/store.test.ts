import { describe, expect, it } from 'vitest';
import { readPolicy } from '@/entrypoints/background/policy/policy';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import { RepereDb } from '@/entrypoints/background/storage/db';
import type { MailboxRecord } from '@/entrypoints/background/storage/records';
import {
  DEFAULT_POLL_STATE,
  DEFAULT_PORTAL_STATE,
  DEFAULT_SETTINGS,
  NOTIFICATION_LOG_SIZE,
  type PolicyStep,
  Store,
} from '@/entrypoints/background/storage/store';
import { mailboxRecord } from '../records';

let counter = 0;
function freshStore(enforcePolicy?: PolicyStep): Store {
  counter += 1;
  return new Store(new RepereDb(`test-store-${counter}-${Date.now()}`), () => 1_000, enforcePolicy);
}

const mailbox = (address: string, order: number): MailboxRecord =>
  mailboxRecord(address, 'organisational', { order, firstSeenAt: 1, lastSeenAt: 1 });

describe('store', () => {
  it('starts from defaults', async () => {
    const state = await freshStore().read();
    expect(state).toEqual({
      settings: DEFAULT_SETTINGS,
      portal: DEFAULT_PORTAL_STATE,
      poll: DEFAULT_POLL_STATE,
      mailboxes: [],
    });
  });

  it('writes validated records and reads them back in discovery order', async () => {
    const store = freshStore();
    await store.update((state) => {
      state.mailboxes.push(mailbox('b@x.fr', 1), mailbox('a@x.fr', 0));
      state.settings.bannerCollapsed = true;
      return { state, result: null };
    });
    const state = await store.read();
    expect(state.mailboxes.map((m) => m.address)).toEqual(['a@x.fr', 'b@x.fr']);
    expect(state.settings.bannerCollapsed).toBe(true);
  });

  it('loses no update when many writers run at once', async () => {
    const store = freshStore();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.update((state) => {
          state.portal.loginSeq += 1;
          state.mailboxes.push(mailbox(`m${i}@x.fr`, i));
          return { state, result: null };
        }),
      ),
    );
    const state = await store.read();
    expect(state.portal.loginSeq).toBe(25);
    expect(state.mailboxes).toHaveLength(25);
  });

  it('writes nothing when a change breaks a schema', async () => {
    const store = freshStore();
    await expect(
      store.update((state) => {
        state.portal.loginSeq = 5;
        state.mailboxes.push({ ...mailbox('pas une adresse', 0) });
        return { state, result: null };
      }),
    ).rejects.toThrow();
    const state = await store.read();
    expect(state.portal.loginSeq).toBe(0);
    expect(state.mailboxes).toEqual([]);
  });

  it('quarantines a corrupt record, keeps the others, and applies defaults', async () => {
    const store = freshStore();
    await store.update((state) => {
      state.mailboxes.push(mailbox('ok@x.fr', 0));
      return { state, result: null };
    });
    await store.db.mailboxes.put({ address: 'broken@x.fr', kind: 'martian' } as unknown as MailboxRecord);
    await store.db.settings.put({ id: 'main', bannerCollapsed: 'sometimes' } as never);
    const state = await store.read();
    expect(state.mailboxes.map((m) => m.address)).toEqual(['ok@x.fr']);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    const quarantined = await store.db.quarantine.toArray();
    expect(quarantined.map((q) => q.table).sort()).toEqual(['mailboxes', 'settings']);
    expect(quarantined.find((q) => q.table === 'mailboxes')?.record).toMatchObject({ address: 'broken@x.fr' });
    expect(quarantined.find((q) => q.table === 'settings')?.reason).toMatch(/bannerCollapsed/);
  });

  it('writes only the records a change touched', async () => {
    const store = freshStore();
    await store.update((state) => {
      state.settings.bannerCollapsed = true;
      return { state, result: null };
    });
    const written: string[] = [];
    for (const table of [store.db.settings, store.db.portal, store.db.poll]) {
      table.hook('creating', () => void written.push(table.name));
      table.hook('updating', () => void written.push(table.name));
    }
    await store.update((state) => {
      state.portal.loginSeq += 1;
      return { state, result: null };
    });
    expect(written).toEqual(['portal']);
    expect((await store.read()).settings.bannerCollapsed).toBe(true);
  });

  it('reads the settings and portal records alone, and sets a broken settings record aside on the way', async () => {
    const store = freshStore();
    const settingsOf = async () => (await store.settingsAndPortal()).settings;
    expect(await settingsOf()).toEqual(DEFAULT_SETTINGS);
    await store.update((state) => {
      state.settings.bannerCollapsed = true;
      return { state, result: null };
    });
    expect((await settingsOf()).bannerCollapsed).toBe(true);
    await store.db.settings.put({ id: 'main', bannerCollapsed: 'sometimes' } as never);
    expect(await settingsOf()).toEqual(DEFAULT_SETTINGS);
    expect((await store.db.quarantine.toArray()).map((q) => q.table)).toEqual(['settings']);
  });

  it('keeps a bounded log of the notifications shown, newest first', async () => {
    const store = freshStore();
    const entry = (i: number) => ({
      notificationId: `mail:m${i}@x.fr`,
      kind: 'new-mail' as const,
      address: `m${i}@x.fr`,
      count: 1,
      title: 'Nouveau message',
      message: `Service ${i}`,
      at: i,
      sound: false,
    });
    for (let batch = 0; batch < 3; batch += 1) {
      await store.update((state) => ({
        state,
        result: null,
        logged: Array.from({ length: 90 }, (_, i) => entry(batch * 90 + i)),
      }));
    }
    const log = await store.notificationLog();
    expect(log).toHaveLength(NOTIFICATION_LOG_SIZE);
    expect(log[0]?.at).toBe(269);
    expect(log.at(-1)?.at).toBe(70);
  });

  it('fills fields added later with their defaults', async () => {
    const store = freshStore();
    await store.db.settings.put({ id: 'main' } as never);
    expect((await store.read()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a checks record of the older shape (errors as sentences): its counts stay, its sentences go', async () => {
    const store = freshStore();
    const history = [{ at: 5, outcome: 'error', detail: 'HTTP 500' }];
    await store.db.poll.put({ id: 'main', status: 'error', failures: 2, lastError: 'réseau', history } as never);
    const { poll } = await store.read();
    expect(poll).toMatchObject({ status: 'error', failures: 2, lastError: null, history: [] });
    expect(await store.db.quarantine.count()).toBe(0);
  });

  it('keeps the settings a policy freezes whatever a change does, and writes the ones it imposes', async () => {
    const policy = new PolicyInForce();
    const store = freshStore(policy.enforce);
    await store.update((state) => {
      state.settings.pauseWhenIdle = true;
      state.settings.pollIntervalMinutes = 2;
      return { state, result: null };
    });
    const reading = readPolicy({
      lockedSettings: ['pauseWhenIdle', 'pollIntervalMinutes', 'bannerCollapsed'],
      settings: { bannerCollapsed: true },
      minPollIntervalMinutes: 5,
    });
    policy.current = reading.ok ? reading.policy : null;
    await store.update((state) => {
      state.settings.pauseWhenIdle = false;
      state.settings.pollIntervalMinutes = 30;
      state.settings.bannerCollapsed = false;
      state.settings.notificationsEnabled = false;
      return { state, result: null };
    });
    // Frozen kept (the interval raised to the policy's minimum), imposed written, the rest changed.
    expect((await store.read()).settings).toMatchObject({
      pauseWhenIdle: true,
      pollIntervalMinutes: 5,
      bannerCollapsed: true,
      notificationsEnabled: false,
    });
  });
});
