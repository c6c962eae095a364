/**
 * The portal's frame: where, in the portal's own pages, its interface stands (the
 * account menu and its label, the folder list's « Boîte de réception », a chooser
 * panel). A webmail page also shows text written by strangers: message bodies inline
 * (HTML), subjects and senders (docs/portal-contract.md, point 9). A message can imitate
 * every text of the contract, so texts and roles alone cannot tell the portal from a
 * message; a place can.
 *
 * How it decides:
 * - The frame is learnt only on the portal's own pages that the account menu leads
 *   to, « Changer de compte » (the chooser page) and « Gérer votre compte Medimail »
 *   (the account page): no mail is shown there, so everything there is the portal's.
 *   A page counts as one of them only when it is the page the menu's own link leads to.
 * - A place is an element path from <html>: at each step the tag and the element's id,
 *   or its rank among its siblings of that tag when it has none. A path names one
 *   element; content inside a message body sits under the body's own container, so it
 *   cannot stand at a path that leads through the portal's header or folder list.
 * - A chooser panel (a chooser shown in place) is part of the frame only when it stands
 *   outside the account page's content (the region holding the account table and
 *   neither the menu nor the folder list): the content region of one page is where
 *   another page shows a message.
 * - On every other page the readers accept the menu, the label, the counts and the
 *   panel only where the frame puts them (utils/portal/page.ts). Before any frame is
 *   learnt, a page with more than one account menu is ambiguous and nothing is believed.
 *
 * The trade-off: a portal whose header moves from page to page (or an extension that
 * inserts elements without ids before it) no longer matches its frame; the extension
 * then says it cannot tell, and learns the frame again on the menu's pages, rather
 * than guess.
 */

/** Where an element stands: `body>div#bandeau>ul:2>li:1>a:1` (ids URI-encoded). */
export type ElementPath = string;

export interface PortalFrame {
  /** The account menu's « Changer de compte » entry. */
  switchEntry: ElementPath;
  /** The label showing the active mailbox. */
  label: ElementPath | null;
  /** The folder list's « Boîte de réception ». */
  inboxLink: ElementPath | null;
  /** The root of a chooser shown in place (a panel), when the portal has one on every page. */
  chooserPanel: ElementPath | null;
}

/** Deeper than this, a path is not the portal's frame (and a hostile page cannot make us walk forever). */
export const MAX_PATH_STEPS = 64;

const STEP = /^([a-z][a-z0-9-]*)(?:#([^:>]+)|:(\d{1,4}))$/;

function stepOf(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const id = element.getAttribute('id');
  if (id) return `${tag}#${encodeURIComponent(id)}`;
  let rank = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.tagName === element.tagName) rank += 1;
  }
  return `${tag}:${rank}`;
}

/** The path of `element` from <html>, or null when it is not under <html> or too deep. */
export function pathOf(element: Element): ElementPath | null {
  const root = element.ownerDocument.documentElement;
  const steps: string[] = [];
  for (let current: Element | null = element; current !== root; current = current.parentElement) {
    if (!current || steps.length >= MAX_PATH_STEPS) return null;
    steps.push(stepOf(current));
  }
  return steps.reverse().join('>');
}

/** The element at `path` in `doc`, or null when the page has none there. */
export function elementAt(doc: Document, path: ElementPath | null): Element | null {
  if (!path) return null;
  const steps = path.split('>');
  if (steps.length > MAX_PATH_STEPS) return null;
  let current: Element | null = doc.documentElement;
  for (const step of steps) {
    const match = STEP.exec(step);
    if (!match || !current) return null;
    const [, tag, encodedId, rank] = match;
    const sameTag: Element[] = [...current.children].filter((child) => child.tagName.toLowerCase() === tag);
    if (encodedId !== undefined) {
      let id: string;
      try {
        id = decodeURIComponent(encodedId);
      } catch {
        return null;
      }
      current = sameTag.find((child: Element) => child.getAttribute('id') === id) ?? null;
    } else {
      // An element with an id is named by it: a rank counts the others too, as pathOf does.
      current = sameTag[Number(rank) - 1] ?? null;
      if (current?.hasAttribute('id')) return null;
    }
  }
  return current;
}

/** Whether `path` is a well-formed element path (for validation where frames are stored). */
export function isElementPath(path: string): boolean {
  const steps = path.split('>');
  return steps.length <= MAX_PATH_STEPS && steps.every((step) => STEP.test(step));
}

/**
 * The largest ancestor of `content` that holds none of `frameParts`: the region where
 * this page shows its own content (another page's messages stand in the same region).
 */
export function contentRegion(content: Element, frameParts: readonly Element[]): Element {
  let region = content;
  for (let parent = region.parentElement; parent; parent = parent.parentElement) {
    if (frameParts.some((part) => parent.contains(part))) break;
    region = parent;
  }
  return region;
}
