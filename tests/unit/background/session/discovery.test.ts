/** When a tab reads the menu's pages, the lease, and the frame learnt per origin; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_INTERVAL_MS,
  releaseDiscoveryLease,
  UNSURE_RELEARN_MS,
} from '@/entrypoints/background/session/discovery';
import { CHOOSER, CHOOSER_URL, FRAME, harness, MANAGE_URL, NOEMIE, PORTAL_ORIGIN, reading } from './harness';

describe('discovery', () => {
  it('asks for discovery again after a while, one tab at a time', async () => {
    const h = harness();
    expect((await h.see({ reading: reading('Noémie Gallorini') })).view.discovery).not.toBeNull();
    await h.see({ reading: reading('Noémie Gallorini'), discovered: { chooser: CHOOSER, accountTable: null } });
    h.tick(60_000);
    expect((await h.see({ reading: reading('Noémie Gallorini') })).view.discovery).toBeNull();
    h.tick(DISCOVERY_INTERVAL_MS);
    expect((await h.see({ reading: reading('Noémie Gallorini') })).view.discovery).not.toBeNull();
  });

  it('lets the tab holding the discovery lease ask again from its next page, not another tab', async () => {
    const h = harness();
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 1 })).view.discovery).not.toBeNull();
    h.tick(1_000);
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 2 })).view.discovery).toBeNull();
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 1 })).view.discovery).not.toBeNull();
  });

  it('frees the lease when the tab holding it closes, so another tab reads the menu’s pages at once', async () => {
    const h = harness();
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 1 })).view.discovery).not.toBeNull();
    h.tick(1_000);
    await h.store.update((state) => releaseDiscoveryLease(state, 9));
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 2 })).view.discovery).toBeNull();
    await h.store.update((state) => releaseDiscoveryLease(state, 1));
    expect((await h.see({ reading: reading('Noémie Gallorini'), tabId: 2 })).view.discovery).not.toBeNull();
  });

  it('asks for discovery when the label names a mailbox nothing learnt can place', async () => {
    const h = harness();
    await h.see({ reading: reading('Noémie Gallorini'), discovered: { chooser: CHOOSER, accountTable: null } });
    h.tick(1_000);
    const outcome = await h.see({ reading: reading('Bloc opératoire') });
    expect(outcome.view.active).toMatchObject({ kind: 'organisational', address: null });
    expect(outcome.view.discovery).not.toBeNull();
  });
});

describe('a page the portal’s frame cannot vouch for', () => {
  it('learns the frame per origin where the menu’s pages agreed, hands it to that origin’s tabs, and keeps it when they did not', async () => {
    const h = harness();
    // A page alone teaches nothing: only the agreement of the menu's pages does.
    const alone = await h.see({ reading: reading('Noémie Gallorini', { frame: FRAME, menuPage: 'account' }) });
    expect(alone.view.frame).toBeNull();
    const { view } = await h.see({
      reading: reading('Noémie Gallorini'),
      discovered: { chooser: CHOOSER, accountTable: null, frame: FRAME },
    });
    expect(view.frame).toEqual(FRAME);
    expect((await h.store.read()).portal.frame).toMatchObject({ ...FRAME, origin: PORTAL_ORIGIN });
    const elsewhere = await h.see({ reading: reading('Noémie Gallorini'), pageOrigin: 'https://preprod.example' });
    expect(elsewhere.view.frame).toBeNull();
    await h.see({ reading: reading('Noémie Gallorini'), discovered: { chooser: CHOOSER, accountTable: null } });
    expect((await h.store.read()).portal.frame).toMatchObject(FRAME);
  });

  it('says a page read before any frame is unsure for want of one, and learns its mailboxes from the agreed pages', async () => {
    const h = harness();
    await h.login(NOEMIE);
    const before = await h.see({ reading: reading(null, { trust: 'unlearnt', chooserUrl: null, manageUrl: null }) });
    expect(before.view).toMatchObject({ unsure: true, frameUnknown: true, others: [], discovery: null });
    const learnt = await h.see({
      reading: reading(null, { trust: 'unlearnt', menuPage: 'account' }),
      discovered: { chooser: CHOOSER, accountTable: null, frame: FRAME },
    });
    expect(learnt.view.frameUnknown).toBe(false);
    expect((await h.store.read()).mailboxes.map((m) => m.address)).toEqual(CHOOSER.map((entry) => entry.address));
    // Nothing of the unbelieved reading itself is kept: no address to read later.
    expect((await h.store.read()).portal.chooserUrl).toBeNull();
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
