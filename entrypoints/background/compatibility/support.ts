/**
 * What the options page asks for IT support: the compatibility check, kept as the last
 * one for the diagnostics report, and the redacted skeleton of the page open in a portal
 * tab (utils/portal/skeleton.ts), made where the page's HTML is read and never stored.
 */
import { DEFAULT_PROFILE } from '../../../utils/portal/profile';
import type { PageSkeletonReply, PortalCheckReport } from '../../../utils/protocol/messages';
import type { Store } from '../storage/store';
import { checkPortal, type PortalCheckEffects } from './portal-check';

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
      const { settings } = await store.read();
      const at = effects.now();
      const page = await effects.tabPage();
      if (page === null) return { outcome: 'no-tab', at, skeleton: null };
      if (page === 'unreadable') return { outcome: 'unreadable', at, skeleton: null };
      try {
        const profile = settings.profileOverride ?? DEFAULT_PROFILE;
        const { skeleton } = await effects.inspect(page.html, page.url, profile, {}, true);
        return skeleton === null ? { outcome: 'unreadable', at, skeleton } : { outcome: 'done', at, skeleton };
      } catch {
        return { outcome: 'unreadable', at, skeleton: null };
      }
    },
  };
}
