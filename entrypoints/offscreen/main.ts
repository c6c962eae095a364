/**
 * Chrome's offscreen document (reason DOM_PARSER): it reads portal HTML for the
 * background with the same utils/portal readers as the content script, and answers
 * only this extension's background, on its one channel (`backgroundToOffscreen`,
 * utils/protocol/messages.ts): every other message that reaches it (pages', content
 * scripts') is left alone. A page beyond the fetcher's cap fails the request's schema
 * and is not read (the background never sends one; this holds even if it did): parsing
 * it could keep the document busy past the background's timeout.
 */
import { browser } from 'wxt/browser';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';
import { backgroundToOffscreen, envelope } from '@/utils/protocol/messages';

const { request: readPage } = backgroundToOffscreen['to-offscreen:read-page'];

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // The sender check: this extension, and no tab (a content script's message has one).
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const order = envelope.safeParse(message);
  if (!order.success || order.data.name !== 'to-offscreen:read-page') return undefined;
  const request = readPage.safeParse(order.data.payload);
  if (!request.success) return undefined;
  const { html, url, profile, frame, reachedBy } = request.data;
  return Promise.resolve(
    readPortalPage(parsePortalHtml(html, url), profile, { pageUrl: url, frame, reachedBy: reachedBy ?? undefined }),
  );
});
