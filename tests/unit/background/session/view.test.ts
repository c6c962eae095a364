/** What the banner shows for a page, with a store on fake-indexeddb and a fixed clock. */
import { describe, expect, it } from 'vitest';
import { harness, MSS, reading } from './harness';

describe('banner view', () => {
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
});
