/**
 * The compatibility check's look at one portal page (entrypoints/background/compatibility/):
 * the same reading as everywhere (utils/portal/page.ts), the page's one link to a new
 * message (to read the compose form's « Envoyer » where the tab shows none), and, when
 * asked, the page's redacted skeleton for a support request (utils/portal/skeleton.ts).
 * Pure: runs in Chrome's offscreen document and in Firefox's background page.
 */
import type { PageInspection } from '../protocol/messages';
import { findComposeLink } from './compose';
import { type PageContext, parsePortalHtml, readPortalPage } from './page';
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
  const reading = readPortalPage(doc, profile, { ...context, pageUrl: url });
  return { reading, composeUrl: findComposeLink(doc, url), skeleton };
}
