/**
 * The compatibility check's look at one portal page (entrypoints/background/compatibility/):
 * the same reading as everywhere (utils/portal/page.ts), the page's one link to a new
 * message (to read the compose form's « Envoyer » where the tab shows none), on one of
 * the menu's pages the frame hints it suggests (utils/portal/frame-hints.ts), and, when
 * asked, the page's redacted skeleton for a support request (utils/portal/skeleton.ts).
 * Pure: runs in Chrome's offscreen document and in Firefox's background page.
 */
import type { PageInspection } from '@/utils/protocol/messages';
import { findComposeLink } from './compose';
import { frameHintsOf } from './frame-hints';
import { readMenuPage } from './menu-pages';
import { type PageContext, parsePortalHtml } from './page';
import type { SelectorProfile } from './profile';
import { pageSkeleton } from './skeleton';

export type { PageInspection };

export function inspectPortalHtml(
  html: string,
  url: string,
  profile: SelectorProfile,
  context: PageContext,
  withSkeleton: boolean,
  parser?: DOMParser,
): PageInspection {
  const doc = parsePortalHtml(html, url, parser);
  // The skeleton first: reading the page leaves the document as it was, but nothing is assumed.
  const skeleton = withSkeleton ? pageSkeleton(doc, profile, url) : null;
  const reading = readMenuPage(doc, profile, { ...context, pageUrl: url });
  // On one of the menu's pages, the frame hints it suggests (for a page elsewhere that the frame does not fit).
  const frameHints = reading.menuPage ? frameHintsOf(doc, profile, { ...context, pageUrl: url }) : null;
  return { reading, composeUrl: findComposeLink(doc, url), skeleton, frameHints };
}
