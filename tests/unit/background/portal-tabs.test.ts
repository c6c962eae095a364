/**
 * Bringing the portal forward on a notification's click, with the fake browser: a new tab
 * opens only on the portal, whatever URL was stored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPortalTabs } from '@/entrypoints/background/portal-tabs';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { PORTAL_HOME } from '@/utils/portal-origins';

const INBOX = 'https://medimail.mipih.fr/?m=liste&f=1&o=date&p=1';
const CHOOSER = 'https://medimail.mipih.fr/?m=comptes';
const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';

let n = 0;
function setup() {
  n += 1;
  const store = new Store(new RepereDb(`portal-tabs-${n}-${Date.now()}`));
  return {
    store,
    tabs: createPortalTabs(
      () => ['https://medimail.mipih.fr/*'],
      store,
      () => 1_000,
    ),
  };
}

describe('portal tabs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('opens the portal on its inbox when no tab shows it, and switches that tab once its page is read', async () => {
    const { store, tabs } = setup();
    await store.update((state) => {
      state.portal.inboxUrl = INBOX;
      return { state, result: null };
    });
    await tabs.focus(CARDIO);
    const opened = await fakeBrowser.tabs.query({});
    const portalTab = opened.find((tab) => tab.url === INBOX);
    expect(portalTab).toBeDefined();
    expect((await store.read()).portal.pendingSwitch).toEqual({ tabId: portalTab?.id, address: CARDIO, at: 1_000 });
  });

  it.each([
    ['another origin', 'https://attacker.example/?m=liste', null, PORTAL_HOME],
    ['scripts and data', 'javascript:alert(1)', 'data:text/html,x', PORTAL_HOME],
    ['a look-alike host and a file', 'https://medimail.mipih.fr.attacker.example/', 'file:///etc/passwd', PORTAL_HOME],
    ['an off-portal inbox, a portal chooser', 'https://attacker.example/', CHOOSER, CHOOSER],
  ])('opens no stored URL off the portal (%s)', async (_, inboxUrl, pollUrl, opened) => {
    const { store, tabs } = setup();
    await store.update((state) => {
      state.portal.inboxUrl = inboxUrl;
      state.portal.pollUrl = pollUrl;
      return { state, result: null };
    });
    const before = (await fakeBrowser.tabs.query({})).length;
    await tabs.focus(CARDIO);
    const after = await fakeBrowser.tabs.query({});
    expect(after.slice(before).map((tab) => tab.url)).toEqual([opened]);
  });

  it('does nothing when the portal was never seen', async () => {
    const { tabs } = setup();
    const before = (await fakeBrowser.tabs.query({})).length;
    await tabs.focus(CARDIO);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });
});
