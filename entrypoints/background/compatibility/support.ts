/**
 * What the options page asks for IT support: the compatibility check, kept as the last
 * one for the diagnostics report, and the redacted skeleton of the page open in a portal
 * tab (utils/portal/skeleton.ts), made where the page's HTML is read and never stored.
 * With no portal tab open, the skeleton is the inbox page's, read for the occasion by a
 * GET that changes nothing (and the reply says so).
 */

import type { Store } from '@/entrypoints/background/storage/store';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import type { PageSkeletonReply, PortalCheckReport } from '@/utils/protocol/messages';
import { checkPortal, getPortalPage, type PortalCheckEffects, type TabPage } from './portal-check';

export interface PortalSupport {
  checkPortal(): Promise<PortalCheckReport>;
  pageSkeleton(): Promise<PageSkeletonReply>;
}

export function createPortalSupport(store: Store, effects: PortalCheckEffects): PortalSupport {
  return {
    async checkPortal() {
      const report = await checkPortal(await store.read(), effects);
      await store.update((state) => {
        state.portal.lastPortalCheck = report;
        return { state, result: null };
      });
      return report;
    },
    async pageSkeleton() {
      const { settings, portal } = await store.read();
      const at = effects.now();
      const profile = settings.profileOverride ?? DEFAULT_PROFILE;
      const skeletonOf = async (page: TabPage, outcome: 'done' | 'fetched'): Promise<PageSkeletonReply> => {
        try {
          const { skeleton } = await effects.inspect(page.html, page.url, profile, {}, true);
          return skeleton === null ? { outcome: 'unreadable', at, skeleton } : { outcome, at, skeleton };
        } catch {
          return { outcome: 'unreadable', at, skeleton: null };
        }
      };
      const page = await effects.tabPage();
      if (page === 'unreadable') return { outcome: 'unreadable', at, skeleton: null };
      if (page !== null) return skeletonOf(page, 'done');
      // No portal tab: the inbox page, read for the occasion (reading it changes nothing,
      // docs/portal-contract.md, point 7); the login page, if the session is gone.
      const inbox = portal.inboxUrl ? await getPortalPage(portal.inboxUrl, effects) : 'off-portal';
      return typeof inbox === 'string' ? { outcome: 'no-tab', at, skeleton: null } : skeletonOf(inbox, 'fetched');
    },
  };
}
