/**
 * Chrome's offscreen document (reason DOM_PARSER): it reads portal HTML for the
 * background with the same utils/portal readers as the content script, and answers
 * only this extension's background.
 */
import { browser } from 'wxt/browser';
import { offscreenReadPage } from '@/utils/messages';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const request = offscreenReadPage.safeParse(message);
  if (!request.success || sender.id !== browser.runtime.id || sender.tab) return undefined;
  const { html, url, profile, isChooserPage } = request.data;
  return Promise.resolve(readPortalPage(parsePortalHtml(html, url), profile, { isChooserPage }));
});
