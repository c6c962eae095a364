/**
 * The compatibility check (options page, « Vérifier la compatibilité avec le portail »):
 * for each point of the contract the extension relies on (docs/portal-contract.md), is it
 * there on this deployment of the portal? It reads the page open in a portal tab with
 * the same readers as the content script, then the pages that page's own menu links to
 * (the chooser page, the account page), by GET, read-only, like the discovery does; never
 * a form submitted, never a switch. The compose form's « Envoyer » is read on the tab's
 * page, else on the page the portal links to for a new message (found on the menu's own
 * pages only, where no mail is shown), else as last seen in a tab.
 *
 * Every effect is injected (tabs, fetching, reading), so that the whole check runs in
 * unit tests on saved portal pages; the report holds numbers and codes, never the page's
 * text: it goes into the diagnostics report that IT sends to support.
 */

import type { PageInspector } from '@/entrypoints/background/polling/html-reader';
import type { FetchedText } from '@/entrypoints/background/polling/poll-runner';
import { REQUEST_TIMEOUT_MS } from '@/entrypoints/background/polling/poll-schedule';
import { frameFor } from '@/entrypoints/background/session/discovery';
import type { StoredState } from '@/entrypoints/background/storage/store';
import type { PortalFrame } from '@/utils/portal/frame';
import { isBelieved, type MenuPage, type PortalPageReading } from '@/utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import { isPortalUrl } from '@/utils/portal-origins';
import type { ContractPoint, ContractPointName, FrameCheck, PortalCheckReport } from '@/utils/protocol/messages';
import { checkFrame, type InspectedPage } from './frame-check';

/** The page open in a portal tab, as the tab shows it now. */
export interface TabPage {
  url: string;
  html: string;
}

export interface PortalCheckEffects {
  portalMatches(): readonly string[];
  /** The page of the portal tab to read (the active one first); null: no portal tab; 'unreadable': it would not say. */
  tabPage(): Promise<TabPage | 'unreadable' | null>;
  fetchText(url: string, timeoutMs: number): Promise<FetchedText>;
  inspect: PageInspector;
  now(): number;
}

type Inspected = InspectedPage;

/** What the check needs of the stored state. */
export type CheckInputs = Pick<StoredState, 'settings' | 'portal'>;

function point(name: ContractPointName, found: Partial<ContractPoint> & Pick<ContractPoint, 'status'>): ContractPoint {
  return { point: name, source: null, count: null, of: null, showsAddress: null, gap: null, seenAt: null, ...found };
}

function missing(name: ContractPointName, gap: ContractPoint['gap'], source: ContractPoint['source'] = null) {
  return point(name, { status: 'missing', gap, source });
}

/** A GET of a portal page, read-only: its final address and HTML; nothing off the portal is asked for. */
export async function getPortalPage(
  url: string,
  effects: Pick<PortalCheckEffects, 'portalMatches' | 'fetchText'>,
): Promise<TabPage | 'off-portal' | 'unreadable'> {
  if (!isPortalUrl(url, effects.portalMatches())) return 'off-portal';
  const page = await effects.fetchText(url, REQUEST_TIMEOUT_MS);
  return page.ok && page.status < 400 ? { url: page.url, html: page.text } : 'unreadable';
}

/** A GET of one of the menu's pages, read as that page: with the frame, or without it when the portal moved. */
async function readMenuPage(
  url: string | null,
  reachedBy: MenuPage,
  profile: SelectorProfile,
  frame: PortalFrame | null,
  effects: PortalCheckEffects,
): Promise<Inspected | 'unreadable' | null> {
  if (!url) return null;
  const page = await getPortalPage(url, effects);
  if (typeof page === 'string') return 'unreadable';
  try {
    const read = (known: PortalFrame | null) =>
      effects.inspect(page.html, page.url, profile, { frame: known, reachedBy }, false);
    let inspected = await read(frame);
    if (frame && inspected.reading.trust !== 'frame') inspected = await read(null);
    return { ...inspected, url: page.url, html: page.html };
  } catch {
    return 'unreadable';
  }
}

/** The compose form's « Envoyer »: on the tab's page, on the compose page the menu's pages link to, or as seen before. */
async function sendButtonPoint(
  tab: PortalPageReading,
  composeUrl: string | null,
  inputs: CheckInputs,
  profile: SelectorProfile,
  effects: PortalCheckEffects,
): Promise<ContractPoint> {
  if (tab.sendControls > 0) return point('send-button', { status: 'ok', source: 'tab', count: tab.sendControls });
  let fetched: 'unreadable' | null = null;
  const page = composeUrl ? await getPortalPage(composeUrl, effects) : 'off-portal';
  if (page === 'unreadable') fetched = 'unreadable';
  else if (page !== 'off-portal') {
    try {
      const { reading } = await effects.inspect(page.html, page.url, profile, {}, false);
      if (reading.sendControls > 0)
        return point('send-button', { status: 'ok', source: 'compose-page', count: reading.sendControls });
      if (reading.kind === 'webmail') return missing('send-button', 'not-found', 'compose-page');
    } catch {
      fetched = 'unreadable';
    }
  }
  const seenAt = inputs.portal.sendButtonSeenAt;
  if (seenAt) return point('send-button', { status: 'ok', source: 'earlier-page', seenAt });
  return missing('send-button', fetched ?? 'not-reached');
}

/**
 * The menu's pages to read: those the tab's believed menu links to; for a page not
 * believed, those kept from believed pages on its origin (the frame's check only).
 */
function menuPageUrls(tab: Inspected, inputs: CheckInputs) {
  if (isBelieved(tab.reading)) return { chooserUrl: tab.reading.chooserUrl, manageUrl: tab.reading.manageUrl };
  const onOrigin = (url: string | null) => (url && new URL(url).origin === new URL(tab.url).origin ? url : null);
  return { chooserUrl: onOrigin(inputs.portal.chooserUrl), manageUrl: onOrigin(inputs.portal.manageUrl) };
}

/** Every point, from the tab's reading and the menu's pages; and those pages, read. */
async function contractPoints(
  tab: Inspected,
  inputs: CheckInputs,
  profile: SelectorProfile,
  frame: PortalFrame | null,
  effects: PortalCheckEffects,
): Promise<{ points: ContractPoint[]; menuPages: Inspected[] }> {
  const { reading } = tab;
  const trusted = isBelieved(reading);
  const unsure = reading.trust === 'unsure' || reading.trust === 'unlearnt';
  const menuGap = unsure ? 'unsure' : 'not-found';
  const urls = trusted || frame ? menuPageUrls(tab, inputs) : { chooserUrl: null, manageUrl: null };
  const menuPages = {
    chooser: await readMenuPage(urls.chooserUrl, 'chooser', profile, frame, effects),
    account: await readMenuPage(urls.manageUrl, 'account', profile, frame, effects),
  };
  // The points take nothing from pages a page not believed leads to.
  const chooserPage = trusted ? menuPages.chooser : null;
  const accountPage = trusted ? menuPages.account : null;
  const read = (page: Inspected | 'unreadable' | null) => (page === 'unreadable' || page === null ? null : page);
  const chooserFrom = read(chooserPage)?.reading.chooser
    ? { page: read(chooserPage) as Inspected, source: 'chooser-page' as const }
    : read(accountPage)?.reading.chooser
      ? { page: read(accountPage) as Inspected, source: 'account-page' as const }
      : reading.chooser && trusted
        ? { page: tab, source: 'tab' as const }
        : null;
  const chooser = chooserFrom?.page.reading.chooser ?? null;
  const table = read(accountPage)?.reading.accountTable ?? null;
  // Menu pages unreadable (portal failing, session gone) are not the portal lacking them.
  const menuPagesGap = chooserPage === 'unreadable' || accountPage === 'unreadable' ? 'unreadable' : 'not-found';
  const withCounts = chooser?.filter((entry) => entry.unread !== null).length ?? 0;
  const defaults = table?.filter((row) => row.isDefault !== null) ?? [];
  // The compose link is looked for on the menu's own pages: no mail there, nothing of a stranger's.
  const composeLink = (page: Inspected | 'unreadable' | null) => {
    const inspected = read(page);
    return inspected && isBelieved(inspected.reading) ? inspected.composeUrl : null;
  };
  const composeUrl = composeLink(accountPage) ?? composeLink(chooserPage);

  const points = [
    reading.label && trusted
      ? point('label', { status: 'ok', source: 'tab', showsAddress: reading.label.address !== null })
      : missing('label', unsure ? 'unsure' : 'not-found', 'tab'),
    trusted && reading.manageUrl !== null
      ? point('account-menu', { status: 'ok', source: 'tab' })
      : missing('account-menu', menuGap, 'tab'),
    chooser && chooserFrom
      ? point('chooser', { status: 'ok', source: chooserFrom.source, count: chooser.length })
      : missing('chooser', trusted ? menuPagesGap : menuGap),
    chooser && chooserFrom && withCounts > 0
      ? point('chooser-counts', { status: 'ok', source: chooserFrom.source, count: withCounts, of: chooser.length })
      : missing(
          'chooser-counts',
          chooser ? 'not-found' : trusted ? menuPagesGap : menuGap,
          chooserFrom?.source ?? null,
        ),
    table
      ? point('account-table', { status: 'ok', source: 'account-page', count: table.length })
      : missing('account-table', reading.manageUrl ? menuPagesGap : menuGap),
    table && defaults.length > 0
      ? point('default-account', {
          status: 'ok',
          source: 'account-page',
          count: defaults.filter((row) => row.isDefault).length,
          of: table.length,
        })
      : missing('default-account', table ? 'not-found' : reading.manageUrl ? menuPagesGap : menuGap),
    reading.inboxUnread !== null && trusted
      ? point('inbox-count', { status: 'ok', source: 'tab', count: reading.inboxUnread })
      : missing('inbox-count', unsure ? 'unsure' : 'not-found', 'tab'),
    await sendButtonPoint(reading, composeUrl, inputs, profile, effects),
  ];
  const pagesRead = [menuPages.chooser, menuPages.account].map(read).filter((page) => page !== null);
  return { points, menuPages: pagesRead };
}

/** The check, from the page of an open portal tab. */
export async function checkPortal(inputs: CheckInputs, effects: PortalCheckEffects): Promise<PortalCheckReport> {
  const profile = inputs.settings.profileOverride ?? DEFAULT_PROFILE;
  const report = (
    outcome: PortalCheckReport['outcome'],
    points: ContractPoint[] = [],
    frameCheck: FrameCheck | null = null,
  ): PortalCheckReport => ({
    at: effects.now(),
    outcome,
    customProfile: inputs.settings.profileOverride !== null,
    points,
    frame: frameCheck,
  });
  const page = await effects.tabPage();
  if (page === null) return report('no-tab');
  if (page === 'unreadable' || !isPortalUrl(page.url, effects.portalMatches())) return report('unreadable');
  const frame = frameFor(inputs.portal, new URL(page.url).origin);
  let tab: Inspected;
  try {
    // With the frame, as the content script reads it: a page that does not match it is
    // not believed (its links could be a stranger's), and the points say so (`unsure`).
    tab = {
      ...(await effects.inspect(page.html, page.url, profile, { frame }, false)),
      url: page.url,
      html: page.html,
    };
  } catch {
    return report('unreadable');
  }
  if (tab.reading.kind === 'login') return report('logged-out');
  if (tab.reading.kind === 'unknown') return report('not-portal');
  const { points, menuPages } = await contractPoints(tab, inputs, profile, frame, effects);
  return report('done', points, await checkFrame(tab, frame, menuPages, profile, effects.inspect));
}
