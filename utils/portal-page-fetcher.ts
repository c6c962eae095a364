/**
 * Fetching a portal page from the background, with the user's cookies. The URL comes
 * from a page the portal served, so it is trusted only as far as it is checked: it must
 * be on a granted portal origin before any request, and where the redirects lead (the
 * final URL) must still be that very origin, else the page is refused unread. Redirects
 * are followed rather than refused because the portal itself redirects (an expired
 * session lands on its login page). The body is read through its stream with a size
 * cap, and the timeout covers the whole exchange, body included: a portal that sends
 * forever, or too much, costs one failed check, never a stuck or swollen background.
 */
import type { FetchedText } from './poll-runner';
import { abortion, PageTooLarge, readCappedText } from './portal/page-body';
import { isPortalUrl } from './portal-urls';

/** What the fetcher needs of `fetch`'s answer (tests give plain objects). */
export type PortalResponse = Pick<Response, 'url' | 'status' | 'body'>;

export interface PortalPageFetcherEffects {
  fetch(url: string, init: RequestInit): Promise<PortalResponse>;
}

export type PortalPageFetcher = (url: string, timeoutMs: number) => Promise<FetchedText>;

export function createPortalPageFetcher(
  portalMatches: () => readonly string[],
  effects: PortalPageFetcherEffects = { fetch: (url, init) => fetch(url, init) },
): PortalPageFetcher {
  return async (url, timeoutMs) => {
    if (!isPortalUrl(url, portalMatches())) return { ok: false, detail: 'hors-portail' };
    const requestedOrigin = new URL(url).origin;
    const signal = AbortSignal.timeout(timeoutMs);
    const aborted = abortion(signal);
    try {
      const response = await Promise.race([
        effects.fetch(url, { credentials: 'include', redirect: 'follow', cache: 'no-store', signal }),
        aborted,
      ]);
      const finalUrl = response.url;
      if (!isPortalUrl(finalUrl, portalMatches()) || new URL(finalUrl).origin !== requestedOrigin) {
        response.body?.cancel().catch(() => {});
        return { ok: false, detail: 'hors-portail' };
      }
      const text = await readCappedText(response.body, aborted);
      return { ok: true, status: response.status, url: finalUrl, text };
    } catch (error) {
      if (error instanceof PageTooLarge) return { ok: false, detail: error.message };
      return { ok: false, detail: signal.aborted ? 'délai dépassé' : 'réseau' };
    }
  };
}
