/**
 * Text helpers for reading the portal. The contract matches texts case-insensitively,
 * white space folded; accents are folded too, as a portal may drop them (« Gerer votre
 * compte Medimail », « Boite de reception ») where its guide writes them. Addresses are
 * compared lower-case.
 */

/** Invisible characters a page may put inside words (zero-width spaces and joiners, soft hyphens). */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Text as compared: case, accents and white space folded (non-breaking spaces included). */
export function fold(text: string | null | undefined): string {
  return (text ?? '')
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('fr');
}

/** White space folded, case kept: what a person reads. */
export function tidy(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const ADDRESS_SOURCE =
  "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+";

/** Every e-mail address in a text, lower-cased, in order, without duplicates. */
export function addressesIn(text: string | null | undefined): string[] {
  const found = (text ?? '').match(new RegExp(ADDRESS_SOURCE, 'gi')) ?? [];
  return [...new Set(found.map((address) => address.toLowerCase()))];
}

export function isAddress(text: string): boolean {
  return new RegExp(`^${ADDRESS_SOURCE}$`, 'i').test(text.trim());
}

/** Elements that take no part in what a person sees or hears. */
const SILENT = 'script, style, template, noscript, [aria-hidden="true"]';

/**
 * The text a person is shown by an element: its text nodes, leaving out scripts,
 * styles and parts hidden from assistive technology (decorative initials, icons).
 */
export function shownText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(SILENT)) continue;
    parts.push(node.nodeValue ?? '');
  }
  // Documents from DOMParser have no window, so no instanceof HTMLInputElement here.
  const own = element.tagName === 'INPUT' ? ((element as HTMLInputElement).value ?? '') : '';
  return tidy(`${parts.join(' ')} ${own}`);
}

/** The separate pieces of text inside an element (one per text node), tidied, non-empty. */
export function textPieces(element: Element): string[] {
  const pieces: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(SILENT)) continue;
    const piece = tidy(node.nodeValue);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** Whether the element's text, folded, equals or begins with one of `texts`. */
export function startsWithAny(text: string, texts: readonly string[]): boolean {
  const folded = fold(text);
  return texts.some((wanted) => {
    const target = fold(wanted);
    return folded === target || folded.startsWith(`${target} `) || folded.startsWith(`${target}(`);
  });
}

/** What may follow an entry's name: a count (« (3) », « 3 non lus ») or a mark (« ▾ », « … »). */
const ENTRY_SUFFIX = /^(?:\s*[([]?\s*\d{1,6}\s*[)\]]?(?:\s*(?:non[- ]lus?|nouveaux?))?|\s*[\p{P}\p{S}]{1,3})$/u;

/**
 * Whether a control's text is one of `names`, alone or with a count or a mark after it.
 * Stricter than startsWithAny: a list row that merely begins with « Changer de compte »
 * (a sender's name, then a subject and a date) is not a menu entry.
 */
export function isEntryText(text: string, names: readonly string[]): boolean {
  const folded = fold(text);
  return names.some((name) => {
    const target = fold(name);
    return (
      target !== '' &&
      folded.startsWith(target) &&
      (folded === target || ENTRY_SUFFIX.test(folded.slice(target.length)))
    );
  });
}

/**
 * Portal names and labels are kept to this many characters: enough for any real
 * service name, and a hostile 5,000-character one cannot swell messages or the banner.
 */
export const MAX_NAME_LENGTH = 200;

/** A name as kept: tidied, and cut with an ellipsis past MAX_NAME_LENGTH. */
export function boundedName(text: string): string {
  const tidied = tidy(text);
  return tidied.length > MAX_NAME_LENGTH ? `${tidied.slice(0, MAX_NAME_LENGTH - 1)}…` : tidied;
}
