/** The background's reading of the portal session, with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import {
  addMailbox,
  applyObservation,
  DISCOVERY_INTERVAL_MS,
  MAX_KNOWN_MAILBOXES,
  type Observation,
  recordLogin,
  recordSwitchRequest,
  SWITCH_TIMEOUT_MS,
  UNSURE_RELEARN_MS,
} from '@/entrypoints/background/session/portal-session';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { PERSONAL_COLOUR, SERVICE_PALETTE } from '@/utils/colours';
import type { PageReadingPayload } from '@/utils/protocol/shapes';

const NOEMIE = 'noemie.gallorini@esante-occitanie.fr';
const MSS = 'mss@esante-occitanie.fr';
const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const CHOOSER_URL = 'https://medimail.mipih.fr/?m=comptes';
const MANAGE_URL = 'https://medimail.mipih.fr/?m=compte';
const PORTAL_ORIGIN = 'https://medimail.mipih.fr';

const CHOOSER = [
  { address: NOEMIE, name: 'Noémie Gallorini', unread: 1, current: true },
  { address: MSS, name: 'MSS eSanté Occitanie', unread: 2, current: false },
  { address: CARDIO, name: 'Secrétariat de cardiologie', unread: 0, current: false },
];

function reading(label: string | null, extra: Partial<PageReadingPayload> = {}): PageReadingPayload {
  return {
    kind: 'webmail',
    trust: 'single',
    label: label === null ? null : { text: label, address: label.includes('@') ? label : null },
    chooserUrl: CHOOSER_URL,
    manageUrl: MANAGE_URL,
    chooser: null,
    accountTable: null,
    inboxUnread: null,
    inboxUrl: 'https://medimail.mipih.fr/?m=liste&f=1&o=date&p=1',
    sendControls: 0,
    frame: null,
    problems: [],
    ...extra,
  };
}

let n = 0;
function harness() {
  n += 1;
  const store = new Store(new RepereDb(`test-session-${n}-${Date.now()}`));
  let now = 1_000_000;
  return {
    store,
    tick: (ms: number) => {
      now += ms;
      return now;
    },
    get now() {
      return now;
    },
    see: async (observation: Partial<Observation> & { reading: PageReadingPayload }) =>
      (
        await store.update((state) =>
          applyObservation(
            state,
            { observedAt: now, pageOrigin: PORTAL_ORIGIN, discovered: null, ...observation },
            now,
          ),
        )
      ).result,
    login: (address: string) => store.update((state) => recordLogin(state, address, now)),
    requestSwitch: (address: string) => store.update((state) => recordSwitchRequest(state, address, now)),
  };
}

describe('portal session', () => {
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

  it('shows a service by address, confirm before sending by default', async () => {
    const h = harness();
    const { view } = await h.see({ reading: reading(MSS, { inboxUnread: 4 }) });
    expect(view.active).toMatchObject({ kind: 'organisational', address: MSS, confirmBeforeSend: true });
    expect((await h.store.read()).mailboxes[0]?.unread).toBe(4);
  });

  it('shows the unknown state on a page without the label', async () => {
    const h = harness();
    const { view, activeChanged } = await h.see({ reading: reading(null, { chooserUrl: null, manageUrl: null }) });
    expect(view.active.kind).toBe('unknown');
    expect(view.active.confirmBeforeSend).toBe(true);
    expect(activeChanged).toBe(false);
  });

  it('tells a tab that another tab has seen a different active mailbox since it loaded', async () => {
    const h = harness();
    const loadedA = h.now;
    await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    h.tick(5_000);
    const b = await h.see({ reading: reading(MSS) });
    expect(b.activeChanged).toBe(true);
    expect(b.view.stale).toBeNull();
    h.tick(1_000);
    const a = await h.see({ reading: reading('Noémie Gallorini'), observedAt: loadedA });
    expect(a.activeChanged).toBe(false);
    expect(a.view.stale).toEqual({ address: MSS, name: 'MSS eSanté Occitanie' });
    expect(a.view.active.address).toBe(NOEMIE);
  });

  describe('preferred mailbox at login', () => {
    it('switches to the portal’s default account once, right after login (the first-login quirk)', async () => {
      const h = harness();
      await h.see({
        reading: reading('Noémie Gallorini', {
          chooser: CHOOSER,
          accountTable: [
            { address: NOEMIE, isDefault: false, notices: false },
            { address: MSS, isDefault: true, notices: true },
          ],
        }),
      });
      await h.login(NOEMIE);
      h.tick(100);
      const first = await h.see({ reading: reading('Noémie Gallorini') });
      expect(first.view.switchNow).toEqual({ address: MSS, reason: 'preferred' });
      h.tick(100);
      const again = await h.see({ reading: reading('Noémie Gallorini') });
      expect(again.view.switchNow).toBeNull();
    });

    it('does nothing when the portal already opened it', async () => {
      const h = harness();
      await h.see({ reading: reading(MSS, { accountTable: [{ address: MSS, isDefault: true, notices: true }] }) });
      await h.login(NOEMIE);
      h.tick(100);
      expect((await h.see({ reading: reading(MSS) })).view.switchNow).toBeNull();
      expect((await h.store.read()).portal.pendingLogin).toBe(false);
    });

    it('follows the user’s own preferred mailbox over the portal default', async () => {
      const h = harness();
      await h.see({
        reading: reading('Noémie Gallorini', {
          chooser: CHOOSER,
          accountTable: [{ address: MSS, isDefault: true, notices: null }],
        }),
      });
      await h.store.update((state) => {
        state.settings.preferredMailbox = CARDIO;
        return { state, result: null };
      });
      await h.login(NOEMIE);
      h.tick(10);
      expect((await h.see({ reading: reading('Noémie Gallorini') })).view.switchNow).toEqual({
        address: CARDIO,
        reason: 'preferred',
      });
    });

    it('reads the account page first when the default is not known yet', async () => {
      const h = harness();
      await h.login(NOEMIE);
      h.tick(10);
      const first = await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
      expect(first.view.switchNow).toBeNull();
      expect(first.view.discovery).not.toBeNull();
      h.tick(10);
      const other = await h.see({ reading: reading('Noémie Gallorini') });
      expect(other.view.discovery).toBeNull(); // another tab holds the lease
      h.tick(10);
      const discovered = await h.see({
        reading: reading('Noémie Gallorini'),
        discovered: { chooser: null, accountTable: [{ address: MSS, isDefault: true, notices: true }] },
      });
      expect(discovered.view.switchNow).toEqual({ address: MSS, reason: 'preferred' });
    });

    it('leaves alone a switch the user made through the portal before the default was known', async () => {
      const h = harness();
      await h.login(NOEMIE);
      h.tick(10);
      await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
      h.tick(10);
      const after = await h.see({
        reading: reading(CARDIO),
        discovered: { chooser: null, accountTable: [{ address: MSS, isDefault: true, notices: true }] },
      });
      expect(after.view.switchNow).toBeNull();
      expect((await h.store.read()).portal.pendingLogin).toBe(false);
    });

    it('respects a later manual switch', async () => {
      const h = harness();
      await h.see({
        reading: reading('Noémie Gallorini', {
          chooser: CHOOSER,
          accountTable: [{ address: MSS, isDefault: true, notices: true }],
        }),
      });
      await h.login(NOEMIE);
      h.tick(10);
      await h.see({ reading: reading('Noémie Gallorini') });
      h.tick(10);
      await h.see({ reading: reading(MSS) });
      h.tick(10);
      await h.requestSwitch(NOEMIE);
      h.tick(10);
      const after = await h.see({ reading: reading('Noémie Gallorini') });
      expect(after.view.switchNow).toBeNull();
      expect(after.view.switchFailed).toBeNull();
    });
  });

  it('says when a switch did not land, and when it timed out', async () => {
    const h = harness();
    await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    await h.requestSwitch(CARDIO);
    h.tick(10);
    const landed = await h.see({ reading: reading(MSS) });
    expect(landed.view.switchFailed).toEqual({ address: CARDIO, name: 'Secrétariat de cardiologie' });

    await h.requestSwitch(MSS);
    h.tick(SWITCH_TIMEOUT_MS + 1);
    const late = await h.see({ reading: reading(MSS), observedAt: h.now - SWITCH_TIMEOUT_MS - 5 });
    expect(late.view.switchFailed?.address).toBe(MSS);
  });

  it('asks for discovery again after a while, one tab at a time', async () => {
    const h = harness();
    expect((await h.see({ reading: reading('Noémie Gallorini') })).view.discovery).not.toBeNull();
    await h.see({ reading: reading('Noémie Gallorini'), discovered: { chooser: CHOOSER, accountTable: null } });
    h.tick(60_000);
    expect((await h.see({ reading: reading('Noémie Gallorini') })).view.discovery).toBeNull();
    h.tick(DISCOVERY_INTERVAL_MS);
    expect((await h.see({ reading: reading('Noémie Gallorini') })).view.discovery).not.toBeNull();
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

  it('switches a tab opened from a notification to that mailbox, once', async () => {
    const h = harness();
    await h.see({ reading: reading(MSS, { chooser: CHOOSER }), tabId: 3 });
    await h.store.update((state) => {
      state.portal.pendingSwitch = { tabId: 9, address: CARDIO, at: h.now };
      return { state, result: null };
    });
    h.tick(10);
    expect((await h.see({ reading: reading(MSS), tabId: 3 })).view.switchNow).toBeNull();
    const opened = await h.see({ reading: reading(MSS), tabId: 9 });
    expect(opened.view.switchNow).toEqual({ address: CARDIO, reason: 'notification' });
    h.tick(10);
    expect((await h.see({ reading: reading(MSS), tabId: 9 })).view.switchNow).toBeNull();
  });

  it('lets the tab holding the discovery lease ask again from its next page, not another tab', async () => {
    const h = harness();
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 1 })).view.discovery).not.toBeNull();
    h.tick(1_000);
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 2 })).view.discovery).toBeNull();
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 1 })).view.discovery).not.toBeNull();
  });

  it('asks for discovery when the label names a mailbox nothing learnt can place', async () => {
    const h = harness();
    await h.see({ reading: reading('Noémie Gallorini'), discovered: { chooser: CHOOSER, accountTable: null } });
    h.tick(1_000);
    const outcome = await h.see({ reading: reading('Bloc opératoire') });
    expect(outcome.view.active).toMatchObject({ kind: 'organisational', address: null });
    expect(outcome.view.discovery).not.toBeNull();
  });

  it('re-infers kinds once the login is known, keeping the user’s corrections', async () => {
    const h = harness();
    await h.see({
      reading: reading(MSS, {
        chooser: [{ address: 'julien.martin@x.fr', name: 'Julien Martin', unread: 0, current: false }],
      }),
    });
    const kindOfJulien = async () =>
      (await h.store.read()).mailboxes.find((m) => m.address === 'julien.martin@x.fr')?.kind;
    expect(await kindOfJulien()).toBe('personal');
    await h.login(NOEMIE);
    // Claimed only: a login form can carry any address.
    expect(await kindOfJulien()).toBe('personal');
    expect((await h.store.read()).portal.loginAddress).toBeNull();
    // The portal shows it as Noémie's own mailbox: confirmed.
    await h.see({ reading: reading('Noémie Gallorini') });
    expect((await h.store.read()).portal.loginAddress).toBe(NOEMIE);
    expect(await kindOfJulien()).toBe('organisational');
  });

  it('never takes a login address the portal does not confirm as a person’s mailbox', async () => {
    const h = harness();
    await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    const kinds = async () => Object.fromEntries((await h.store.read()).mailboxes.map((m) => [m.address, m.kind]));
    const before = await kinds();
    expect(before[MSS]).toBe('organisational');
    // A form submitted with a service's address: the label shows the service, the chooser names it a service.
    await h.login(MSS);
    await h.see({ reading: reading(MSS, { chooser: CHOOSER }) });
    await h.see({ reading: reading('MSS eSanté Occitanie') });
    expect(await kinds()).toEqual(before);
    expect((await h.store.read()).portal.loginAddress).toBeNull();
    // The chooser confirms the real one by its person's name.
    await h.login(NOEMIE);
    await h.see({ reading: reading(MSS), discovered: { chooser: CHOOSER, accountTable: null } });
    expect((await h.store.read()).portal.loginAddress).toBe(NOEMIE);
  });
});

describe('a page the portal’s frame cannot vouch for', () => {
  const FRAME = {
    switchEntry: 'body:1>div#bandeau>ul:1>li:1>a:1',
    label: 'body:1>div#bandeau>a#etiquette',
    inboxLink: null,
    chooserPanel: null,
  };

  it('changes nothing stored, offers no switch, and says it cannot tell', async () => {
    const h = harness();
    await h.see({ reading: reading('Noémie Gallorini', { chooser: CHOOSER }) });
    const before = await h.store.read();
    h.tick(1_000);
    const { view } = await h.see({
      reading: reading(null, {
        trust: 'unsure',
        chooserUrl: null,
        manageUrl: null,
        inboxUrl: null,
        problems: ['2 menus du compte et aucun cadre appris : rien n’est cru'],
      }),
    });
    expect(view).toMatchObject({ unsure: true, others: [], active: { kind: 'unknown', address: null } });
    const after = await h.store.read();
    expect(after.mailboxes).toEqual(before.mailboxes);
    const { discoveryLeaseAt: _a, discoveryLeaseTab: _b, ...portalAfter } = after.portal;
    const { discoveryLeaseAt: _c, discoveryLeaseTab: _d, ...portalBefore } = before.portal;
    expect(portalAfter).toEqual(portalBefore);
  });

  it('learns the frame per origin, hands it to that origin’s tabs, and forgets it when the portal’s pages show none', async () => {
    const h = harness();
    const { view } = await h.see({ reading: reading('Noémie Gallorini', { frame: FRAME }) });
    expect(view.frame).toEqual(FRAME);
    expect((await h.store.read()).portal.frame).toMatchObject({ ...FRAME, origin: PORTAL_ORIGIN });
    const elsewhere = await h.see({ reading: reading('Noémie Gallorini'), pageOrigin: 'https://preprod.example' });
    expect(elsewhere.view.frame).toBeNull();
    await h.see({ reading: reading('Noémie Gallorini'), discovered: { chooser: null, accountTable: null } });
    expect((await h.store.read()).portal.frame).not.toBeNull();
    await h.see({
      reading: reading('Noémie Gallorini'),
      discovered: { chooser: CHOOSER, accountTable: null, frame: null },
    });
    expect((await h.store.read()).portal.frame).toBeNull();
  });

  it('asks the menu’s pages for the frame, at the stored addresses, while none is known', async () => {
    const h = harness();
    await h.see({
      reading: reading('Noémie Gallorini', { chooser: CHOOSER }),
      discovered: { chooser: CHOOSER, accountTable: null },
    });
    h.tick(UNSURE_RELEARN_MS + 1);
    const { view } = await h.see({ reading: reading(null, { trust: 'unsure', chooserUrl: null, manageUrl: null }) });
    expect(view.discovery).toEqual({ chooserUrl: CHOOSER_URL, manageUrl: MANAGE_URL });
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
