/**
 * URLs read from portal pages. A page also carries links written by strangers (message
 * bodies), and `new URL()` undoes disguises such as `java&#x09;script:` only once it has
 * parsed them, so a URL is judged after parsing, never by its text: it is kept only when
 * it is http(s) on the origin of the page it was read from (the portal). Shared by every
 * context that reads a page; the background checks again against the granted portal
 * origins (utils/portal-origins.ts).
 */
import { headOf } from './document-parts';

/** The URL without its fragment: two links to the same page compare equal. */
function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** `raw` resolved against `base`, when it is an http(s) URL on the origin of `pageUrl`; else null. */
export function sameOriginUrl(raw: string | null | undefined, pageUrl: string, base: string = pageUrl): string | null {
  if (raw === null || raw === undefined) return null;
  let url: URL;
  let page: URL;
  try {
    url = new URL(raw.trim(), base);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.origin !== page.origin) return null;
  return url.toString();
}

/**
 * The base that the page's own relative links resolve against: the portal's <base> in
 * the head, if it has one on its origin, else the page's URL. A <base> elsewhere (a
 * message body can carry one) is not the portal's.
 */
export function portalBase(doc: Document, pageUrl: string): string {
  const base = headOf(doc)?.querySelector(':scope > base[href]')?.getAttribute('href');
  return (base && sameOriginUrl(base, pageUrl)) || pageUrl;
}

/** Whether two URLs name the same page (same URL but for the fragment). */
export function samePage(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && withoutFragment(a) === withoutFragment(b);
}
