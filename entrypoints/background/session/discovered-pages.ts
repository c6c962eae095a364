/**
 * The menu's pages a tab fetched for discovery (entrypoints/portal.content/discovery.ts),
 * read here with the background's HTML reader (its DOMParser, or Chrome's offscreen
 * document): what they list, and the frame they agree on (utils/portal/menu-pages.ts).
 * A page counts as reached by one of the menu's links only when it is the address the
 * background handed out (kept from believed pages); any other page must say for itself
 * which page it is and agree with the other before any frame, and tells nothing otherwise.
 */

import type { HtmlReader } from '@/entrypoints/background/polling/html-reader';
import type { PortalFrame } from '@/utils/portal/frame';
import { samePage } from '@/utils/portal/links';
import {
  agreeBeforeAnyFrame,
  agreedFrame,
  discoveryReport,
  type MenuPageSeen,
  type Places,
} from '@/utils/portal/menu-pages';
import type { MenuPage } from '@/utils/portal/page';
import type { SelectorProfile } from '@/utils/portal/profile';
import type { MessageRequest } from '@/utils/protocol/messages';
import type { Observation } from './observation-types';

type FetchedPage = NonNullable<MessageRequest<'content:page-seen'>['discovered']>['pages'][number];

interface ReadPage extends MenuPageSeen {
  html: string;
}

export interface DiscoveryContext {
  profile: SelectorProfile;
  /** The frame known on the tab's origin, if any. */
  frame: PortalFrame | null;
  /** The menu's pages' addresses the background kept from believed pages (and hands out for discovery). */
  kept: { chooserUrl: string | null; manageUrl: string | null };
  readHtml: HtmlReader;
}

/** The page read as the menu's page it was reached as, with the frame known, or without it when the portal moved. */
async function readPage(page: FetchedPage, reachedBy: MenuPage | undefined, context: DiscoveryContext) {
  const read = (frame: PortalFrame | null) =>
    context.readHtml(page.html, page.url, context.profile, { frame, reachedBy });
  const withFrame = await read(context.frame);
  const reading = withFrame.trust === 'frame' || !context.frame ? withFrame : await read(null);
  return { url: page.url, html: page.html, reading };
}

/** What the pages list and the frame they agree on (nothing, when they tell nothing: the discovery is done all the same). */
export async function readDiscoveredPages(
  pages: readonly FetchedPage[],
  context: DiscoveryContext,
): Promise<NonNullable<Observation['discovered']>> {
  const nothing = { chooser: null, accountTable: null };
  const reached = (page: FetchedPage): MenuPage | undefined =>
    page.reachedBy &&
    samePage(page.url, page.reachedBy === 'chooser' ? context.kept.chooserUrl : context.kept.manageUrl)
      ? page.reachedBy
      : undefined;
  const read: ReadPage[] = [];
  for (const page of pages) read.push(await readPage(page, reached(page), context));
  const places: Places<ReadPage> = async (page, frame) =>
    (await context.readHtml(page.html, page.url, context.profile, { frame })).trust === 'frame';

  if (pages.every((page) => reached(page))) {
    // Pages that showed the portal's menu (a page without it, a failing portal, says nothing of the frame).
    const shown = read.filter((page) => page.reading.kind === 'webmail' && page.reading.trust !== 'none');
    return shown.length ? discoveryReport(shown, await agreedFrame(shown, places)) : nothing;
  }
  const [here, other] = read;
  const frame = here && other ? await agreeBeforeAnyFrame(here, other, places) : undefined;
  return frame ? discoveryReport(read, frame) : nothing;
}
