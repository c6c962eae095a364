/**
 * Fetching a portal page from the content script, as the page itself would (same
 * origin, its cookies), and parsing it. Read-only pages only: the chooser and the
 * account page, which the contract says change nothing when read.
 */
import { findLoginForm } from './login';
import { parsePortalHtml } from './page';

export type FetchedPage =
  | { ok: true; doc: Document; url: string }
  | { ok: false; reason: 'session-expired' | 'http'; detail: string };

/** Firefox gives content scripts `content.fetch` for requests made as the page. */
declare const content: { fetch?: typeof fetch } | undefined;

function pageFetch(): typeof fetch {
  return typeof content !== 'undefined' && typeof content?.fetch === 'function'
    ? content.fetch.bind(content)
    : fetch.bind(globalThis);
}

export async function fetchPortalPage(url: string, timeoutMs = 15_000): Promise<FetchedPage> {
  let response: Response;
  try {
    response = await pageFetch()(url, {
      credentials: 'same-origin',
      redirect: 'follow',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: 'http', detail: error instanceof Error ? error.name : 'réseau' };
  }
  if (!response.ok) return { ok: false, reason: 'http', detail: `HTTP ${response.status}` };
  const doc = parsePortalHtml(await response.text(), response.url || url);
  if (findLoginForm(doc)) return { ok: false, reason: 'session-expired', detail: 'page de connexion' };
  return { ok: true, doc, url: response.url || url };
}
