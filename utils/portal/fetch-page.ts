/**
 * Fetching a portal page from the content script, as the page itself would (same
 * origin, its cookies), and parsing it. Read-only pages only: the chooser and the
 * account page, which the contract says change nothing when read, at addresses the
 * menu of a believed page gave. Only the page's own origin is fetched and a redirect
 * elsewhere is not read. The timeout covers the body too (the fetch's signal ends its
 * reading); unlike the background's polls (entrypoints/background/polling/portal-page-fetcher.ts), no size cap
 * is read through the stream here: these pages come from the portal itself, never from
 * a redirect, and the content script's size budget is better spent on the banner.
 */

import { sameOriginUrl } from './links';
import { findLoginForm } from './login';
import { parsePortalHtml } from './page';

/** The largest portal page read (bytes); the chooser of 51 mailboxes is a small fraction of it. */
export const MAX_PORTAL_PAGE_BYTES = 4 * 1024 * 1024;

export type FetchedPage =
  /** `redirected`: the portal answered from another address (same origin) than the one asked for. */
  | { ok: true; doc: Document; url: string; html: string; redirected: boolean }
  | { ok: false; reason: 'session-expired' | 'http' | 'off-portal'; detail: string };

/** Firefox gives content scripts `content.fetch` for requests made as the page. */
declare const content: { fetch?: typeof fetch } | undefined;

function pageFetch(): typeof fetch {
  return typeof content !== 'undefined' && typeof content?.fetch === 'function'
    ? content.fetch.bind(content)
    : fetch.bind(globalThis);
}

/** Fetches `url` when it is on the origin of `pageUrl` (the portal page this script runs in). */
export async function fetchPortalPage(url: string, pageUrl: string, timeoutMs = 15_000): Promise<FetchedPage> {
  const target = sameOriginUrl(url, pageUrl);
  if (!target) return { ok: false, reason: 'off-portal', detail: 'hors-portail' };
  const signal = AbortSignal.timeout(timeoutMs);
  let finalUrl: string;
  let redirected: boolean;
  let text: string;
  try {
    const response = await pageFetch()(target, {
      credentials: 'same-origin',
      redirect: 'follow',
      cache: 'no-store',
      signal,
    });
    finalUrl = response.url || target;
    redirected = response.redirected;
    if (!sameOriginUrl(finalUrl, pageUrl)) {
      response.body?.cancel().catch(() => {});
      return { ok: false, reason: 'off-portal', detail: 'hors-portail' };
    }
    if (!response.ok) return { ok: false, reason: 'http', detail: `HTTP ${response.status}` };
    text = await response.text();
  } catch {
    return { ok: false, reason: 'http', detail: signal.aborted ? 'délai dépassé' : 'réseau' };
  }
  const doc = parsePortalHtml(text, finalUrl);
  if (findLoginForm(doc)) return { ok: false, reason: 'session-expired', detail: 'page de connexion' };
  return { ok: true, doc, url: finalUrl, html: text, redirected };
}
