/**
 * What this tab knows, in one place: the selector profile, the last reading of the
 * page, the background's view, and the banner's local state. Features read it and
 * change it; the banner and the tab marker re-render when it changes.
 */
import { type BannerModel, EMPTY_BANNER_MODEL } from '@/entrypoints/portal.content/ui/Banner';
import type { PortalFrame } from '@/utils/portal/frame';
import type { PortalPageReading } from '@/utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';

export interface TabModel extends BannerModel {
  profile: SelectorProfile;
  /** Where the portal's interface stands on this origin, as the background learnt it (null: not yet). */
  frame: PortalFrame | null;
  reading: PortalPageReading | null;
  /** When the active mailbox shown by this page was read (page load or in-place change). */
  observedAt: number;
  /** The banner's words until the page is read, given by the background. */
  checkingText: string | null;
}

export interface TabState {
  get(): TabModel;
  set(patch: Partial<TabModel>): void;
  subscribe(listener: (model: TabModel) => void): () => void;
}

export function createTabState(): TabState {
  let model: TabModel = {
    profile: DEFAULT_PROFILE,
    frame: null,
    reading: null,
    observedAt: Date.now(),
    checkingText: null,
    ...EMPTY_BANNER_MODEL,
  };
  const listeners = new Set<(model: TabModel) => void>();
  return {
    get: () => model,
    set(patch) {
      model = { ...model, ...patch };
      for (const listener of listeners) listener(model);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
