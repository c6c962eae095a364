/**
 * The background's boundary with portal pages (entrypoints/background/messaging/content-handlers.ts): URLs a page
 * reports are kept only on that page's own origin on the portal, the frame goes to the
 * tabs of its origin only, and the quarantine of broken records stays bounded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContentHandlers } from '@/entrypoints/background/messaging/content-handlers';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { QUARANTINE_SIZE, Store } from '@/entrypoints/background/storage/store';
import type { PageReadingPayload } from '@/utils/protocol/shapes';
import { domHtmlReader } from '../../../support/menu-pages';
import { learntFrame } from '../../utils/portal/fixtures';

/** A saved page's HTML (tests/fixtures/portal). */
const saved = (rendering: string, name: string) =>
  readFileSync(`tests/fixtures/portal/${rendering}/${name}.html`, 'utf8');

const PORTAL = 'https://medimail.mipih.fr';

let n = 0;
function handlers() {
  n += 1;
  const store = new Store(new RepereDb(`content-handlers-${n}-${Date.now()}`));
  const told = { tabs: 0, pages: 0 };
  const content = createContentHandlers({
    store,
    policy: new PolicyInForce(),
    now: () => 1_000_000,
    version: '1.0.0',
    notifyPortalTabs: () => {
      told.tabs += 1;
    },
    notifyPages: () => {
      told.pages += 1;
    },
    announce: async () => {},
    syncPolls: async () => {},
    readHtml: domHtmlReader,
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
          pages: [
            { url: 'https://pirate.example/?m=comptes', html: saved('classic', 'chooser'), reachedBy: 'chooser' },
          ],
        },
      },
      tab(`${PORTAL}/?m=liste`),
    );
    const { portal } = await store.read();
    expect(portal).toMatchObject({ chooserUrl: null, manageUrl: null, inboxUrl: `${PORTAL}/?m=liste` });
    expect(portal.pollUrl).toBeNull();
  });

  it('learn the frame where the menu’s pages a tab fetched agree, and hand it to that origin’s tabs only', async () => {
    const { store, content } = handlers();
    // Before any frame: this page (its menu links to it) and the other menu page it links to.
    const pages = [
      { url: `${PORTAL}/?m=compte`, html: saved('classic', 'account-management'), reachedBy: null },
      { url: `${PORTAL}/?m=comptes`, html: saved('classic', 'chooser'), reachedBy: null },
    ];
    const unlearnt = reading({ trust: 'unlearnt', menuPage: 'account', label: null });
    // Pages that do not link to each other teach nothing: the account page twice.
    await content['content:page-seen'](
      { reading: unlearnt, observedAt: 1, discovered: { pages: [pages[0], pages[0]] as typeof pages } },
      tab(`${PORTAL}/?m=compte`),
    );
    expect((await store.read()).portal.frame).toBeNull();
    const view = await content['content:page-seen'](
      { reading: unlearnt, observedAt: 2, discovered: { pages } },
      tab(`${PORTAL}/?m=compte`),
    );
    expect(view.frameUnknown).toBe(false);
    expect((await store.read()).mailboxes.length).toBeGreaterThan(1);
    const frame = (await content['content:hello']({ url: `${PORTAL}/` }, tab(`${PORTAL}/`))).frame;
    expect(frame).toEqual(learntFrame('classic'));
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
