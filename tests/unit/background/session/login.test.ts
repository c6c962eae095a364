/** The login address: claimed by a form, confirmed by the portal, then the kinds inferred again; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import { CHOOSER, harness, MSS, NOEMIE, reading } from './harness';

describe('login', () => {
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
