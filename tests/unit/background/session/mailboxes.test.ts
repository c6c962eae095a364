/** The mailbox records: learnt from choosers, the login's accounts only, the bounds; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import {
  addMailbox,
  confirmsBeforeSend,
  MAX_KNOWN_MAILBOXES,
  watchedMailboxes,
} from '@/entrypoints/background/session/mailboxes';
import { DEFAULT_POLL_STATE, DEFAULT_PORTAL_STATE, DEFAULT_SETTINGS } from '@/entrypoints/background/storage/store';
import { PERSONAL_COLOUR, SERVICE_PALETTE } from '@/utils/colours';
import { mailboxRecord } from '../records';
import { CARDIO, CHOOSER, harness, MSS, NOEMIE, reading } from './harness';

describe('mailboxes', () => {
  it('learns the mailboxes from the chooser, with stable colours, and shows the active one', async () => {
    const h = harness();
    const { view } = await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    expect(view.active).toMatchObject({
      kind: 'personal',
      address: NOEMIE,
      name: 'Noémie Gallorini',
      colour: PERSONAL_COLOUR,
    });
    expect(view.active.confirmBeforeSend).toBe(false);
    expect(view.others.map((o) => [o.address, o.unread, o.colour])).toEqual([
      [MSS, 2, SERVICE_PALETTE[0]],
      [CARDIO, 0, SERVICE_PALETTE[1]],
    ]);
    const state = await h.store.read();
    expect(state.mailboxes.find((m) => m.address === MSS)).toMatchObject({ kind: 'organisational', watched: true });
  });

  it('lists only the accounts of the person logged in (a shared workstation)', async () => {
    const h = harness();
    await h.login(NOEMIE);
    await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    await h.login('julien.martin@esante-occitanie.fr');
    const before = await h.see({ reading: reading('Julien Martin') });
    expect(before.view.others).toEqual([]);
    const after = await h.see({
      reading: reading('Julien Martin', {
        chooser: [
          { address: 'julien.martin@esante-occitanie.fr', name: 'Julien Martin', unread: 0, current: true },
          { address: CARDIO, name: 'Secrétariat de cardiologie', unread: 3, current: false },
        ],
      }),
    });
    expect(after.view.active).toMatchObject({ kind: 'personal', address: 'julien.martin@esante-occitanie.fr' });
    expect(after.view.others.map((o) => o.address)).toEqual([CARDIO]);
  });
});

describe('the rules every reader of a record follows', () => {
  it('watches the watched mailboxes of the login only, all known ones before any login', () => {
    const mailboxes = [
      mailboxRecord(NOEMIE, 'personal', { watched: true }),
      mailboxRecord(MSS),
      mailboxRecord(CARDIO, 'organisational', { watched: false }),
      mailboxRecord('bloc@chu.fr'),
    ];
    const watched = (sessionAccounts: string[] | null) =>
      watchedMailboxes({
        settings: DEFAULT_SETTINGS,
        portal: { ...DEFAULT_PORTAL_STATE, sessionAccounts },
        poll: DEFAULT_POLL_STATE,
        mailboxes,
      }).map((m) => m.address);
    expect(watched(null)).toEqual([NOEMIE, MSS, 'bloc@chu.fr']);
    expect(watched([NOEMIE, MSS, CARDIO])).toEqual([NOEMIE, MSS]);
  });

  it('confirms before sending unless the mailbox is personal, the user’s choice first', () => {
    expect(confirmsBeforeSend(null, 'organisational')).toBe(true);
    expect(confirmsBeforeSend(undefined, 'unknown')).toBe(true);
    expect(confirmsBeforeSend(null, 'personal')).toBe(false);
    expect(confirmsBeforeSend(true, 'personal')).toBe(true);
    expect(confirmsBeforeSend(false, 'organisational')).toBe(false);
  });
});

describe('bounds', () => {
  it('keeps at most so many mailboxes, and says so in diagnostics', async () => {
    const h = harness();
    await h.store.update((state) => {
      for (let i = 0; i < MAX_KNOWN_MAILBOXES; i += 1) addMailbox(state, `bal${i}@chu.fr`, 'organisational', h.now);
      return { state, result: null };
    });
    await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    const state = await h.store.read();
    expect(state.mailboxes).toHaveLength(MAX_KNOWN_MAILBOXES);
    expect(state.portal.limitsReached[0]).toMatchObject({ limit: 'known-mailboxes', count: MAX_KNOWN_MAILBOXES });
  });
});
