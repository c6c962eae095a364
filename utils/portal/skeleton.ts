/**
 * A redacted skeleton of a portal page, for support (issue 14): IT staff may not send
 * portal pages (they show patient data), but may send this. One element per line,
 * indented by depth: its tag, id, classes and attributes, and its own text.
 *
 * Kept: elements, roles and aria attributes, the contract's texts (the profile's, matched
 * as the readers match them, a count allowed after), and nothing it does not know: an id,
 * class, field name, path segment, query key or custom tag is shown only when it is made
 * of the structure's words (skeleton-vocabulary.ts: the portal's and common markup's, the
 * contract's, roles, tags) and numbers of two digits at most; any other is replaced by a
 * hash (« «h:…» »), the same for the same token within the skeletons made in this
 * context and looked up nowhere else (a secret drawn here, never shown). Query values are
 * never shown. A number is shown only beside a contract text (« Boîte de réception » and
 * its count); any other text becomes its length (`"#16"`), any other attribute value
 * too (`«16 car.»`).
 * Scripts and styles keep their element, not their content; comments go; an iframe is
 * listed, not its document; what the extension itself put in the page (its banner, its
 * tab icon, its `data-repere-bal…` attributes) is left out. Bounded in lines, depth and work; never throws.
 * Pure DOM, no extension API: it runs in Chrome's offscreen document and in Firefox's background page.
 */
import { rootOf } from './document-parts';
import { portalBase } from './links';
import { OWN_ATTRIBUTE_PREFIX, OWN_MARK, OWN_TAG_PREFIX } from './own-marks';
import type { SelectorProfile } from './profile';
import { decode, masked, pathOf, type TokenContext, token, urlOf } from './skeleton-tokens';
import * as V from './skeleton-vocabulary';
import { addressesIn, isEntryText, tidy } from './text';

export const SKELETON_MAX_LINES = 5000;
export const SKELETON_MAX_DEPTH = 60;
/** Elements looked at, at the most (to learn the page's words and count what was cut). */
const MAX_VISITS = 300_000;
const MAX_WORDS = 100_000;
const MAX_ATTRIBUTES = 20;
const MAX_CLASSES = 12;

interface Context extends TokenContext {
  texts: string[];
  /** Words of the contract's texts: the portal's own, never taken for personal data. */
  ownWords: Set<string>;
  /** Words of what the skeleton hides: a keyword sharing one is hidden too. */
  vocab: Set<string>;
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const quoted = (value: string) => (/^[^\s"[\]]*$/.test(value) ? value : JSON.stringify(value));

function learn(text: string, ctx: Context): void {
  for (const word of plain(text).split(/[^\p{L}]+/u)) {
    if (word.length >= 4 && !ctx.ownWords.has(word) && ctx.vocab.size < MAX_WORDS) ctx.vocab.add(word);
  }
}

/** Whether a token holds, anywhere, a word of what the skeleton hides. */
function sharesWord(token: string, ctx: Context): boolean {
  const text = plain(token);
  for (let i = 0; i + 4 <= text.length; i += 1) {
    for (let j = i + 4; j <= Math.min(text.length, i + 30); j += 1) if (ctx.vocab.has(text.slice(i, j))) return true;
  }
  return false;
}

/** A keyword attribute's token that looks like code and holds no word of what the skeleton hides. */
function isKeyword(token: string, ctx: Context): boolean {
  return (
    V.KEYWORD.test(token) &&
    !/\d{4,}/.test(token) &&
    !token.split(/[-_.]+/).some((part) => /^[A-Z][a-z]+$/.test(part)) &&
    !sharesWord(token, ctx)
  );
}

/** A text as shown: a contract text (a count may follow); else null. */
function keptText(text: string, ctx: Context): string | null {
  const tidied = tidy(text);
  return tidied === '' || isEntryText(tidied, ctx.texts) ? tidied : null;
}

function keyword(value: string, ctx: Context): boolean {
  const tokens = tidy(value).split(' ');
  return tokens.length <= 10 && tokens.every((t) => V.NUMBER_VALUE.test(t) || isKeyword(t, ctx));
}

function attributeValue(el: Element, name: string, value: string, ctx: Context): string {
  if (name.startsWith('on') || name === 'style') return masked(value);
  if (V.URL_ATTRS.has(name)) return urlOf(value, ctx);
  if (name === 'value' && el.getAttribute('type')?.toLowerCase() === 'password') return masked(value);
  if (V.TEXT_ATTRS.has(name) || name.startsWith('data-')) {
    const kept = keptText(value, ctx);
    return kept === null ? masked(value) : quoted(kept);
  }
  const tokens = tidy(value).split(' ');
  if (name === 'role') return tokens.every((r) => V.ROLES.has(r.toLowerCase())) ? quoted(tidy(value)) : masked(value);
  if (V.IDREF_ATTRS.has(name)) return quoted(tokens.map((t) => token(t, ctx)).join(' '));
  if (name.startsWith('aria-')) {
    const token = value.trim().toLowerCase();
    return V.ARIA_VALUES.has(token) || V.NUMBER_VALUE.test(token) ? token : masked(value);
  }
  if (V.CODE_ATTRS.has(name)) return token(value, ctx);
  if (V.KEYWORD_ATTRS.has(name)) return keyword(value, ctx) ? quoted(tidy(value)) : masked(value);
  return masked(value);
}

function attributes(el: Element, ctx: Context): string {
  let out = '';
  const id = el.getAttribute('id');
  if (id) out += `#${token(id, ctx)}`;
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  for (const name of classes.slice(0, MAX_CLASSES)) out += `.${token(name, ctx)}`;
  if (classes.length > MAX_CLASSES) out += `.«+${classes.length - MAX_CLASSES} classes»`;
  let shown = 0;
  let extra = 0;
  for (let i = 0; i < el.attributes.length; i += 1) {
    const attr = el.attributes[i] as Attr;
    const name = attr.name.toLowerCase();
    if (name === 'id' || name === 'class' || name.startsWith(OWN_ATTRIBUTE_PREFIX)) continue;
    if (shown >= MAX_ATTRIBUTES) {
      extra += 1;
      continue;
    }
    shown += 1;
    const label = V.KNOWN_ATTRS.has(name) ? attr.name : token(attr.name, ctx);
    out += attr.value === '' ? `[${label}]` : `[${label}=${attributeValue(el, name, attr.value, ctx)}]`;
  }
  return extra ? `${out}[+${extra} attributs]` : out;
}

/** The element's own text: the text nodes that are its children, tidied. */
function directText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) text += ` ${node.nodeValue ?? ''}`;
  }
  return tidy(text);
}

/** Whether a number in `el` is a count the contract shows: its element follows, or sits in, a contract text. */
function besideContractText(el: Element, ctx: Context): boolean {
  return [el.previousElementSibling, el.parentElement].some((near) => near && isEntryText(directText(near), ctx.texts));
}

/** The element's own text, as shown; learns the words of a hidden one. */
function ownText(el: Element, ctx: Context): string {
  if (V.OPAQUE.has(el.localName.toLowerCase())) return '';
  const tidied = directText(el);
  if (tidied === '') return '';
  const kept = keptText(tidied, ctx) ?? (V.NUMBER.test(tidied) && besideContractText(el, ctx) ? tidied : null);
  if (kept !== null) return ` ${JSON.stringify(kept)}`;
  learn(tidied, ctx);
  return ` "#${tidied.length}"`;
}

/** Learns the words of the attribute values the skeleton hides, and of every address in any. */
function learnAttributes(el: Element, ctx: Context): void {
  for (let i = 0; i < el.attributes.length; i += 1) {
    const { name, value } = el.attributes[i] as Attr;
    const lower = name.toLowerCase();
    if ((V.TEXT_ATTRS.has(lower) || lower.startsWith('data-')) && keptText(value, ctx) === null) learn(value, ctx);
    for (const address of addressesIn(V.URL_ATTRS.has(lower) ? decode(value).replace(/[/?&=#:]/g, ' ') : value))
      learn(address, ctx);
  }
}

/** An element the extension put in the page: its banner's host, or one it marks as its own. */
function isOwnMark(el: Element): boolean {
  return el.localName.toLowerCase().startsWith(OWN_TAG_PREFIX) || el.hasAttribute(OWN_MARK);
}

interface Entry {
  el: Element;
  depth: number;
  text: string;
}

/** Walks the tree without recursion: the listed entries, and how many were cut. */
function walk(root: Element, ctx: Context) {
  const entries: Entry[] = [];
  let deeper = 0;
  let beyond = 0;
  let visits = 0;
  let el: Element | null = root;
  let depth = 0;
  while (el && visits < MAX_VISITS) {
    visits += 1;
    // The extension's own marks (its banner, its tab icon) are not the portal's structure.
    const own: boolean = el !== root && isOwnMark(el);
    if (!own) {
      const text = ownText(el, ctx);
      learnAttributes(el, ctx);
      if (depth >= SKELETON_MAX_DEPTH) deeper += 1;
      else if (entries.length >= SKELETON_MAX_LINES) beyond += 1;
      else entries.push({ el, depth, text });
    }
    const child: Element | null = own || V.OPAQUE.has(el.localName.toLowerCase()) ? null : el.firstElementChild;
    if (child) {
      el = child;
      depth += 1;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth -= 1;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return { entries, deeper, beyond, partial: el !== null };
}

function tagOf(el: Element, ctx: Context): string {
  const tag = el.localName;
  return V.TAGS.has(tag.toLowerCase()) ? tag : token(tag, ctx);
}

function contextFor(doc: Document, profile: SelectorProfile, pageUrl: string): Context {
  const texts = [...Object.values(profile.texts).flat(), ...V.EXTRA_TEXTS];
  const ownWords = new Set([...V.UI_WORDS, ...texts.flatMap((text) => plain(text).split(/[^\p{L}]+/u))]);
  const known = new Set([...ownWords, ...V.STRUCTURE_WORDS, ...V.ROLES, ...V.TAGS, ...V.ARIA_VALUES]);
  let origin: string | null = null;
  try {
    const page = new URL(pageUrl);
    if (page.protocol === 'http:' || page.protocol === 'https:') origin = page.origin;
  } catch {
    // An unreadable page URL: every link is « elsewhere ».
  }
  return { texts, ownWords, known, vocab: new Set(), origin, base: origin ? portalBase(doc, pageUrl) : 'about:blank' };
}

const HEADER = 'Repère BAL : squelette de page (structure seule, textes masqués)';

/** The redacted structure of the page, one element per line (see the module header). */
export function pageSkeleton(doc: Document, profile: SelectorProfile, pageUrl: string): string {
  const lines: string[] = [];
  try {
    const ctx = contextFor(doc, profile, pageUrl);
    const root = rootOf(doc);
    if (!root) return [`<!-- ${HEADER} — ${where(ctx, pageUrl)} -->`, '<!-- document vide -->'].join('\n');
    const { entries, deeper, beyond, partial } = walk(root, ctx);
    lines.push(`<!-- ${HEADER} — ${where(ctx, pageUrl)} -->`);
    for (const { el, depth, text } of entries)
      lines.push(`${'  '.repeat(depth)}${tagOf(el, ctx)}${attributes(el, ctx)}${text}`);
    const atLeast = partial ? 'au moins ' : '';
    if (deeper) lines.push(`<!-- coupé : ${atLeast}${deeper} éléments au-delà de ${SKELETON_MAX_DEPTH} niveaux -->`);
    if (beyond) lines.push(`<!-- coupé : ${SKELETON_MAX_LINES} éléments au plus, ${atLeast}${beyond} autres omis -->`);
    if (partial && !deeper && !beyond) lines.push('<!-- coupé : page trop grande, la suite est omise -->');
  } catch (error) {
    if (lines.length === 0) lines.push(`<!-- ${HEADER} — «adresse illisible» -->`);
    const name = error instanceof Error && /^\w{1,40}$/.test(error.name) ? error.name : 'erreur';
    lines.push(`<!-- squelette interrompu (${name}) -->`);
  }
  return lines.join('\n');
}

function where(ctx: Context, pageUrl: string): string {
  if (!ctx.origin) return '«adresse illisible»';
  return `${ctx.origin}${pathOf(new URL(pageUrl), ctx)}`;
}
