/** The switches made once: to the preferred mailbox after login, to a notification's mailbox; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import { CARDIO, CHOOSER, harness, MSS, NOEMIE, reading } from './harness';

describe('switches made on their own', () => {
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
      await h.see({
        reading: reading(MSS, {
          accountTable: [
            { address: NOEMIE, isDefault: false, notices: false },
            { address: MSS, isDefault: true, notices: true },
          ],
        }),
      });
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

    it('never takes the previous person’s default when their login was never confirmed', async () => {
      const h = harness();
      const julien = 'julien.martin@esante-occitanie.fr';
      // A colleague's session whose login claim was lost: their accounts and default are known, not who they are.
      await h.see({
        reading: reading('Julien Martin', {
          chooser: [
            { address: julien, name: 'Julien Martin', unread: 0, current: true },
            { address: CARDIO, name: 'Secrétariat de cardiologie', unread: 0, current: false },
          ],
          accountTable: [{ address: julien, isDefault: true, notices: false }],
        }),
      });
      expect((await h.store.read()).portal.loginAddress).toBeNull();
      await h.login(NOEMIE);
      h.tick(10);
      const first = await h.see({ reading: reading(MSS) });
      expect(first.view.switchNow).toBeNull();
      expect(first.view.others.map((m) => m.address)).toEqual([]);
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
});
