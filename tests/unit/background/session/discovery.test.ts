/** When a tab reads the menu's pages, the lease, and the frame learnt per origin; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_INTERVAL_MS,
  releaseDiscoveryLease,
  UNSURE_RELEARN_MS,
} from '@/entrypoints/background/session/discovery';
import { CHOOSER, CHOOSER_URL, harness, MANAGE_URL, PORTAL_ORIGIN, reading } from './harness';

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
  const FRAME = {
    switchEntry: 'body:1>div#bandeau>ul:1>li:1>a:1',
    label: 'body:1>div#bandeau>a#etiquette',
    inboxLink: null,
    chooserPanel: null,
  };

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
