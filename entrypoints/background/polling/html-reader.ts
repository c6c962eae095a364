/**
 * Reading portal HTML in the background, with the same utils/portal readers as the
 * content script. Firefox's background page has a DOMParser; Chrome's service worker
 * has none, so there the reading happens in the offscreen document
 * (entrypoints/background/offscreen-document.ts) created on first need. One function
 * either way.
 *
 * A reading in the offscreen document that has not answered within PARSE_TIMEOUT_MS
 * fails, and the document is closed, to be created anew on the next reading: a document
 * stuck on one page would otherwise stall every later poll. Closing it costs a fresh
 * document (a few milliseconds) after each timeout, which only a broken page causes.
 * In Firefox the parse is synchronous on the background page, so no timer can cut it
 * short; there the size cap on fetched pages (MAX_PORTAL_PAGE_BYTES, utils/protocol/messages.ts) bounds it.
 */
import { browser } from 'wxt/browser';
import { browserOffscreenApi, type OffscreenApi, offscreenDocument } from '@/entrypoints/background/offscreen-document';
import { inspectPortalHtml } from '@/utils/portal/inspect';
import { readMenuPage } from '@/utils/portal/menu-pages';
import { type PageContext, type PortalPageReading, parsePortalHtml } from '@/utils/portal/page';
import type { SelectorProfile } from '@/utils/portal/profile';
import type { OffscreenInspectPage, OffscreenReadPage, PageInspection } from '@/utils/protocol/messages';
import { PARSE_TIMEOUT_MS } from './poll-schedule';

type OffscreenRequestOf = OffscreenReadPage | OffscreenInspectPage;

export type HtmlReader = (
  html: string,
  url: string,
  profile: SelectorProfile,
  context: PageContext,
) => Promise<PortalPageReading>;

export { OFFSCREEN_PATH } from '@/entrypoints/background/offscreen-document';

/** What the reader needs of the browser (injected in tests). */
export interface HtmlReaderEnvironment {
  /** Whether this context parses HTML itself (Firefox's background page). */
  hasDomParser: boolean;
  /** Chrome's offscreen API, where there is no DOMParser. */
  offscreen: OffscreenApi | undefined;
  /** Asks the offscreen document to read a page; its answer. */
  send(request: OffscreenReadPage | OffscreenInspectPage): Promise<unknown>;
}

function browserEnvironment(): HtmlReaderEnvironment {
  return {
    hasDomParser: typeof DOMParser !== 'undefined',
    offscreen: browserOffscreenApi(),
    send: (request) => browser.runtime.sendMessage(request),
  };
}

/** The offscreen document did not answer in time (the poll records `read-timeout`). */
export class ReadingTimedOut extends Error {
  constructor() {
    super('délai de lecture dépassé');
  }
}

/** Asks the offscreen document, creating it on need; past `timeoutMs` it is closed and the ask fails. */
function offscreenAsker(environment: HtmlReaderEnvironment, timeoutMs: number) {
  const offscreen = environment.offscreen && offscreenDocument(environment.offscreen);
  return async <T>(request: OffscreenRequestOf): Promise<T> => {
    if (!offscreen) throw new Error('ni DOMParser ni document hors écran');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReadingTimedOut()), timeoutMs);
    });
    try {
      const answer = (await Promise.race([offscreen.ensure().then(() => environment.send(request)), overdue])) as
        | T
        | undefined;
      if (!answer) throw new Error('le document hors écran ne répond pas');
      return answer;
    } catch (error) {
      if (error instanceof ReadingTimedOut) await offscreen.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

export function createHtmlReader(
  environment: HtmlReaderEnvironment = browserEnvironment(),
  timeoutMs = PARSE_TIMEOUT_MS,
): HtmlReader {
  if (environment.hasDomParser) {
    return async (html, url, profile, context) =>
      readMenuPage(parsePortalHtml(html, url), profile, { ...context, pageUrl: url });
  }
  const ask = offscreenAsker(environment, timeoutMs);
  return (html, url, profile, context) =>
    ask<PortalPageReading>({
      name: 'to-offscreen:read-page',
      payload: { html, url, profile, frame: context.frame ?? null, reachedBy: context.reachedBy ?? null },
    });
}

/** The compatibility check's look at a page (utils/portal/inspect.ts), where the DOM is. */
export type PageInspector = (
  html: string,
  url: string,
  profile: SelectorProfile,
  context: PageContext,
  withSkeleton: boolean,
) => Promise<PageInspection>;

export function createPageInspector(
  environment: HtmlReaderEnvironment = browserEnvironment(),
  timeoutMs = PARSE_TIMEOUT_MS,
): PageInspector {
  if (environment.hasDomParser) {
    return async (html, url, profile, context, withSkeleton) =>
      inspectPortalHtml(html, url, profile, context, withSkeleton);
  }
  const ask = offscreenAsker(environment, timeoutMs);
  return (html, url, profile, context, withSkeleton) =>
    ask<PageInspection>({
      name: 'to-offscreen:inspect-page',
      payload: {
        html,
        url,
        profile,
        frame: context.frame ?? null,
        reachedBy: context.reachedBy ?? null,
        skeleton: withSkeleton,
      },
    });
}
