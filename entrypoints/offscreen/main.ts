/**
 * Chrome's offscreen document (reasons DOM_PARSER and AUDIO_PLAYBACK: the service
 * worker has neither): it reads portal HTML for the background with the same
 * utils/portal readers as the content script (and, for the compatibility check, inspects
 * a page: utils/portal/inspect.ts), and plays the new-mail sound the
 * background made. It answers only this extension's background, on its one channel
 * (`backgroundToOffscreen`, utils/protocol/messages.ts): every other message that
 * reaches it (pages', content scripts') is left alone. A page beyond the fetcher's cap
 * fails the request's schema and is not read (the background never sends one; this
 * holds even if it did): parsing it could keep the document busy past the background's
 * timeout. A sound is only a `data:audio/wav` URL (the schema says so), played as it is.
 */
import { browser } from 'wxt/browser';
import { inspectPortalHtml } from '@/utils/portal/inspect';
import { readMenuPage } from '@/utils/portal/menu-pages';
import { parsePortalHtml } from '@/utils/portal/page';
import { backgroundToOffscreen, envelope } from '@/utils/protocol/messages';

const { request: readPage } = backgroundToOffscreen['to-offscreen:read-page'];
const { request: playSound } = backgroundToOffscreen['to-offscreen:play-sound'];
const { request: inspectPage } = backgroundToOffscreen['to-offscreen:inspect-page'];

/** Starts a sound; whether it could (a browser may refuse to play). */
async function play(src: string): Promise<{ played: boolean }> {
  try {
    await new Audio(src).play();
    return { played: true };
  } catch {
    return { played: false };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // The sender check: this extension, and no tab (a content script's message has one).
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const order = envelope.safeParse(message);
  if (!order.success) return undefined;
  if (order.data.name === 'to-offscreen:play-sound') {
    const request = playSound.safeParse(order.data.payload);
    return request.success ? play(request.data.src) : undefined;
  }
  if (order.data.name === 'to-offscreen:inspect-page') {
    const request = inspectPage.safeParse(order.data.payload);
    if (!request.success) return undefined;
    const { html, url, profile, frame, reachedBy, skeleton } = request.data;
    return Promise.resolve(
      inspectPortalHtml(html, url, profile, { frame, reachedBy: reachedBy ?? undefined }, skeleton),
    );
  }
  if (order.data.name !== 'to-offscreen:read-page') return undefined;
  const request = readPage.safeParse(order.data.payload);
  if (!request.success) return undefined;
  const { html, url, profile, frame, reachedBy } = request.data;
  return Promise.resolve(
    readMenuPage(parsePortalHtml(html, url), profile, { pageUrl: url, frame, reachedBy: reachedBy ?? undefined }),
  );
});
