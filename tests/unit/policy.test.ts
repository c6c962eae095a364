/** The organisation's policy: read and checked, written over every change, locked in the settings. */
import { describe, expect, it } from 'vitest';
import { RepereDb } from '@/utils/db';
import type { ExtraPortals } from '@/utils/extra-portals';
import { createPageHandlers } from '@/utils/page-handlers';
import { lockedMailboxFields, lockedSettings, readPolicy } from '@/utils/policy';
import type { PollRunner } from '@/utils/poll-runner';
import { applyObservation } from '@/utils/portal-session';
import { Store } from '@/utils/store';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const POLICY = {
  portalOrigins: ['https://preprod.medimail.mipih.fr/*'],
  mailboxes: [{ address: CARDIO, colour: '#CC79A7', label: 'Cardio (CHU)' }],
  privacyMode: true,
  minPollIntervalMinutes: 5,
  settings: { notificationsEnabled: true },
  lockedSettings: ['quietHours' as const],
};

let n = 0;
function storeWith(policy: unknown) {
  n += 1;
  const store = new Store(new RepereDb(`policy-${n}-${Date.now()}`));
  const reading = readPolicy(policy);
  store.policy = reading.ok ? reading.policy : null;
  return store;
}

function handlers(store: Store) {
  const extraPortals: ExtraPortals = { status: async () => [], granted: () => [], sync: async () => {} };
  return createPageHandlers({
    store,
    runner: {} as PollRunner,
    now: () => 1_000,
    version: '0.1.0',
    language: () => 'fr',
    openMailbox: async () => {},
    changed: async () => {},
    policyState: () => ({ state: 'active', reason: null }),
    extraPortals,
  });
}

const sender = { id: 'x', url: 'chrome-extension://x/options.html' };

describe('policy', () => {
  it('reads no policy, a good one, and refuses a bad one as a whole with the reason', () => {
    expect(readPolicy({})).toEqual({ ok: true, policy: null });
    expect(readPolicy(undefined)).toEqual({ ok: true, policy: null });
    expect(readPolicy(POLICY)).toMatchObject({ ok: true, policy: { privacyMode: true, minPollIntervalMinutes: 5 } });
    const bad = readPolicy({ portalOrigins: ['http://nimporte-quoi'], minPollIntervalMinutes: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/portalOrigins/);
  });

  it('says which settings and mailbox fields are locked', () => {
    const reading = readPolicy(POLICY);
    const policy = reading.ok ? reading.policy : null;
    expect(lockedSettings(policy)).toEqual(['notificationsEnabled', 'privacyMode', 'quietHours']);
    expect(lockedMailboxFields(policy, CARDIO)).toEqual(['label', 'colour']);
    expect(lockedMailboxFields(policy, 'autre@chu.fr')).toEqual([]);
  });

  it('writes the managed values over every change, also on mailboxes learnt later', async () => {
    const store = storeWith(POLICY);
    await store.update((state) => {
      state.settings.privacyMode = false;
      state.settings.pollIntervalMinutes = 2;
      return { state, result: null };
    });
    await store.update((state) =>
      applyObservation(
        state,
        {
          observedAt: 1,
          discovered: null,
          reading: {
            kind: 'webmail',
            label: { text: 'Noémie Gallorini', address: null },
            chooserUrl: null,
            manageUrl: null,
            chooser: [{ address: CARDIO, name: 'Secrétariat de cardiologie', unread: 0, current: false }],
            accountTable: null,
            inboxUnread: null,
            inboxUrl: null,
            sendControls: 0,
            problems: [],
          },
        },
        1,
      ),
    );
    const state = await store.read();
    expect(state.settings).toMatchObject({ privacyMode: true, pollIntervalMinutes: 5, notificationsEnabled: true });
    expect(state.mailboxes.find((m) => m.address === CARDIO)).toMatchObject({
      colour: '#CC79A7',
      label: 'Cardio (CHU)',
    });
  });

  it('refuses, with a reason, a change to what the policy sets, and an interval under its minimum', async () => {
    const store = storeWith(POLICY);
    const page = handlers(store);
    await expect(page['page:update-settings']({ patch: { privacyMode: false } }, sender)).rejects.toThrow(
      /fixé par votre organisation/,
    );
    await expect(page['page:update-settings']({ patch: { pollIntervalMinutes: 3 } }, sender)).rejects.toThrow(
      /au moins 5 minutes/,
    );
    const view = await page['page:update-settings']({ patch: { pollIntervalMinutes: 10 } }, sender);
    expect(view.settings.pollIntervalMinutes).toBe(10);
    expect(view.locked).toEqual(['notificationsEnabled', 'privacyMode', 'quietHours']);
    expect(view.minPollIntervalMinutes).toBe(5);
  });
});
