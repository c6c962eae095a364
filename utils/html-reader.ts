/**
 * Reading portal HTML in the background, with the same utils/portal readers as the
 * content script. Firefox's background page has a DOMParser; Chrome's service worker
 * has none, so there the reading happens in an offscreen document (reason DOM_PARSER)
 * created on first need. One function either way.
 */
import { browser } from 'wxt/browser';
import type { OffscreenReadPage } from './messages';
import { type PortalPageReading, parsePortalHtml, readPortalPage } from './portal/page';
import type { SelectorProfile } from './portal/profile';

export type HtmlReader = (
  html: string,
  url: string,
  profile: SelectorProfile,
  isChooserPage: boolean,
) => Promise<PortalPageReading>;

/** The path of the offscreen document in the Chrome build (entrypoints/offscreen/). */
export const OFFSCREEN_PATH = '/offscreen.html';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

export function createHtmlReader(): HtmlReader {
  if (typeof DOMParser !== 'undefined') {
    return async (html, url, profile, isChooserPage) =>
      readPortalPage(parsePortalHtml(html, url), profile, { isChooserPage });
  }
  const offscreen = (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  let ready: Promise<void> | null = null;
  const ensureDocument = () => {
    ready ??= (async () => {
      if (await offscreen?.hasDocument?.()) return;
      await offscreen?.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER'],
        justification: 'Lire les pages du portail Medimail (sélecteur de compte) pour compter les messages non lus.',
      });
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  return async (html, url, profile, isChooserPage) => {
    if (!offscreen) throw new Error('ni DOMParser ni document hors écran');
    await ensureDocument();
    const request: OffscreenReadPage = { name: 'offscreen:read-page', html, url, profile, isChooserPage };
    const reading = (await browser.runtime.sendMessage(request)) as PortalPageReading | undefined;
    if (!reading) throw new Error('le document hors écran ne répond pas');
    return reading;
  };
}
