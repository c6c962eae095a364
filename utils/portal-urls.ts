/**
 * The background's check of every URL it fetches, opens or hands to a page: http(s), on
 * a granted portal origin (the manifest's portal patterns and the policy's origins the
 * browser granted). URLs read from pages were already kept to the page's own origin
 * (utils/portal/url.ts); this second check stands where they enter the background and
 * again where they are used.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';

/** Whether `url` is an http(s) URL matched by one of the portal's match patterns. */
export function isPortalUrl(url: string | null | undefined, portalMatches: readonly string[]): url is string {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return portalMatches.some((match) => {
    try {
      return new MatchPattern(match).includes(parsed.href);
    } catch {
      return false;
    }
  });
}

/** `url` when it is on the portal (and, with `origin`, on that very origin); else null. */
export function portalUrlOrNull(
  url: string | null | undefined,
  portalMatches: readonly string[],
  origin?: string,
): string | null {
  if (!isPortalUrl(url, portalMatches)) return null;
  if (origin !== undefined && new URL(url).origin !== origin) return null;
  return url;
}
