/** The active mailbox shared by every tab, stale tabs, and whether a switch landed; with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import { SWITCH_TIMEOUT_MS } from '@/entrypoints/background/session/active-mailbox';
import { CARDIO, CHOOSER, harness, MSS, NOEMIE, reading } from './harness';

describe('active mailbox', () => {
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
});
