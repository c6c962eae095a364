/**
 * What the extension may touch: the portal's origins, as match patterns, and the check
 * of every URL the background fetches, opens or hands to a page against them.
 *
 * Production builds cover only the Medimail portal; the e2e build (`npm run build:e2e`)
 * adds loopback so tests can load the simulator, whatever its port (match patterns
 * without a port match every port). At run time the background reads the patterns back
 * from the manifest (and adds the policy's origins the browser granted), so the code
 * never needs to know which build it is in.
 *
 * URLs read from pages were already kept to the page's own origin (utils/portal/links.ts);
 * the second check here stands where they enter the background and again where they are used.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';

export const PORTAL_MATCHES = ['https://medimail.mipih.fr/*'];

export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The portal match patterns this build was made with, read from its manifest. */
export function portalMatchesOf(manifest: { content_scripts?: { matches?: string[] }[] }): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
}

/** Where to open the portal when nothing better is known. */
export const PORTAL_HOME = 'https://medimail.mipih.fr/';

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
