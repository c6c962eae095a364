/**
 * Profile hints for the portal's frame, as the compatibility check suggests them to IT
 * when a page's interface is not where the menu's own pages show it: CSS selectors for
 * the element holding the account menu and its label (`hints.header`) and for the region
 * where pages show their content (`hints.messageRegion`, never believed). They are written
 * on one of the menu's pages (no mail there: everything is the portal's) from what looks
 * written by hand (ids and classes, utils/portal/frame.ts), innermost first; a header
 * selector must name its element alone on that page. The check keeps the first pair that
 * places the menu on both pages (entrypoints/background/compatibility/frame-check.ts).
 */
import { bodyOf } from './document-parts';
import { commonAncestor, looksGenerated } from './frame';
import { MAX_HINT_LENGTH } from './limits';
import { findMenuPageParts } from './menu-pages';
import type { ReadOptions } from './page';
import type { SelectorProfile } from './profile';

export interface FrameHints {
  header: string[];
  messageRegion: string[];
}

/** Selectors tried at the most, per hint. */
const MAX_CANDIDATES = 6;

/** A token usable as written in a selector (no escaping needed), and not generated. */
const safe = (token: string) => /^[A-Za-z_][\w-]{0,60}$/.test(token) && !looksGenerated(token);

/** `tag#id.class`, with what of the element looks written by hand. */
function compound(element: Element): string {
  const id = element.getAttribute('id')?.trim();
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(safe).slice(0, 3);
  return `${element.localName.toLowerCase()}${id && safe(id) ? `#${id}` : ''}${classes.map((name) => `.${name}`).join('')}`;
}

/** The selectors for `element`: its id, its tag and classes, then its chain of compounds from <body>. */
function selectorsFor(element: Element): string[] {
  const id = element.getAttribute('id')?.trim();
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(safe).slice(0, 3);
  const chain: string[] = [];
  const body = bodyOf(element.ownerDocument);
  for (let current: Element | null = element; current && current !== body; ) {
    chain.unshift(compound(current));
    current = current.parentElement;
  }
  return [
    ...(id && safe(id) ? [`#${id}`] : []),
    ...(classes.length ? [`${element.localName.toLowerCase()}${classes.map((name) => `.${name}`).join('')}`] : []),
    `body > ${chain.join(' > ')}`,
  ].filter((selector) => selector.length <= MAX_HINT_LENGTH);
}

function matches(doc: Document, selector: string): Element[] {
  try {
    return [...doc.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The hints this page suggests, when it is one of the menu's own pages; else null. */
export function frameHintsOf(doc: Document, profile: SelectorProfile, options: ReadOptions): FrameHints | null {
  const parts = findMenuPageParts(doc, profile, options);
  if (!parts) return null;
  const body = bodyOf(doc);
  const header: string[] = [];
  const top = commonAncestor([parts.switchEntry, ...(parts.label ? [parts.label] : [])]);
  for (let element = top; element && element !== body && !element.contains(parts.content); ) {
    for (const selector of selectorsFor(element)) {
      const named = matches(doc, selector);
      if (named.length === 1 && named[0] === element && !header.includes(selector)) header.push(selector);
    }
    element = element.parentElement;
  }
  const messageRegion = selectorsFor(parts.content).filter((selector) =>
    matches(doc, selector).includes(parts.content),
  );
  return { header: header.slice(0, MAX_CANDIDATES), messageRegion: messageRegion.slice(0, MAX_CANDIDATES) };
}
