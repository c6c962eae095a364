/**
 * Chrome's offscreen document (reason DOM_PARSER): it reads portal HTML for the
 * background with the same utils/portal readers as the content script, and answers
 * only this extension's background. A page beyond the fetcher's cap fails the request's
 * schema and is not read (the background never sends one; this holds even if it did):
 * parsing it could keep the document busy past the background's timeout.
 */
import { browser } from 'wxt/browser';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';
import { offscreenReadPage } from '@/utils/protocol/messages';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const request = offscreenReadPage.safeParse(message);
  if (!request.success || sender.id !== browser.runtime.id || sender.tab) return undefined;
  const { html, url, profile, frame, reachedBy } = request.data;
  return Promise.resolve(
    readPortalPage(parsePortalHtml(html, url), profile, { pageUrl: url, frame, reachedBy: reachedBy ?? undefined }),
  );
});
