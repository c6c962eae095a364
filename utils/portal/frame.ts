/**
 * The portal's frame: where, in the portal's pages, its interface stands (the account
 * menu, its label, the folder list's « Boîte de réception », a chooser panel) and where
 * each page shows its own content. A webmail page also shows text written by strangers
 * (docs/portal-contract.md, point 9): a message can imitate every text of the contract,
 * so texts and roles alone cannot tell the portal from a message; a place can.
 *
 * What a frame is. On one of the menu's own pages (no mail there), the parts are found
 * and so is the page's content region (the largest ancestor of that page's content, the
 * chooser or the account table, that holds no part): another page shows its messages
 * there. The smallest element holding every part and the content is the *fork*; each
 * part is stored as its route from the fork, one step per element: the tag, its role,
 * its id and classes when they look written by hand (an id like `ext-gen1234`, `j_idt45`
 * or a hash is generated, and no id at all). Routes share their steps where the parts
 * share ancestors, so the frame is a small tree.
 *
 * How it is found again on other pages: utils/portal/locate-frame.ts.
 *
 * The trade-off: a portal that moves its menu away from where its menu's pages show it
 * (not merely wrapped, renamed or preceded by a notice) no longer matches; the page is
 * then `unsure`, the extension learns the frame again, and IT can pin the header and the
 * message region with profile hints (utils/portal/page.ts).
 */

import { bodyOf } from './document-parts';
import { MAX_PATH_STEPS, MAX_STEP_CLASSES } from './limits';

/** One element of a route: what an element must be to stand there. */
export interface FrameStep {
  /** Lower-case tag name. */
  tag: string;
  /** Its first role token, lower-case, or null. */
  role: string | null;
  /** Its id, when it looks written by hand, else null. */
  id: string | null;
  /** Its classes that look written by hand, sorted (at most MAX_STEP_CLASSES). */
  classes: string[];
}

/** A route from the fork to a part: indices into the frame's steps, from the fork's child down. */
export type FrameRoute = number[];

export interface PortalFrame {
  version: 2;
  /** Every element of the routes, once (parts that share ancestors share their steps). */
  steps: FrameStep[];
  /** The account menu's « Changer de compte » entry. */
  switchEntry: FrameRoute;
  /** The label showing the active mailbox. */
  label: FrameRoute | null;
  /** The folder list's « Boîte de réception ». */
  inboxLink: FrameRoute | null;
  /** The root of a chooser shown in place (a panel), when the portal has one on every page. */
  chooserPanel: FrameRoute | null;
  /** The region where the menu's pages show their own content, and other pages their messages. */
  content: FrameRoute;
}

type FramePart = 'switchEntry' | 'label' | 'inboxLink' | 'chooserPanel' | 'content';

/** How far below <body> the fork may stand (wrappers around the whole interface). */
export const MAX_FORK_DEPTH = 4;

/**
 * Whether an id or a class looks generated rather than written by hand: a run of
 * digits (`ext-gen1234`, `j_idt45`, `ember123`), a hexadecimal run holding a digit (a
 * hash, a uuid), a colon (`:r1:`), or letters and digits mixed as tokens are (`a1b2c3`).
 */
export function looksGenerated(token: string): boolean {
  return (
    /\d{2,}/.test(token) ||
    /:/.test(token) ||
    /(?=[0-9a-f]*\d)[0-9a-f]{6,}/i.test(token) ||
    /\d[a-z]+\d|[a-z]\d[a-z]\d/i.test(token) ||
    token.length > 60
  );
}

function roleOf(element: Element): string | null {
  const role = element.getAttribute('role')?.trim().split(/\s+/)[0]?.toLowerCase();
  return role || null;
}

function stableId(element: Element): string | null {
  const id = element.getAttribute('id')?.trim();
  return id && !looksGenerated(id) ? id : null;
}

function stableClasses(element: Element): string[] {
  const names = (element.getAttribute('class') ?? '').split(/\s+/).filter((name) => name && !looksGenerated(name));
  return [...new Set(names)].sort().slice(0, MAX_STEP_CLASSES);
}

/** What `element` is, as a step of a route. */
export function stepOf(element: Element): FrameStep {
  return {
    tag: element.localName.toLowerCase(),
    role: roleOf(element),
    id: stableId(element),
    classes: stableClasses(element),
  };
}

/**
 * Whether `element` may stand at `step`: same tag and role; an id and classes that do not
 * contradict it (a side without a hand-written id, or without classes, says nothing).
 */
export function fits(element: Element, step: FrameStep): boolean {
  if (element.localName.toLowerCase() !== step.tag || roleOf(element) !== step.role) return false;
  const id = stableId(element);
  if (id !== null && step.id !== null && id !== step.id) return false;
  if (step.classes.length === 0) return true;
  const classes = stableClasses(element);
  return classes.length === 0 || classes.some((name) => step.classes.includes(name));
}

/** The element's ancestors from <body> down to it: index 0 is <body>; null when not under <body>. */
export function lineage(element: Element): Element[] | null {
  const chain: Element[] = [];
  const body = bodyOf(element.ownerDocument);
  for (let current: Element | null = element; current; current = current.parentElement) {
    chain.push(current);
    if (current === body) return chain.reverse();
    if (chain.length > MAX_PATH_STEPS + MAX_FORK_DEPTH + 1) return null;
  }
  return null;
}

export function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  let ancestor: Element | null = first ?? null;
  while (ancestor && !rest.every((element) => ancestor?.contains(element))) ancestor = ancestor.parentElement;
  return ancestor;
}

/** The largest ancestor of `content` that holds none of `frameParts`: where this page shows its own content. */
export function contentRegion(content: Element, frameParts: readonly Element[]): Element {
  let region = content;
  for (let parent = region.parentElement; parent; parent = parent.parentElement) {
    if (frameParts.some((part) => parent.contains(part))) break;
    region = parent;
  }
  return region;
}

export type FrameParts = Partial<Record<Exclude<FramePart, 'switchEntry' | 'content'>, Element | null>> & {
  switchEntry: Element;
  content: Element;
};

/**
 * The frame that the parts found on one of the menu's own pages make, or null when they
 * do not fit one (under <body>, the fork within MAX_FORK_DEPTH of it, routes bounded).
 */
export function frameOfParts(parts: FrameParts): PortalFrame | null {
  const named = (Object.entries(parts) as [FramePart, Element | null | undefined][]).filter(
    (entry): entry is [FramePart, Element] => entry[1] != null,
  );
  const elements = named.map(([, element]) => element);
  if (elements.some((a) => elements.some((b) => a !== b && a.contains(b)))) return null;
  const fork = commonAncestor(elements);
  const forkLineage = fork ? lineage(fork) : null;
  if (!fork || !forkLineage || forkLineage.length - 1 > MAX_FORK_DEPTH) return null;

  const steps: FrameStep[] = [];
  const indexOf = new Map<Element, number>();
  const routeTo = (element: Element): FrameRoute | null => {
    const chain: Element[] = [];
    for (let current: Element | null = element; current && current !== fork; current = current.parentElement) {
      chain.push(current);
      if (chain.length > MAX_PATH_STEPS) return null;
    }
    return chain.reverse().map((step) => {
      let index = indexOf.get(step);
      if (index === undefined) {
        index = steps.push(stepOf(step)) - 1;
        indexOf.set(step, index);
      }
      return index;
    });
  };
  const routes = new Map(named.map(([part, element]) => [part, routeTo(element)]));
  if ([...routes.values()].some((route) => route === null)) return null;
  const route = (part: FramePart) => routes.get(part) ?? null;
  const switchEntry = route('switchEntry');
  const content = route('content');
  if (!switchEntry || !content) return null;
  return {
    version: 2,
    steps,
    switchEntry,
    label: route('label'),
    inboxLink: route('inboxLink'),
    chooserPanel: route('chooserPanel'),
    content,
  };
}

/** Whether a stored frame is well formed: routes within bounds, every index a step. */
export function isWellFormedFrame(frame: PortalFrame): boolean {
  const routes = [frame.switchEntry, frame.label, frame.inboxLink, frame.chooserPanel, frame.content];
  return routes.every(
    (route) =>
      route === null ||
      (route.length >= 1 &&
        route.length <= MAX_PATH_STEPS &&
        route.every((index) => Number.isInteger(index) && index >= 0 && index < frame.steps.length)),
  );
}

/**
 * One frame from two that agree (each found the other page's menu where it put its own):
 * the same tree, each step keeping only what both pages showed of it; otherwise `preferred`.
 */
export function mergeFrames(preferred: PortalFrame, other: PortalFrame): PortalFrame {
  const sameTree =
    preferred.steps.length === other.steps.length &&
    (['switchEntry', 'label', 'inboxLink', 'chooserPanel', 'content'] as const).every(
      (part) => JSON.stringify(preferred[part]) === JSON.stringify(other[part]),
    ) &&
    preferred.steps.every((step, i) => step.tag === other.steps[i]?.tag && step.role === other.steps[i]?.role);
  if (!sameTree) return preferred;
  return {
    ...preferred,
    steps: preferred.steps.map((step, i) => {
      const twin = other.steps[i] as FrameStep;
      return {
        ...step,
        id: step.id === twin.id ? step.id : null,
        classes: step.classes.filter((name) => twin.classes.includes(name)),
      };
    }),
  };
}
