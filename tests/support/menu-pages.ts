/** The menu's pages' agreement (utils/portal/menu-pages.ts) on pages whose DOM is at hand, as tests have them. */

import type { HtmlReader } from '../../entrypoints/background/polling/html-reader';
import type { PortalFrame } from '../../utils/portal/frame';
import { type MenuPageSeen, type Places, readMenuPage } from '../../utils/portal/menu-pages';
import { parsePortalHtml, readPortalPage } from '../../utils/portal/page';
import type { SelectorProfile } from '../../utils/portal/profile';

export type PageWithDoc = MenuPageSeen & { doc: Document };

/** Whether a frame places a page's menu, read on its document. */
export function placesOnDom(profile: SelectorProfile): Places<PageWithDoc> {
  return (page: PageWithDoc, frame: PortalFrame) =>
    readPortalPage(page.doc, profile, { pageUrl: page.url, frame }).trust === 'frame';
}

/** The background's HTML reader as a test runs it: the page parsed here, read as the background reads portal pages. */
export const domHtmlReader: HtmlReader = async (html, url, profile, context) =>
  readMenuPage(parsePortalHtml(html, url), profile, { ...context, pageUrl: url });
