/**
 * The account chooser: every account the user may use, each with its address and
 * possibly a display name, an unread count and a mark of the active one, and the way
 * to activate it (a form with its submitter and tokens, or a link). It is a page
 * behind « Changer de compte » or a panel in the page; it is found by its heading
 * text, or, on the chooser page itself, in the whole page. Which chooser is the
 * portal's is decided by the caller (utils/portal/page.ts); here, an entry whose link
 * or form leads off the page's origin is no entry at all.
 */
import { bodyOf } from './document-parts';
import { MAX_CHOOSER_ENTRIES } from './limits';
import { portalBase, sameOriginUrl } from './links';
import type { SelectorProfile } from './profile';
import { queryHintAll } from './profile';
import { addressesIn, boundedName, fold, shownText, startsWithAny, textPieces } from './text';

export type ChooserAction =
  /** `action`: where the form posts, checked to be on the page's origin. */
  | { kind: 'form'; form: HTMLFormElement; submitter: HTMLElement | null; action: string }
  | { kind: 'link'; href: string };

/**
 * An account as the chooser shows it in the page, with the way to activate it (form
 * elements): it never leaves the page; the background receives `ChooserEntry`
 * (utils/protocol/shapes.ts), the same without `action`.
 */
export interface ChooserEntryInPage {
  address: string;
  name: string | null;
  unread: number | null;
  current: boolean;
  action: ChooserAction;
}

export interface Chooser {
  root: Element;
  entries: ChooserEntryInPage[];
  /** More accounts than MAX_CHOOSER_ENTRIES: the rest were left out. */
  truncated: boolean;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading], legend, caption';
const ENTRY_CONTAINERS = 'li, tr, [role=listitem], [role=row], [role=option], [role=menuitem]';
const SUBMITTERS = 'button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]';
const UNREAD = /^\(?(\d{1,5})\)?(?:\s*(?:non[- ]lus?|nouveaux?|messages? non lus?))?$/i;

function unreadIn(pieces: string[]): number | null {
  for (const piece of pieces) {
    const match = UNREAD.exec(piece);
    if (match) return Number(match[1]);
  }
  return null;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']' };

/** The piece without « (compte actif) » or « [actif] »: a marker in brackets, matched as text. */
function stripActiveMarker(piece: string, profile: SelectorProfile): string {
  const markers = new Set(profile.texts.activeMarker.map(fold));
  for (let open = 0; open < piece.length; open += 1) {
    const closer = CLOSING[piece[open] as string];
    if (!closer) continue;
    const close = piece.indexOf(closer, open + 1);
    if (close === -1) continue;
    if (markers.has(fold(piece.slice(open + 1, close)))) {
      return `${piece.slice(0, open)} ${piece.slice(close + 1)}`.replace(/\s+/g, ' ').trim();
    }
  }
  return piece.trim();
}

function isCurrent(entry: Element, pieces: string[], profile: SelectorProfile): boolean {
  const marked = entry.closest('[aria-current]:not([aria-current=false]), [aria-selected=true], [aria-checked=true]');
  if (marked || entry.querySelector('[aria-current]:not([aria-current=false])')) return true;
  return pieces.some((piece) => stripActiveMarker(piece, profile) !== piece);
}

function describeEntry(
  entry: Element,
  address: string,
  action: ChooserAction,
  profile: SelectorProfile,
): ChooserEntryInPage {
  const pieces = textPieces(entry);
  const controlText = action.kind === 'form' && action.submitter ? fold(shownText(action.submitter)) : '';
  const name =
    pieces
      .map((piece) => stripActiveMarker(piece, profile))
      .find(
        (piece) =>
          piece !== '' &&
          !addressesIn(piece).length &&
          !UNREAD.test(piece) &&
          fold(piece) !== controlText &&
          !profile.texts.activeMarker.some((marker) => fold(piece) === fold(marker)),
      ) ?? null;
  return {
    address,
    name: name === null ? null : boundedName(name),
    unread: unreadIn(pieces),
    current: isCurrent(entry, pieces, profile),
    action,
  };
}

/**
 * The fields a chooser entry's form sends, as the portal wrote them (its tokens
 * included) and its submitter's: what a copy of the form submits from another page.
 */
export function chooserFormFields(action: Extract<ChooserAction, { kind: 'form' }>): [string, string][] {
  const fields: [string, string][] = [];
  for (const field of action.form.querySelectorAll('input, select, textarea')) {
    const type = field.getAttribute('type') ?? 'text';
    const name = field.getAttribute('name');
    if (!name || ['submit', 'button', 'image', 'reset'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !field.hasAttribute('checked')) continue;
    fields.push([name, field.getAttribute('value') ?? field.textContent ?? '']);
  }
  const submitterName = action.submitter?.getAttribute('name');
  if (submitterName) fields.push([submitterName, action.submitter?.getAttribute('value') ?? '']);
  return fields;
}

/** The one address an entry stands for: in its text, else in its form's fields. */
function entryAddress(entry: Element, form: HTMLFormElement | null, submitter: Element | null): string | null {
  const inText = addressesIn(shownText(entry));
  if (inText.length === 1) return inText[0] as string;
  if (inText.length > 1) return null;
  const values = [submitter?.getAttribute('value') ?? ''];
  if (form)
    for (const hidden of form.querySelectorAll('input[type=hidden]')) values.push(hidden.getAttribute('value') ?? '');
  const inFields = addressesIn(values.join(' '));
  return inFields.length === 1 ? (inFields[0] as string) : null;
}

/**
 * The entries inside `root`, but those inside `exclude` (the label and its menu, which
 * may show an address too), on the origin of `pageUrl`, MAX_CHOOSER_ENTRIES at the most.
 */
export function readChooserIn(
  root: Element,
  profile: SelectorProfile,
  pageUrl: string,
  exclude: readonly Element[] = [],
): Chooser | null {
  const found = new Map<string, ChooserEntryInPage>();
  const base = portalBase(root.ownerDocument, pageUrl);
  let truncated = false;
  const hinted = queryHintAll(root, profile.hints.chooserEntry);
  const entryOf = (control: Element) =>
    (hinted.find((h) => h.contains(control)) ?? control.closest(ENTRY_CONTAINERS)) || control;
  const add = (entry: Element, address: string | null, action: () => ChooserAction | null) => {
    if (!address || found.has(address) || !root.contains(entry) || exclude.some((x) => x.contains(entry))) return;
    if (found.size >= MAX_CHOOSER_ENTRIES) {
      truncated = true;
      return;
    }
    const activation = action();
    if (activation) found.set(address, describeEntry(entry, address, activation, profile));
  };
  for (const submitter of root.querySelectorAll<HTMLElement>(SUBMITTERS)) {
    const form = submitter.closest('form');
    if (!form) continue;
    const entry = entryOf(submitter);
    add(entry, entryAddress(entry, form, submitter), () => {
      // No action: the form posts to its own page. Elsewhere: not the portal's chooser.
      const action = sameOriginUrl(form.getAttribute('action') || pageUrl, pageUrl, base);
      return action ? { kind: 'form', form, submitter, action } : null;
    });
  }
  for (const link of root.querySelectorAll('a[href]')) {
    const entry = entryOf(link);
    add(entry, entryAddress(entry, null, null), () => {
      const href = link.getAttribute('href') ?? '';
      const target = href.trim().startsWith('#') ? null : sameOriginUrl(href, pageUrl, base);
      return target ? { kind: 'link', href: target } : null;
    });
  }
  return found.size > 0 ? { root, entries: [...found.values()], truncated } : null;
}

/**
 * Reads the chooser under a « Changer de compte » heading. `wholePage`: this document is
 * the chooser page itself (reached through the « Changer de compte » link), so entries
 * may be anywhere but in `exclude`.
 */
export function readChooser(
  doc: Document,
  profile: SelectorProfile,
  options: { pageUrl: string; wholePage?: boolean; exclude?: Element[] },
): Chooser | null {
  const body = bodyOf(doc);
  const { pageUrl, exclude = [] } = options;
  const headings = [...doc.querySelectorAll(HEADINGS)].filter((h) =>
    startsWithAny(shownText(h), profile.texts.switchAccount),
  );
  for (const heading of headings) {
    for (let scope = heading.parentElement; scope; scope = scope.parentElement) {
      const chooser = readChooserIn(scope, profile, pageUrl, exclude);
      if (chooser) return chooser;
      if (scope === body) break;
    }
  }
  if (!options.wholePage || !body) return null;
  return readChooserIn(body, profile, pageUrl, exclude);
}
