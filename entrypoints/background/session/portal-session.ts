/**
 * What the background makes of the portal pages its content scripts read: the
 * mailboxes learnt (chooser, account table, label), which one is active (shared by
 * every tab: it is server state), whether a tab shows a stale mailbox, whether a
 * switch landed, when to read the chooser again, and the preferred mailbox applied
 * once per login. Pure functions over the stored state, with the clock passed in.
 */
import { PERSONAL_COLOUR, serviceColour, textOn, UNKNOWN_COLOUR } from '../../../utils/colours';
import { MAX_CHOOSER_ENTRIES } from '../../../utils/portal/chooser';
import type { PortalFrame } from '../../../utils/portal/frame';
import { fold } from '../../../utils/portal/text';
import type {
  LimitReached,
  MailboxKind,
  MailboxRecord,
  MailboxView,
  PageReadingPayload,
  PortalStateRecord,
  PortalView,
} from '../../../utils/protocol/shapes';
import type { StoredState } from '../storage/store';
import {
  type ActiveIdentity,
  inferKind,
  looksLikePersonName,
  nameMatchesAddress,
  resolveActive,
} from './mailbox-identity';

/** How often the chooser and account pages are read again while browsing the portal. */
export const DISCOVERY_INTERVAL_MS = 5 * 60_000;
/** One tab at a time reads them: a tab asked to holds the lease this long. */
export const DISCOVERY_LEASE_MS = 30_000;
/** A switch not seen to land within this time has failed. */
export const SWITCH_TIMEOUT_MS = 30_000;
/** How long the banner says that a switch failed. */
export const FAILED_SWITCH_SHOWN_MS = 60_000;
/** A page that cannot be told from look-alikes asks for the frame again at most this often. */
export const UNSURE_RELEARN_MS = 60_000;
/** Mailboxes kept in the database at the most (a shared workstation sees several people in turn). */
export const MAX_KNOWN_MAILBOXES = 500;
/** Accounts of one login at the most: as many as a chooser is read for. */
export const MAX_ACCOUNTS_PER_LOGIN = MAX_CHOOSER_ENTRIES;
const LIMITS_KEPT = 10;

type ChooserEntry = NonNullable<PageReadingPayload['chooser']>[number];
type AccountRow = NonNullable<PageReadingPayload['accountTable']>[number];

export interface Observation {
  /** Its URLs already kept to the tab's origin on the portal (entrypoints/background/messaging/content-handlers.ts). */
  reading: PageReadingPayload;
  /** When the tab read what it reports (page load or last change), epoch ms. */
  observedAt: number;
  /** The origin of the portal page that was read (frames are learnt per origin). */
  pageOrigin: string;
  /** The tab that read it (to let it renew its discovery lease). */
  tabId?: number;
  /**
   * What the tab fetched and read for discovery (chooser page, account page); `frame`:
   * the frame those pages show, null when they show none (the portal changed), absent
   * when they could not be read.
   */
  discovered?: {
    chooser: ChooserEntry[] | null;
    accountTable: AccountRow[] | null;
    frame?: PortalFrame | null;
    /** The menu's page that showed the chooser, kept on the portal (entrypoints/background/messaging/content-handlers.ts). */
    chooserPageUrl?: string | null;
  } | null;
  /** The organisation's policy fixes the banner's style. */
  collapseLocked?: boolean;
}

export interface ObservationOutcome {
  view: PortalView;
  /** The active mailbox changed: other portal tabs should hear of it. */
  activeChanged: boolean;
  /** New mailboxes or counts were learnt: other tabs' switch lists change too. */
  othersChanged: boolean;
}

function defaultColour(kind: MailboxKind, state: StoredState): string {
  if (kind === 'personal') return PERSONAL_COLOUR;
  if (kind === 'unknown') return UNKNOWN_COLOUR;
  return serviceColour(state.mailboxes.filter((m) => m.kind === 'organisational').length);
}

/** A mailbox record with nothing chosen yet: no label, watched if it is a service's. */
export function newMailboxRecord(
  address: string,
  kind: MailboxKind,
  details: Pick<MailboxRecord, 'colour' | 'order' | 'firstSeenAt'> &
    Partial<Pick<MailboxRecord, 'displayName' | 'kindSource'>>,
): MailboxRecord {
  return {
    address,
    displayName: details.displayName ?? null,
    kind,
    kindSource: details.kindSource ?? 'inferred',
    colour: details.colour,
    label: null,
    watched: kind === 'organisational',
    confirmBeforeSend: null,
    unread: null,
    unreadAt: null,
    notifiedUnread: null,
    portalDefault: null,
    receptionNotice: null,
    order: details.order,
    firstSeenAt: details.firstSeenAt,
    lastSeenAt: details.firstSeenAt,
  };
}

/** A mailbox seen for the first time, added last with its kind's default colour. */
export function addMailbox(
  state: StoredState,
  address: string,
  kind: MailboxKind,
  now: number,
  details: { displayName?: string | null; kindSource?: MailboxRecord['kindSource'] } = {},
): MailboxRecord {
  const created = newMailboxRecord(address, kind, {
    ...details,
    colour: defaultColour(kind, state),
    order: state.mailboxes.reduce((max, m) => Math.max(max, m.order + 1), 0),
    firstSeenAt: now,
  });
  state.mailboxes.push(created);
  return created;
}

/** Says that a bound was reached, for diagnostics (the newest first, a few kept). */
export function noteLimit(state: StoredState, limit: LimitReached['limit'], count: number, now: number): void {
  const { portal } = state;
  portal.limitsReached = [{ limit, at: now, count }, ...portal.limitsReached.filter((l) => l.limit !== limit)].slice(
    0,
    LIMITS_KEPT,
  );
}

function ensureMailbox(
  state: StoredState,
  address: string,
  now: number,
  hints: { displayName?: string | null; kind?: MailboxKind } = {},
): MailboxRecord | null {
  const existing = state.mailboxes.find((m) => m.address === address);
  if (existing) {
    existing.lastSeenAt = now;
    if (hints.displayName) existing.displayName = hints.displayName;
    return existing;
  }
  if (state.mailboxes.length >= MAX_KNOWN_MAILBOXES) {
    noteLimit(state, 'known-mailboxes', state.mailboxes.length, now);
    return null;
  }
  const kind =
    hints.kind && hints.kind !== 'unknown'
      ? hints.kind
      : inferKind(address, hints.displayName ?? null, state.portal.loginAddress, state.mailboxes);
  return addMailbox(state, address, kind, now, { displayName: hints.displayName });
}

function mergeChooser(state: StoredState, entries: ChooserEntry[], now: number): void {
  for (const entry of entries) {
    const mailbox = ensureMailbox(state, entry.address, now, { displayName: entry.name });
    if (!mailbox) continue;
    if (entry.unread !== null) {
      mailbox.unread = entry.unread;
      mailbox.unreadAt = now;
    }
  }
}

function mergeAccountTable(state: StoredState, rows: AccountRow[], now: number): void {
  for (const row of rows) {
    const mailbox = ensureMailbox(state, row.address, now);
    if (!mailbox) continue;
    if (row.isDefault !== null) mailbox.portalDefault = row.isDefault;
    if (row.notices !== null) mailbox.receptionNotice = row.notices;
  }
}

/**
 * Learns from complete lists of this login's accounts (chooser readings, account
 * tables): names, counts, default account. Each lists every account of the login, and
 * only those: a shared workstation may see several people in turn.
 */
export function learnAccounts(
  state: StoredState,
  choosers: ChooserEntry[][],
  tables: AccountRow[][],
  now: number,
): void {
  for (const entries of choosers) mergeChooser(state, entries, now);
  for (const rows of tables) mergeAccountTable(state, rows, now);
  if (choosers.length + tables.length > 0) {
    const accounts = [...new Set([...choosers.flat(), ...tables.flat()].map((item) => item.address))].filter(
      (address) => state.mailboxes.some((m) => m.address === address),
    );
    if (accounts.length > MAX_ACCOUNTS_PER_LOGIN) noteLimit(state, 'accounts-per-login', accounts.length, now);
    state.portal.sessionAccounts = accounts.slice(0, MAX_ACCOUNTS_PER_LOGIN);
  }
}

/** Re-infers the kinds nobody confirmed, once the login address is known. */
function reinferKinds(state: StoredState): void {
  const login = state.portal.loginAddress;
  if (!login) return;
  for (const mailbox of state.mailboxes) {
    if (mailbox.kindSource === 'user') continue;
    const kind: MailboxKind = mailbox.address === login ? 'personal' : 'organisational';
    if (kind !== mailbox.kind) {
      const hadDefaultColour = mailbox.colour === defaultColour(mailbox.kind, state);
      mailbox.kind = kind;
      if (hadDefaultColour || kind === 'personal') mailbox.colour = defaultColour(kind, state);
      if (mailbox.confirmBeforeSend === null) mailbox.watched = kind === 'organisational';
    }
  }
}

/** A mailbox as the banner and the popup show it. */
export function mailboxViewOf(mailbox: MailboxRecord): MailboxView {
  return {
    address: mailbox.address,
    name: displayName(mailbox),
    kind: mailbox.kind,
    colour: mailbox.colour,
    textColour: textOn(mailbox.colour),
    unread: mailbox.unread,
  };
}

export function displayName(mailbox: MailboxRecord): string {
  return mailbox.label ?? mailbox.displayName ?? mailbox.address;
}

function nameOf(state: StoredState, address: string): string {
  const mailbox = state.mailboxes.find((m) => m.address === address);
  return mailbox ? displayName(mailbox) : address;
}

/** The accounts of the person logged in (all known ones when no login was seen). */
export function sessionMailboxes(state: StoredState): MailboxRecord[] {
  const accounts = state.portal.sessionAccounts;
  return accounts === null ? state.mailboxes : state.mailboxes.filter((m) => accounts.includes(m.address));
}

/** The user's preferred mailbox, else the portal's default account, among this login's accounts. */
export function preferredMailbox(state: StoredState): string | null {
  const mine = sessionMailboxes(state);
  const chosen = state.settings.preferredMailbox;
  if (chosen && mine.some((m) => m.address === chosen)) return chosen;
  return mine.find((m) => m.portalDefault === true)?.address ?? null;
}

function identityKey(address: string | null, label: string | null): string | null {
  if (address) return `@${address}`;
  return label ? `label:${fold(label)}` : null;
}

/** The frame a tab reads with: the one learnt on its own origin. */
export function frameFor(portal: PortalStateRecord, origin: string): PortalFrame | null {
  const stored = portal.frame;
  if (!stored || stored.origin !== origin) return null;
  const { switchEntry, label, inboxLink, chooserPanel } = stored;
  return { switchEntry, label, inboxLink, chooserPanel };
}

function buildView(
  state: StoredState,
  identity: ActiveIdentity,
  observation: Observation,
  extras: Pick<PortalView, 'switchNow' | 'discovery'>,
  now: number,
): PortalView {
  const { reading } = observation;
  const unsure = reading.kind === 'webmail' && reading.trust === 'unsure';
  const mailbox = identity.address ? state.mailboxes.find((m) => m.address === identity.address) : undefined;
  const colour = mailbox?.colour ?? defaultColour(identity.kind, { ...state, mailboxes: [] });
  const { portal } = state;
  const mine = identityKey(identity.address, reading.label?.text ?? null);
  const global = identityKey(portal.activeAddress, portal.activeLabel);
  const stale =
    reading.kind === 'webmail' && mine && global && mine !== global && portal.activeSeenAt > observation.observedAt
      ? {
          address: portal.activeAddress,
          name: portal.activeAddress ? nameOf(state, portal.activeAddress) : portal.activeLabel,
        }
      : null;
  const failed =
    portal.failedSwitch && now - portal.failedSwitch.at < FAILED_SWITCH_SHOWN_MS ? portal.failedSwitch : null;
  return {
    page: reading.kind,
    active: {
      kind: reading.kind === 'webmail' ? identity.kind : 'unknown',
      address: reading.kind === 'webmail' ? identity.address : null,
      name: mailbox ? displayName(mailbox) : (reading.label?.text ?? null),
      colour,
      textColour: textOn(colour),
      confirmBeforeSend: mailbox?.confirmBeforeSend ?? identity.kind !== 'personal',
    },
    // A page that cannot be told from look-alikes offers no switch: nothing on it is believed.
    others: unsure
      ? []
      : sessionMailboxes(state)
          .filter((m) => m.address !== identity.address)
          .map(mailboxViewOf),
    collapsed: state.settings.bannerCollapsed,
    collapseLocked: observation.collapseLocked ?? false,
    unsure,
    frame: frameFor(state.portal, observation.pageOrigin),
    stale,
    switchFailed: failed ? { address: failed.address, name: nameOf(state, failed.address) } : null,
    ...extras,
  };
}

/** Whether a reading shows the claimed login address as a person's own mailbox. */
function confirmsLogin(reading: PageReadingPayload, claimed: string, discovered: Observation['discovered']): boolean {
  const isPersonFor = (name: string | null | undefined) =>
    typeof name === 'string' && looksLikePersonName(name) && nameMatchesAddress(name, claimed);
  if (isPersonFor(reading.label?.text)) return true;
  return [...(reading.chooser ?? []), ...(discovered?.chooser ?? [])].some(
    (entry) => entry.address === claimed && isPersonFor(entry.name),
  );
}

/** The portal's own pages the menu leads to, to read for discovery (null: none known on this origin). */
function discoveryTargets(state: StoredState, origin: string): PortalView['discovery'] {
  const { chooserUrl, manageUrl } = state.portal;
  const onOrigin = (url: string | null) => (url && new URL(url).origin === origin ? url : null);
  const targets = { chooserUrl: onOrigin(chooserUrl), manageUrl: onOrigin(manageUrl) };
  return targets.chooserUrl || targets.manageUrl ? targets : null;
}

/** Learns the frame a page or its discovery showed (null: the portal's pages show none any more). */
function learnFrame(state: StoredState, observation: Observation, now: number): void {
  const learnt = observation.reading.frame ?? observation.discovered?.frame;
  if (learnt) state.portal.frame = { ...learnt, origin: observation.pageOrigin, learntAt: now };
  else if (observation.discovered?.frame === null && state.portal.frame?.origin === observation.pageOrigin) {
    state.portal.frame = null;
  }
}

/**
 * A portal page was read (or re-read): learn from it, and say what the banner shows.
 * A page whose interface could not be told from look-alikes (`unsure`) changes nothing
 * stored: only the discovery lease, to learn the frame that would tell.
 */
export function applyObservation(
  state: StoredState,
  observation: Observation,
  now: number,
): { state: StoredState; result: ObservationOutcome } {
  const { reading, observedAt, discovered } = observation;
  const { portal } = state;
  const believed = reading.trust === 'frame' || reading.trust === 'single';

  learnFrame(state, observation, now);
  const longest = Math.max(reading.chooser?.length ?? 0, reading.accountTable?.length ?? 0);
  if (longest >= MAX_CHOOSER_ENTRIES) noteLimit(state, 'page-list', longest, now);
  if (believed) {
    learnAccounts(
      state,
      [reading.chooser, discovered?.chooser].filter((list) => list != null),
      [reading.accountTable, discovered?.accountTable].filter((list) => list != null),
      now,
    );
  }
  if (discovered) {
    portal.lastDiscoveryAt = now;
    portal.lastDiscoveryOrigin = observation.pageOrigin;
    portal.discoveryLeaseAt = 0;
  }
  if (believed) {
    if (reading.chooserUrl) portal.chooserUrl = reading.chooserUrl;
    if (reading.manageUrl) portal.manageUrl = reading.manageUrl;
    if (reading.inboxUrl) portal.inboxUrl = reading.inboxUrl;
    // What the checks read: the chooser page; else the menu's page that showed the chooser
    // in place (no mail there); else a page whose chooser panel the frame vouches for.
    const shownInPlace = discovered?.chooserPageUrl ?? null;
    if (reading.chooserUrl) {
      portal.pollUrl = reading.chooserUrl;
      portal.pollUrlIsChooserPage = true;
    } else if (shownInPlace) {
      portal.pollUrl = shownInPlace;
      portal.pollUrlIsChooserPage = false;
    } else if (reading.chooser && reading.inboxUrl && portal.pollUrl !== portal.manageUrl) {
      portal.pollUrl = reading.inboxUrl;
      portal.pollUrlIsChooserPage = false;
    }
  }

  // The login address counts once the portal shows it as the person's own mailbox.
  const claim = portal.claimedLogin;
  if (believed && claim && confirmsLogin(reading, claim.address, discovered)) {
    portal.loginAddress = claim.address;
    portal.claimedLogin = null;
    reinferKinds(state);
  }

  const identity = believed ? resolveActive(reading.label, state.mailboxes, portal.loginAddress) : UNTOLD;
  if (reading.kind === 'webmail' && identity.address) {
    const active = ensureMailbox(state, identity.address, now, { kind: identity.kind });
    if (active && reading.inboxUnread !== null) {
      active.unread = reading.inboxUnread;
      active.unreadAt = now;
    }
  }
  if ((reading.kind === 'webmail' && reading.trust !== 'unsure') || reading.kind === 'login') {
    portal.lastReading = reading;
    portal.lastReadingAt = now;
  }

  // The active mailbox is server state: the newest observation, from any tab, wins.
  let activeChanged = false;
  const labelText = reading.label?.text ?? null;
  if (reading.kind === 'webmail' && reading.label && observedAt >= portal.activeSeenAt) {
    activeChanged = identityKey(identity.address, labelText) !== identityKey(portal.activeAddress, portal.activeLabel);
    portal.activeAddress = identity.address;
    portal.activeLabel = labelText;
    portal.activeSeenAt = observedAt;
  }

  // Did a switch we asked for land?
  const expected = portal.expectedSwitch;
  if (expected && reading.kind === 'webmail' && observedAt > expected.at) {
    if (identity.address === expected.address) portal.expectedSwitch = null;
    else if (reading.label) {
      portal.failedSwitch = expected;
      portal.expectedSwitch = null;
    }
  }
  if (portal.expectedSwitch && now - portal.expectedSwitch.at > SWITCH_TIMEOUT_MS) {
    portal.failedSwitch = portal.expectedSwitch;
    portal.expectedSwitch = null;
  }

  // The preferred mailbox, once per login, on the first webmail page that can tell.
  let switchNow: PortalView['switchNow'] = null;
  if (portal.pendingLogin && reading.kind === 'webmail' && reading.label) {
    // The label changed since the first page after login: the user switched on their own. Leave it.
    const shown = fold(reading.label.text);
    if (portal.loginFirstLabel === null) portal.loginFirstLabel = shown;
    else if (portal.loginFirstLabel !== shown) portal.pendingLogin = false;
  }
  if (portal.pendingLogin && reading.kind === 'webmail' && reading.label) {
    const preferred = preferredMailbox(state);
    const discoveredSinceLogin = portal.lastDiscoveryAt >= portal.loginAt;
    if (preferred || discoveredSinceLogin || !portal.manageUrl) {
      portal.pendingLogin = false;
      if (preferred && preferred !== identity.address && !portal.expectedSwitch) {
        switchNow = { address: preferred, reason: 'preferred' };
        portal.expectedSwitch = { address: preferred, at: now };
      }
    }
  }

  // A tab opened from a notification: its first webmail page switches to that mailbox.
  const pending = portal.pendingSwitch;
  if (pending && reading.kind === 'webmail' && reading.label && observation.tabId === pending.tabId) {
    portal.pendingSwitch = null;
    if (pending.address !== identity.address) {
      switchNow = { address: pending.address, reason: 'notification' };
      portal.expectedSwitch = { address: pending.address, at: now };
    }
  }

  const sinceDiscovery = now - portal.lastDiscoveryAt;
  const frameMissing = portal.frame?.origin !== observation.pageOrigin;
  // The menu's pages of this origin were not read yet: at once; else not more often than UNSURE_RELEARN_MS.
  const relearnDue = portal.lastDiscoveryOrigin !== observation.pageOrigin || sinceDiscovery > UNSURE_RELEARN_MS;
  const discoveryWanted =
    (portal.pendingLogin && portal.lastDiscoveryAt < portal.loginAt) ||
    // The label names a mailbox nothing learnt so far can place.
    (reading.label !== null && identity.address === null) ||
    // No frame yet, or the page does not match it: learn it (again) on the menu's pages.
    ((frameMissing || reading.trust === 'unsure') && relearnDue) ||
    sinceDiscovery > DISCOVERY_INTERVAL_MS;
  // The tab holding the lease may have moved to another page before it finished: it may ask again.
  const leaseFree =
    now - portal.discoveryLeaseAt > DISCOVERY_LEASE_MS ||
    (observation.tabId !== undefined && observation.tabId === portal.discoveryLeaseTab);
  const targets = discoveryTargets(state, observation.pageOrigin);
  const discovery =
    reading.kind === 'webmail' && !discovered && discoveryWanted && targets !== null && leaseFree ? targets : null;
  if (discovery) {
    portal.discoveryLeaseAt = now;
    portal.discoveryLeaseTab = observation.tabId ?? null;
  }

  const view = buildView(state, identity, observation, { switchNow, discovery }, now);
  // What discovery learnt changes every tab's switch list (and a new frame, every tab's reading).
  return { state, result: { view, activeChanged, othersChanged: Boolean(discovered) } };
}

/** Nothing could be told: the page is not believed. */
const UNTOLD: ActiveIdentity = { kind: 'unknown', address: null };

/**
 * A login form was submitted on the portal's login page: a new session starts. The
 * address typed is only claimed: it tells the personal mailbox once the portal shows
 * it as such (see applyObservation), since a form can be submitted with any address.
 */
export function recordLogin(
  state: StoredState,
  claimedAddress: string,
  now: number,
): { state: StoredState; result: null } {
  const { portal } = state;
  // Someone else on this workstation: the previous person's accounts are not shown until the chooser is read.
  if (portal.loginAddress !== null && portal.loginAddress !== claimedAddress) portal.sessionAccounts = [];
  portal.claimedLogin = { address: claimedAddress, at: now };
  portal.loginSeq += 1;
  portal.loginAt = now;
  portal.pendingLogin = true;
  portal.loginFirstLabel = null;
  portal.expectedSwitch = null;
  portal.failedSwitch = null;
  return { state, result: null };
}

export function recordSwitchRequest(
  state: StoredState,
  address: string,
  now: number,
): { state: StoredState; result: null } {
  state.portal.expectedSwitch = { address, at: now };
  state.portal.failedSwitch = null;
  return { state, result: null };
}

export function setConfirmBeforeSend(
  state: StoredState,
  address: string,
  confirm: boolean,
): { state: StoredState; result: boolean } {
  const mailbox = state.mailboxes.find((m) => m.address === address);
  if (mailbox) mailbox.confirmBeforeSend = confirm;
  return { state, result: mailbox !== undefined };
}

export function setBannerCollapsed(state: StoredState, collapsed: boolean): { state: StoredState; result: null } {
  state.settings.bannerCollapsed = collapsed;
  return { state, result: null };
}
