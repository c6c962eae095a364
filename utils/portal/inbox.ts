/**
 * The folder list's « Boîte de réception » entry and its unread count: « Boîte de
 * réception (3) », or the count in an element of its own, or no count when nothing is
 * unread. Page titles with the same words are not links and are left out. A subject or
 * a sender in a message list can read « Boîte de réception (42) » too, so every
 * candidate is returned and the caller keeps the one the frame names (utils/portal/page.ts).
 * Profile texts are matched as text, never compiled into patterns.
 */
import { ACTIONABLE, entriesWithText, shownEntries } from './menu';
import { queryUniqueHint, type SelectorProfile } from './profile';
import { fold, shownText } from './text';

/** Past this many look-alikes, the page's folder list is not looked for further. */
const MAX_INBOX_CANDIDATES = 50;

/** Every element that reads as the « Boîte de réception » entry; with a hint, the one it names alone, or none. */
export function findInboxLinks(doc: Document, profile: SelectorProfile): Element[] {
  if (profile.hints.inboxLink.length > 0) {
    const hinted = queryUniqueHint(doc, profile.hints.inboxLink);
    return hinted ? [hinted] : [];
  }
  const entries = shownEntries(doc, `${ACTIONABLE}, [role=treeitem]`);
  return entriesWithText(entries, profile.texts.inbox).slice(0, MAX_INBOX_CANDIDATES);
}

/** The unread count an inbox entry shows: a number, or 0 when it shows none. */
export function inboxUnreadOf(link: Element, profile: SelectorProfile): number {
  const shown = fold(shownText(link));
  // The longest of the inbox's names that the entry starts with: the rest holds the count.
  const name = profile.texts.inbox
    .map(fold)
    .filter((text) => shown.startsWith(text))
    .reduce((longest, text) => (text.length > longest.length ? text : longest), '');
  const count = /(\d{1,6})/.exec(shown.slice(name.length));
  return count ? Number(count[1]) : 0;
}
