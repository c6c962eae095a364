/**
 * The background's dealings with portal tabs: finding them, telling their content
 * scripts, and bringing one forward on a mailbox (a notification's click), through the
 * banner's own switching, or a new tab that switches once its page is read. A new tab
 * opens only on the portal: the stored inbox or chooser URL when it is on a granted
 * portal origin (checked here, at use), else the portal's home.
 */
import { browser } from 'wxt/browser';
import { log } from '@/utils/log';
import { PORTAL_HOME, portalUrlOrNull } from '@/utils/portal-origins';
import type { ContentOrder } from '@/utils/protocol/messages';
import type { Store } from './storage/store';

export interface PortalTabs {
  all(): Promise<{ id?: number; windowId?: number; active?: boolean }[]>;
  tell(tabId: number, order: ContentOrder): Promise<void>;
  /** Tells every portal tab but one that something changed. */
  notifyAll(exceptTabId: number | null): Promise<void>;
  /** Brings a portal tab forward (or opens one), switched to `address` when given. */
  focus(address: string | null): Promise<void>;
}

export function createPortalTabs(portalMatches: () => string[], store: Store, now: () => number): PortalTabs {
  const all = () => browser.tabs.query({ url: portalMatches() });
  const tell = async (tabId: number, order: ContentOrder) => {
    await browser.tabs.sendMessage(tabId, order).catch(() => {
      // A tab still loading, or without its content script: it reads the page itself.
    });
  };
  return {
    all,
    tell,
    async notifyAll(exceptTabId) {
      for (const tab of await all())
        if (tab.id !== undefined && tab.id !== exceptTabId)
          await tell(tab.id, { name: 'to-content:portal-changed', payload: {} });
    },
    async focus(address) {
      const tabs = await all();
      const tab = tabs.find((t) => t.active) ?? tabs[0];
      if (tab?.id !== undefined) {
        await browser.tabs.update(tab.id, { active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        if (address) await tell(tab.id, { name: 'to-content:switch-to', payload: { address } });
        return;
      }
      const { portal } = await store.read();
      const stored = portal.inboxUrl ?? portal.pollUrl;
      if (!stored) return;
      const matches = portalMatches();
      // The home is PORTAL_HOME in every build. The e2e build's loopback patterns name no
      // port, so no home can be made from them; PORTAL_HOME is among its patterns too, and
      // a simulator test that lands there fails visibly instead of opening nothing silently.
      const url = portalUrlOrNull(portal.inboxUrl, matches) ?? portalUrlOrNull(portal.pollUrl, matches) ?? PORTAL_HOME;
      if (url !== stored) log.warn('adresse du portail enregistrée hors du portail : ouverture de', url);
      const created = await browser.tabs.create({ url, active: true });
      if (address && created.id !== undefined) {
        const tabId = created.id;
        await store.update((state) => {
          state.portal.pendingSwitch = { tabId, address, at: now() };
          return { state, result: null };
        });
      }
    },
  };
}
