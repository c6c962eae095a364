/**
 * What new-mail notifications and the badge's tooltip say, with and without discreet
 * notifications (`privacyMode`): named by default; with it, neither the mailbox's name
 * nor its address, while the id (never shown) still leads a click to the right mailbox
 * and the log keeps the address and what was shown. A policy can impose it.
 */
import { describe, expect, it } from 'vitest';
import { badgeFor } from '@/entrypoints/background/announce/badge';
import {
  addressOfNotification,
  collectRises,
  mailNotificationId,
  type ShownNotification,
} from '@/entrypoints/background/announce/new-mail';
import { readPolicy } from '@/entrypoints/background/policy/policy';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { DEFAULT_SETTINGS, Store, type StoredState } from '@/entrypoints/background/storage/store';
import { CHOOSER_URL, mailboxRecord, storedState } from '../records';

/** Every name this mailbox could be shown by, each distinctive enough to be searched for. */
const ADDICTO = {
  address: 'consult.zyxaddicto@chu-exemple.fr',
  label: 'Étiquette Qwaddicto',
  displayName: 'Portail Vbaddicto',
};
const NAMES_OF_ADDICTO = [ADDICTO.address, 'zyxaddicto', ADDICTO.label, 'Qwaddicto', ADDICTO.displayName, 'Vbaddicto'];

const NOON = 12 * 60;

/** A state where the watched mailbox ADDICTO has `rise` more unread messages than already told. */
function stateWithRise(rise: number, privacyMode: boolean): StoredState {
  const mailbox = mailboxRecord(ADDICTO.address, 'organisational', {
    label: ADDICTO.label,
    displayName: ADDICTO.displayName,
    watched: true,
    unread: 2 + rise,
    notifiedUnread: 2,
  });
  return storedState([mailbox], { settings: { privacyMode }, portal: { pollUrl: CHOOSER_URL } });
}

function onlyNotification(state: StoredState): ShownNotification {
  const due = collectRises(state, 1_000, NOON);
  expect(due).toHaveLength(1);
  return due[0] as ShownNotification;
}

function expectNoNameOfAddicto(text: string): void {
  for (const name of NAMES_OF_ADDICTO) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
}

describe('new-mail notifications', () => {
  it('are not discreet by default', () => {
    expect(DEFAULT_SETTINGS.privacyMode).toBe(false);
  });

  it('name the mailbox and its address when discreet notifications are off', () => {
    const shown = onlyNotification(stateWithRise(3, false));
    expect(shown.title).toBe(`3 nouveaux messages — ${ADDICTO.label}`);
    expect(shown.message).toContain(ADDICTO.address);
  });

  it('name neither the mailbox nor its address when discreet, and still lead to the right mailbox', () => {
    const shown = onlyNotification(stateWithRise(3, true));
    expect(shown.title).toBe('3 nouveaux messages dans une BAL suivie');
    expect(shown.message).toBe('Cliquez pour ouvrir le portail sur cette boîte.');
    expectNoNameOfAddicto(`${shown.title}\n${shown.message}`);
    expect(shown.notificationId).toBe(mailNotificationId(ADDICTO.address));
    expect(addressOfNotification(shown.notificationId)).toBe(ADDICTO.address);
    expect(shown.log).toMatchObject({
      notificationId: shown.notificationId,
      kind: 'new-mail',
      address: ADDICTO.address,
      count: 3,
      title: shown.title,
      message: shown.message,
    });
  });

  it('say « 1 nouveau message » when discreet and a single message came', () => {
    const shown = onlyNotification(stateWithRise(1, true));
    expect(shown.title).toBe('1 nouveau message dans une BAL suivie');
    expectNoNameOfAddicto(`${shown.title}\n${shown.message}`);
  });

  it('are discreet when a policy imposes it, whatever the user set, and the log keeps the address', async () => {
    const policy = new PolicyInForce();
    const store = new Store(new RepereDb(`notifier-policy-${Date.now()}`), () => 1_000, policy.enforce);
    const reading = readPolicy({ privacyMode: true });
    policy.current = reading.ok ? reading.policy : null;
    await store.update((state) => {
      state.settings.privacyMode = false;
      state.mailboxes = stateWithRise(0, false).mailboxes;
      return { state, result: null };
    });
    expect((await store.read()).settings.privacyMode).toBe(true);
    const { result: shown } = await store.update((state) => {
      const mailbox = state.mailboxes[0];
      if (mailbox) mailbox.unread = 5;
      const due = collectRises(state, 1_000, NOON);
      return { state, result: due, logged: due.map((n) => n.log) };
    });
    expect(shown.map((n) => n.title)).toEqual(['3 nouveaux messages dans une BAL suivie']);
    const [entry] = await store.notificationLog();
    expect(entry).toMatchObject({
      address: ADDICTO.address,
      count: 3,
      title: shown[0]?.title,
      message: shown[0]?.message,
    });
    store.db.close();
  });
});

describe('badge tooltip', () => {
  it('lists each watched service mailbox when discreet notifications are off', () => {
    expect(badgeFor(stateWithRise(3, false), 1_000).title).toContain(`${ADDICTO.label} : 5`);
  });

  it('gives the total alone, naming no mailbox, when discreet', () => {
    const badge = badgeFor(stateWithRise(3, true), 1_000);
    expect(badge.text).toBe('5');
    expect(badge.title).toBe('Repère BAL — non lus dans les BAL de service suivies : 5');
    expectNoNameOfAddicto(badge.title);
  });
});
