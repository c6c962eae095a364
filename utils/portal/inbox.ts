/**
 * The folder list's « Boîte de réception » entry and its unread count: « Boîte de
 * réception (3) », or the count in an element of its own, or no count when nothing is
 * unread. Page titles with the same words are not links and are left out.
 */
import { ACTIONABLE } from './menu';
import { queryHint, type SelectorProfile } from './profile';
import { shownText, startsWithAny } from './text';

export function findInboxLink(doc: Document, profile: SelectorProfile): Element | null {
  const hinted = queryHint(doc, profile.hints.inboxLink);
  if (hinted) return hinted;
  const matches = [...doc.querySelectorAll(`${ACTIONABLE}, [role=treeitem]`)].filter((el) =>
    startsWithAny(shownText(el), profile.texts.inbox),
  );
  return matches.find((el) => !matches.some((other) => other !== el && el.contains(other))) ?? null;
}

/** The inbox's unread count: a number, 0 when the entry shows none, null when there is no entry. */
export function readInboxUnread(doc: Document, profile: SelectorProfile): number | null {
  const link = findInboxLink(doc, profile);
  if (!link) return null;
  let rest = shownText(link);
  for (const text of profile.texts.inbox) rest = rest.replace(new RegExp(text, 'i'), '');
  const count = /(\d{1,6})/.exec(rest);
  return count ? Number(count[1]) : 0;
}
