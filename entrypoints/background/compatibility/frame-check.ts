/**
 * The frame's part of the compatibility check: does the portal's interface on the tab's
 * page stand where the menu's own pages show it (utils/portal/frame.ts)? When it does
 * not, the menu's pages are read again (at the addresses kept from believed pages, never
 * the tab page's links, which could be a stranger's) to tell the two cases apart: they
 * still fit the frame (`mismatch`: this page varies beyond what the readers follow, and
 * the hints that would pin it are looked for) or they do not either (`relearn`: the
 * portal changed, the frame is learnt again on its own). A suggestion is kept only when,
 * with it, the readers place the menu on the tab's page and on the menu's page alike.
 */

import type { PageInspector } from '@/entrypoints/background/polling/html-reader';
import type { PortalFrame } from '@/utils/portal/frame';
import type { MenuPage } from '@/utils/portal/page';
import type { SelectorProfile } from '@/utils/portal/profile';
import type { FrameCheck, PageInspection } from '@/utils/protocol/messages';

/** A page the check read: where it is, its HTML, and its inspection. */
export interface InspectedPage extends PageInspection {
  url: string;
  html: string;
}

/** Pairs of hints tried at the most (each reads both pages once). */
const MAX_TRIES = 12;

const REFERENCE: Record<MenuPage, NonNullable<FrameCheck['reference']>> = {
  chooser: 'chooser-page',
  account: 'account-page',
};

/** The hints that place the menu on both pages, with the frame: the first pair that does. */
async function suggestHints(
  tab: InspectedPage,
  reference: InspectedPage,
  frame: PortalFrame,
  profile: SelectorProfile,
  inspect: PageInspector,
): Promise<FrameCheck['suggestion']> {
  const hints = reference.frameHints;
  if (!hints) return null;
  const regions = [hints.messageRegion[0] ?? null];
  const pairs = hints.header.flatMap((header) => regions.map((messageRegion) => ({ header, messageRegion })));
  for (const pair of pairs.slice(0, MAX_TRIES)) {
    const hinted: SelectorProfile = {
      ...profile,
      hints: { ...profile.hints, header: [pair.header], messageRegion: pair.messageRegion ? [pair.messageRegion] : [] },
    };
    const places = async (page: InspectedPage) =>
      (await inspect(page.html, page.url, hinted, { frame }, false)).reading.trust === 'frame';
    if ((await places(tab)) && (await places(reference))) return pair;
  }
  return null;
}

/**
 * The frame on the tab's page. `menuPages`: the menu's pages read with the frame known
 * (or without it, when it did not fit them), at the addresses kept from believed pages.
 */
export async function checkFrame(
  tab: InspectedPage,
  frame: PortalFrame | null,
  menuPages: readonly InspectedPage[],
  profile: SelectorProfile,
  inspect: PageInspector,
): Promise<FrameCheck> {
  if (tab.reading.trust === 'frame') return { status: 'ok', reference: null, suggestion: null };
  if (!frame) return { status: 'not-learnt', reference: null, suggestion: null };
  const reference = menuPages.find((page) => page.reading.trust === 'frame' && page.reading.menuPage);
  if (!reference?.reading.menuPage) return { status: 'relearn', reference: null, suggestion: null };
  return {
    status: 'mismatch',
    reference: REFERENCE[reference.reading.menuPage],
    suggestion: await suggestHints(tab, reference, frame, profile, inspect),
  };
}
