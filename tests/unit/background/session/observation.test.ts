/** A page read in a tab, as a whole: what a page that cannot be told from look-alikes changes; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import { CHOOSER, harness, reading } from './harness';

describe('a page the portal’s frame cannot vouch for', () => {
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
});
