/**
 * The background's boundary with portal pages (entrypoints/background/messaging/content-handlers.ts): URLs a page
 * reports are kept only on that page's own origin on the portal, the frame goes to the
 * tabs of its origin only, and the quarantine of broken records stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { createContentHandlers } from '@/entrypoints/background/messaging/content-handlers';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { QUARANTINE_SIZE, Store } from '@/entrypoints/background/storage/store';
import type { PageReadingPayload } from '@/utils/protocol/shapes';
import { FRAME } from '../session/harness';

const PORTAL = 'https://medimail.mipih.fr';

let n = 0;
function handlers() {
  n += 1;
  const store = new Store(new RepereDb(`content-handlers-${n}-${Date.now()}`));
  const told = { tabs: 0, pages: 0 };
  const content = createContentHandlers({
    store,
    now: () => 1_000_000,
    version: '1.0.0',
    notifyPortalTabs: () => {
      told.tabs += 1;
    },
    notifyPages: () => {
      told.pages += 1;
    },
    reflect: async () => {},
    portalMatches: () => [`${PORTAL}/*`, 'https://preprod.medimail.mipih.fr/*'],
  });
  return { store, content, told };
}

const tab = (url: string) => ({ id: 'x', url, tab: { id: 3 } });

function reading(extra: Partial<PageReadingPayload>): PageReadingPayload {
  return {
    kind: 'webmail',
    trust: 'frame',
    menuPage: null,
    label: { text: 'Noémie Gallorini', address: null },
    chooserUrl: null,
    manageUrl: null,
    chooser: null,
    accountTable: null,
    inboxUnread: null,
    inboxUrl: null,
    sendControls: 0,
    frame: null,
    problems: [],
    ...extra,
  };
}

describe('content handlers', () => {
  it('keep a page’s URLs only on that page’s own origin on the portal', async () => {
    const { store, content } = handlers();
    await content['content:page-seen'](
      {
        reading: reading({
          chooserUrl: 'https://preprod.medimail.mipih.fr/?m=comptes',
          manageUrl: 'https://pirate.example/?m=compte',
          inboxUrl: `${PORTAL}/?m=liste`,
        }),
        observedAt: 1,
        discovered: {
          chooser: null,
          accountTable: null,
          chooserPageUrl: 'https://pirate.example/?m=comptes',
        },
      },
      tab(`${PORTAL}/?m=liste`),
    );
    const { portal } = await store.read();
    expect(portal).toMatchObject({ chooserUrl: null, manageUrl: null, inboxUrl: `${PORTAL}/?m=liste` });
    expect(portal.pollUrl).toBeNull();
  });

  it('hand the frame learnt on an origin to that origin’s tabs only', async () => {
    const { content } = handlers();
    await content['content:page-seen'](
      { reading: reading({}), observedAt: 1, discovered: { chooser: null, accountTable: null, frame: FRAME } },
      tab(`${PORTAL}/?m=compte`),
    );
    expect((await content['content:hello']({ url: `${PORTAL}/` }, tab(`${PORTAL}/`))).frame).toEqual(FRAME);
    const elsewhere = 'https://preprod.medimail.mipih.fr/';
    expect((await content['content:hello']({ url: elsewhere }, tab(elsewhere))).frame).toBeNull();
  });
});

describe('the active mailbox', () => {
  it('tells the other tabs and the extension’s pages (the popup marks it) when it changes', async () => {
    const { store, content, told } = handlers();
    const seen = (name: string, observedAt: number) =>
      content['content:page-seen'](
        { reading: reading({ label: { text: name, address: null } }), observedAt, discovered: null },
        tab(`${PORTAL}/?m=liste`),
      );
    await seen('Secrétariat de cardiologie', 1);
    expect(told).toEqual({ tabs: 1, pages: 1 });
    await seen('Secrétariat de cardiologie', 2);
    expect(told).toEqual({ tabs: 1, pages: 1 });
    await seen('Bloc opératoire', 3);
    expect(told).toEqual({ tabs: 2, pages: 2 });
    expect((await store.read()).portal.activeLabel).toBe('Bloc opératoire');
  });
});

describe('the quarantine', () => {
  it('keeps the newest records only, so broken data cannot pile up', async () => {
    const { store } = handlers();
    for (let i = 0; i < QUARANTINE_SIZE + 5; i += 1) {
      await store.db.settings.put({ id: 'main', bannerCollapsed: `broken ${i}` } as never);
      await store.read();
    }
    const kept = await store.db.quarantine.toArray();
    expect(kept).toHaveLength(QUARANTINE_SIZE);
    expect(JSON.stringify(kept.at(-1)?.record)).toContain(`broken ${QUARANTINE_SIZE + 4}`);
    expect(JSON.stringify(kept[0]?.record)).toContain('broken 5');
  });
});
