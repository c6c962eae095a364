/**
 * The account chooser: every account the user may use, each with its address and
 * possibly a display name, an unread count and a mark of the active one, and the way
 * to activate it (a form with its submitter and tokens, or a link). It is a page
 * behind « Changer de compte » or a panel in the page; it is found by its heading
 * text, or, on the chooser page itself, in the whole page.
 */
import type { SelectorProfile } from './profile';
import { queryHintAll } from './profile';
import { addressesIn, boundedName, fold, shownText, startsWithAny, textPieces } from './text';

export type ChooserAction =
  | { kind: 'form'; form: HTMLFormElement; submitter: HTMLElement | null }
  | { kind: 'link'; href: string };

export interface ChooserEntry {
  address: string;
  name: string | null;
  unread: number | null;
  current: boolean;
  action: ChooserAction;
}

export interface Chooser {
  root: Element;
  entries: ChooserEntry[];
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

function stripActiveMarker(piece: string, profile: SelectorProfile): string {
  let result = piece;
  for (const marker of profile.texts.activeMarker) {
    result = result.replace(
      new RegExp(`\\s*[(\\[]\\s*${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[)\\]]\\s*`, 'i'),
      ' ',
    );
  }
  return result.trim();
}

function isCurrent(entry: Element, pieces: string[], profile: SelectorProfile): boolean {
  const marked = entry.closest('[aria-current]:not([aria-current=false]), [aria-selected=true], [aria-checked=true]');
  if (marked || entry.querySelector('[aria-current]:not([aria-current=false])')) return true;
  return pieces.some((piece) => stripActiveMarker(piece, profile) !== piece);
}

function describeEntry(entry: Element, address: string, action: ChooserAction, profile: SelectorProfile): ChooserEntry {
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

function entriesIn(root: Element, profile: SelectorProfile): ChooserEntry[] {
  const found = new Map<string, ChooserEntry>();
  const hinted = queryHintAll(root, profile.hints.chooserEntry);
  for (const submitter of root.querySelectorAll<HTMLElement>(SUBMITTERS)) {
    const form = submitter.closest('form');
    if (!form) continue;
    const entry = (hinted.find((h) => h.contains(submitter)) ?? submitter.closest(ENTRY_CONTAINERS)) || submitter;
    if (!root.contains(entry)) continue;
    const address = entryAddress(entry, form, submitter);
    if (address && !found.has(address)) {
      found.set(address, describeEntry(entry, address, { kind: 'form', form, submitter }, profile));
    }
  }
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (/^(mailto:|javascript:|#)/i.test(href.trim())) continue;
    const entry = (hinted.find((h) => h.contains(link)) ?? link.closest(ENTRY_CONTAINERS)) || link;
    const address = entryAddress(entry, null, null);
    if (address && !found.has(address)) {
      const target = new URL(href, link.ownerDocument.baseURI).toString();
      found.set(address, describeEntry(entry, address, { kind: 'link', href: target }, profile));
    }
  }
  return [...found.values()];
}

/**
 * Reads the chooser. `wholePage`: this document is the chooser page itself (reached
 * through the « Changer de compte » link), so entries may be anywhere but in `exclude`
 * (the label and its menu, which may show an address too).
 */
export function readChooser(
  doc: Document,
  profile: SelectorProfile,
  options: { wholePage?: boolean; exclude?: Element[] } = {},
): Chooser | null {
  const headings = [...doc.querySelectorAll(HEADINGS)].filter((h) =>
    startsWithAny(shownText(h), profile.texts.switchAccount),
  );
  for (const heading of headings) {
    for (let scope = heading.parentElement; scope; scope = scope.parentElement) {
      const entries = entriesIn(scope, profile).filter(
        (e) => !options.exclude?.some((x) => e.action.kind === 'form' && x.contains(e.action.form)),
      );
      if (entries.length > 0) return { root: scope, entries };
      if (scope === doc.body) break;
    }
  }
  if (!options.wholePage || !doc.body) return null;
  const entries = entriesIn(doc.body, profile).filter((entry) => {
    const element = entry.action.kind === 'form' ? entry.action.form : null;
    return !options.exclude?.some((x) => element && x.contains(element));
  });
  return entries.length > 0 ? { root: doc.body, entries } : null;
}
