/**
 * Finding the portal's frame (utils/portal/frame.ts) again on a page: where its menu,
 * label, inbox entry and chooser panel stand, and the regions where the page shows its
 * own content, whose contents are never believed.
 *
 * The fork may be the body or an element up to MAX_FORK_DEPTH levels below it (pages of
 * another type wrap the same interface in other containers). From each such element, routes are followed child by child, depth for
 * depth (no sibling ranks: a notice, a flash message or a skip link inserted before the
 * header changes nothing), a step fitting an element when tag and role agree and the
 * id and classes do not contradict it. Then the signals must agree:
 * - a menu is placed only together with the content region, the two routes parting
 *   exactly where they parted on the menu's page (the menu stands beside the content,
 *   never inside it);
 * - a content region confirmed so, by the menu or by the folder list's inbox entry, is
 *   where messages are: nothing inside any of them is believed, wherever else it fits;
 * - exactly one menu may remain, else nothing is believed (`unsure`);
 * - the label, the inbox entry and the chooser panel are believed only where their
 *   routes put them beside that menu; a part the frame has no place for believes nothing.
 * A message sits inside the content region of its page, so its imitation of the menu
 * can only be placed by imitating the whole frame inside that region, and that region,
 * confirmed by the portal's own menu or folder list, excludes it. Profile hints pin
 * what the routes cannot follow: the one header a hint names outside those regions holds
 * the menu instead, and regions named as showing messages are excluded like the content.
 */
import { bodyOf } from './document-parts';
import { type FrameRoute, type FrameStep, fits, lineage, MAX_FORK_DEPTH, type PortalFrame } from './frame';

/** Elements followed at each step of a route, at the most. */
const MAX_FRONTIER = 200;

/** A place found for a part: the elements from the fork's child down to the part. */
type Placed = Element[];

const partOf = (placed: Placed) => placed[placed.length - 1] as Element;

/** The places of `route` below `fork`, followed child by child. */
function follow(fork: Element, route: FrameRoute, steps: readonly FrameStep[]): Placed[] {
  let frontier: Placed[] = [[]];
  for (const index of route) {
    const step = steps[index];
    if (!step) return [];
    const next: Placed[] = [];
    for (const placed of frontier) {
      const parent = placed.length ? partOf(placed) : fork;
      for (const child of parent.children) {
        if (next.length >= MAX_FRONTIER) break;
        if (fits(child, step)) next.push([...placed, child]);
      }
    }
    frontier = next;
    if (frontier.length === 0) break;
  }
  return frontier;
}

/**
 * Whether two places stand as their routes did on the menu's page: the same elements
 * where the routes share their steps, then different ones (side by side, neither inside
 * the other).
 */
function standApart(a: Placed, routeA: FrameRoute, b: Placed, routeB: FrameRoute): boolean {
  let shared = 0;
  while (shared < routeA.length && shared < routeB.length && routeA[shared] === routeB[shared]) shared += 1;
  for (let i = 0; i < shared; i += 1) if (a[i] !== b[i]) return false;
  return shared < a.length && shared < b.length && a[shared] !== b[shared];
}

export interface LocatedFrame {
  /** The portal's « Changer de compte » entry, when exactly one candidate stands where the frame puts it. */
  switchEntry: Element | null;
  label: Element | null;
  inboxLink: Element | null;
  chooserPanel: Element | null;
  /** The regions that show the page's own content (messages): nothing inside them is the portal's. */
  content: Element[];
  /** How many distinct menu candidates stood where the frame puts them (1: believed). */
  placedMenus: number;
}

export interface FrameCandidates {
  /** The page's « Changer de compte » entries (utils/portal/menu.ts). */
  switchEntries: readonly Element[];
  /** The page's « Boîte de réception » entries (utils/portal/inbox.ts). */
  inboxEntries: readonly Element[];
  /** Regions a profile hint names as showing messages: excluded like the content. */
  messageRegions?: readonly Element[];
  /**
   * With a profile hint for the portal's header, the elements it names: the one of them
   * outside the regions that show content holds the menu instead of the routes (none, or
   * several, and no menu is believed).
   */
  headers?: readonly Element[];
}

/** The forks to try: <body> and the ancestors of candidates within MAX_FORK_DEPTH of it, shallowest first. */
function forksOf(doc: Document, candidates: readonly Element[]): Element[] {
  const body = bodyOf(doc);
  if (!body) return [];
  const forks = new Set<Element>([body]);
  for (const candidate of candidates) {
    const chain = lineage(candidate);
    if (chain) for (const ancestor of chain.slice(1, MAX_FORK_DEPTH + 1)) forks.add(ancestor);
  }
  const depth = (element: Element) => lineage(element)?.length ?? Number.POSITIVE_INFINITY;
  return [...forks].sort((a, b) => depth(a) - depth(b));
}

interface PlacedMenu {
  fork: Element;
  placed: Placed;
}

/** Where the frame puts the portal's interface on `doc` (see the module header). */
export function locateFrame(doc: Document, frame: PortalFrame, candidates: FrameCandidates): LocatedFrame {
  const switches = new Set(candidates.switchEntries);
  const inboxes = new Set(candidates.inboxEntries);
  const content = new Set<Element>(candidates.messageRegions ?? []);
  const menus: PlacedMenu[] = [];

  for (const fork of forksOf(doc, [...candidates.switchEntries, ...candidates.inboxEntries])) {
    const regions = follow(fork, frame.content, frame.steps);
    if (regions.length === 0) continue;
    const menusHere = follow(fork, frame.switchEntry, frame.steps).filter((placed) => switches.has(partOf(placed)));
    const inboxesHere = frame.inboxLink
      ? follow(fork, frame.inboxLink, frame.steps).filter((placed) => inboxes.has(partOf(placed)))
      : [];
    for (const region of regions) {
      const byMenu = menusHere.filter((menu) => standApart(menu, frame.switchEntry, region, frame.content));
      const byInbox =
        frame.inboxLink !== null &&
        inboxesHere.some((inbox) => standApart(inbox, frame.inboxLink as FrameRoute, region, frame.content));
      if (byMenu.length > 0 || byInbox) content.add(partOf(region));
      for (const placed of byMenu) menus.push({ fork, placed });
    }
  }

  const outsideContent = (element: Element) => ![...content].some((region) => region.contains(element));
  const headers = candidates.headers?.filter(outsideContent);
  const header = headers?.length === 1 ? headers[0] : undefined;
  const believable = !headers
    ? [...new Set(menus.map((menu) => partOf(menu.placed)))].filter(outsideContent)
    : candidates.switchEntries.filter((entry) => header?.contains(entry));
  const switchEntry = believable.length === 1 ? (believable[0] as Element) : null;
  const located: LocatedFrame = {
    switchEntry,
    label: null,
    inboxLink: null,
    chooserPanel: null,
    content: [...content],
    placedMenus: believable.length,
  };
  if (!switchEntry) return located;

  // The other parts, beside this menu as on the menu's page (with a pinned header: where their routes put them).
  const menu = menus.find((placed) => partOf(placed.placed) === switchEntry);
  const beside = (route: FrameRoute | null, accept: (element: Element) => boolean): Element | null => {
    if (!route) return null;
    const found = new Set<Element>();
    for (const fork of menu ? [menu.fork] : forksOf(doc, [switchEntry])) {
      for (const placed of follow(fork, route, frame.steps)) {
        const element = partOf(placed);
        if (!accept(element) || !outsideContent(element)) continue;
        if (!menu || standApart(menu.placed, frame.switchEntry, placed, route)) found.add(element);
      }
      if (!menu && found.size > 0) break;
    }
    return found.size === 1 ? ([...found][0] as Element) : null;
  };
  located.label = beside(frame.label, () => true);
  located.inboxLink = beside(frame.inboxLink, (element) => inboxes.has(element));
  located.chooserPanel = beside(frame.chooserPanel, () => true);
  return located;
}
