/**
 * Fetching a portal page from the background, with the user's cookies. The URL comes
 * from a page the portal served, so it is trusted only as far as it is checked: it must
 * be on a granted portal origin before any request, and where the redirects lead (the
 * final URL) must still be that very origin, else the page is refused unread. Redirects
 * are followed rather than refused because the portal itself redirects (an expired
 * session lands on its login page). The body is read through its stream with a size
 * cap, and the timeout covers the whole exchange, body included: a portal that sends
 * forever, or too much, costs one failed poll, never a stuck or swollen background.
 */

import { isPortalUrl } from '@/utils/portal-origins';
import { MAX_PORTAL_PAGE_BYTES } from '@/utils/protocol/messages';
import type { FetchedText } from './poll-runner';

/** A body past the cap: said apart from network failures. */
class PageTooLarge extends Error {
  constructor() {
    super('page trop volumineuse');
  }
}

/** Rejects with the signal's reason once it aborts (and never settles before). */
function abortion(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  // Raced at each step; after the last one nobody listens, and that is no error.
  aborted.catch(() => {});
  return aborted;
}

/** The body as text (UTF-8, as `response.text()`), up to `limit` bytes, before `aborted` rejects. */
async function readCappedText(
  body: ReadableStream<Uint8Array> | null,
  aborted: Promise<never>,
  limit: number = MAX_PORTAL_PAGE_BYTES,
): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > limit) throw new PageTooLarge();
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
}

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
    if (!isPortalUrl(url, portalMatches())) return { ok: false, error: { code: 'off-portal' } };
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
        return { ok: false, error: { code: 'off-portal' } };
      }
      const text = await readCappedText(response.body, aborted);
      return { ok: true, status: response.status, url: finalUrl, text };
    } catch (error) {
      if (error instanceof PageTooLarge) return { ok: false, error: { code: 'too-large' } };
      return { ok: false, error: { code: signal.aborted ? 'timeout' : 'network' } };
    }
  };
}
