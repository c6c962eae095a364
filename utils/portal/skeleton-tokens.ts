/**
 * How the skeleton (skeleton.ts) shows the page's tokens (ids, classes, field names, path
 * segments, query keys, custom tags) and its links: a token made of the structure's words
 * is itself, any other its hash; a link is its path on the page's origin with query values
 * masked, and no more than « elsewhere » beyond it.
 */

export interface TokenContext {
  /** Words a shown token may be made of: the structure's and the contract's (see skeleton.ts). */
  known: Set<string>;
  origin: string | null;
  base: string;
}

export const masked = (value: string) => `«${value.length} car.»`;

export function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Drawn once per context: hashes agree within it, and cannot be looked up outside it. */
let secret: string | null = null;

/** A token not shown: its hash (FNV-1a over the context's secret and the token). */
function hashed(token: string): string {
  secret ??= [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join('');
  let hash = 0x811c9dc5;
  for (const char of secret + token) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `«h:${hash.toString(36)}»`;
}

/** Where a token splits into words: separators, a lower-case letter before a capital, digits. */
const WORD_BOUNDARY = /[-_.:]+|(?<=[a-z])(?=[A-Z])|(?<=\D)(?=\d)|(?<=\d)(?=\D)/;

/** An id, class, field name, path segment, query key or tag as shown: itself when made of known words, else its hash. */
export function token(value: string, ctx: TokenContext): string {
  const bare = value.replace(/\[\w*\]/g, '');
  const known =
    /^[A-Za-z_][\w:.-]{0,40}$/.test(bare) &&
    bare
      .split(WORD_BOUNDARY)
      .every((part) => part.length <= 1 || /^\d\d$/.test(part) || ctx.known.has(part.toLowerCase()));
  return known ? value : hashed(value);
}

export function pathOf(url: URL, ctx: TokenContext): string {
  const segments = url.pathname.split('/').slice(1);
  let out = '';
  for (const raw of segments.slice(0, 20)) {
    const segment = decode(raw);
    out += `/${segment && token(segment, ctx)}`;
  }
  if (segments.length > 20) out += '/…';
  const pairs = url.search.slice(1).split('&').filter(Boolean);
  // Keys only: a value may be anything the page was asked for (a search, a patient's name).
  const query = pairs.slice(0, 20).map((pair) => {
    const eq = pair.indexOf('=');
    const key = token(decode(eq < 0 ? pair : pair.slice(0, eq)), ctx);
    return eq < 0 ? key : `${key}=${eq === pair.length - 1 ? '' : '…'}`;
  });
  if (pairs.length > 20) query.push('…');
  if (query.length) out += `?${query.join('&')}`;
  const fragment = decode(url.hash.slice(1));
  if (fragment) out += `#${token(fragment, ctx)}`;
  return out.length > 300 ? `${out.slice(0, 299)}…` : out;
}

/** A link: its path on the page's origin, query values masked; elsewhere, no more than that. */
export function urlOf(raw: string, ctx: TokenContext): string {
  const value = raw.trim();
  const fragment = value.startsWith('#') ? decode(value.slice(1)) : null;
  if (fragment !== null) return `#${fragment && token(fragment, ctx)}`;
  let url: URL;
  try {
    url = new URL(value, ctx.base);
  } catch {
    return masked(raw);
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return url.origin === ctx.origin ? pathOf(url, ctx) : '«autre origine»';
  }
  const scheme = url.protocol.slice(0, -1);
  return /^[a-z][a-z0-9+.-]{0,15}$/.test(scheme) ? `${scheme}:${masked(raw)}` : masked(raw);
}
