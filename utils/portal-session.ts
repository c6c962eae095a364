/**
 * What the background makes of the portal pages its content scripts read: the
 * mailboxes learnt (chooser, account table, label), which one is active (shared by
 * every tab: it is server state), whether a tab shows a stale mailbox, whether a
 * switch landed, when to read the chooser again, and the preferred mailbox applied
 * once per login. Pure functions over the stored state, with the clock passed in.
 */
import { PERSONAL_COLOUR, serviceColour, textOn, UNKNOWN_COLOUR } from './colours';
import { type ActiveIdentity, inferKind, resolveActive } from './mailbox-identity';
import { fold } from './portal/text';
import type { MailboxKind, MailboxRecord, MailboxView, PageReadingPayload, PortalView } from './schemas';
import type { StoredState } from './store';

/** How often the chooser and account pages are read again while browsing the portal. */
export const DISCOVERY_INTERVAL_MS = 5 * 60_000;
/** One tab at a time reads them: a tab asked to holds the lease this long. */
export const DISCOVERY_LEASE_MS = 30_000;
/** A switch not seen to land within this time has failed. */
export const SWITCH_TIMEOUT_MS = 30_000;
/** How long the banner says that a switch failed. */
export const FAILED_SWITCH_SHOWN_MS = 60_000;

type ChooserEntry = NonNullable<PageReadingPayload['chooser']>[number];
type AccountRow = NonNullable<PageReadingPayload['accountTable']>[number];

export interface Observation {
  reading: PageReadingPayload;
  /** When the tab read what it reports (page load or last change), epoch ms. */
  observedAt: number;
  /** The tab that read it (to let it renew its discovery lease). */
  tabId?: number;
  /** What the tab fetched and read for discovery (chooser page, account page). */
  discovered?: { chooser: ChooserEntry[] | null; accountTable: AccountRow[] | null } | null;
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

function ensureMailbox(
  state: StoredState,
  address: string,
  now: number,
  hints: { displayName?: string | null; kind?: MailboxKind } = {},
): MailboxRecord {
  const existing = state.mailboxes.find((m) => m.address === address);
  if (existing) {
    existing.lastSeenAt = now;
    if (hints.displayName) existing.displayName = hints.displayName;
    return existing;
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
    if (entry.unread !== null) {
      mailbox.unread = entry.unread;
      mailbox.unreadAt = now;
    }
  }
}

function mergeAccountTable(state: StoredState, rows: AccountRow[], now: number): void {
  for (const row of rows) {
    const mailbox = ensureMailbox(state, row.address, now);
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
    state.portal.sessionAccounts = [...new Set([...choosers.flat(), ...tables.flat()].map((item) => item.address))];
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

function buildView(
  state: StoredState,
  identity: ActiveIdentity,
  observation: Observation,
  extras: Pick<PortalView, 'switchNow' | 'discoveryDue'>,
  now: number,
): PortalView {
  const { reading } = observation;
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
    others: sessionMailboxes(state)
      .filter((m) => m.address !== identity.address)
      .map(mailboxViewOf),
    collapsed: state.settings.bannerCollapsed,
    stale,
    switchFailed: failed ? { address: failed.address, name: nameOf(state, failed.address) } : null,
    ...extras,
  };
}

/** A portal page was read (or re-read): learn from it, and say what the banner shows. */
export function applyObservation(
  state: StoredState,
  observation: Observation,
  now: number,
): { state: StoredState; result: ObservationOutcome } {
  const { reading, observedAt, discovered } = observation;
  const { portal } = state;

  learnAccounts(
    state,
    [reading.chooser, discovered?.chooser].filter((list) => list != null),
    [reading.accountTable, discovered?.accountTable].filter((list) => list != null),
    now,
  );
  if (discovered) {
    portal.lastDiscoveryAt = now;
    portal.discoveryLeaseAt = 0;
  }
  if (reading.chooserUrl) portal.chooserUrl = reading.chooserUrl;
  if (reading.manageUrl) portal.manageUrl = reading.manageUrl;
  if (reading.inboxUrl) portal.inboxUrl = reading.inboxUrl;
  if (reading.chooserUrl) {
    portal.pollUrl = reading.chooserUrl;
    portal.pollUrlIsChooserPage = true;
  } else if (reading.chooser && reading.inboxUrl) {
    portal.pollUrl = reading.inboxUrl;
    portal.pollUrlIsChooserPage = false;
  }

  const identity = resolveActive(reading.label, state.mailboxes, portal.loginAddress);
  if (reading.kind === 'webmail' && identity.address) {
    const active = ensureMailbox(state, identity.address, now, { kind: identity.kind });
    if (reading.inboxUnread !== null) {
      active.unread = reading.inboxUnread;
      active.unreadAt = now;
    }
  }
  if (reading.kind === 'webmail' || reading.kind === 'login') {
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

  const discoveryWanted =
    (portal.pendingLogin && portal.lastDiscoveryAt < portal.loginAt) ||
    // The label names a mailbox nothing learnt so far can place.
    (reading.label !== null && identity.address === null) ||
    now - portal.lastDiscoveryAt > DISCOVERY_INTERVAL_MS;
  // The tab holding the lease may have moved to another page before it finished: it may ask again.
  const leaseFree =
    now - portal.discoveryLeaseAt > DISCOVERY_LEASE_MS ||
    (observation.tabId !== undefined && observation.tabId === portal.discoveryLeaseTab);
  const discoveryDue =
    reading.kind === 'webmail' &&
    !discovered &&
    discoveryWanted &&
    (portal.chooserUrl !== null || portal.manageUrl !== null) &&
    leaseFree;
  if (discoveryDue) {
    portal.discoveryLeaseAt = now;
    portal.discoveryLeaseTab = observation.tabId ?? null;
  }

  const view = buildView(state, identity, observation, { switchNow, discoveryDue }, now);
  // What discovery learnt changes every tab's switch list.
  return { state, result: { view, activeChanged, othersChanged: Boolean(discovered) } };
}

/** A login form was submitted on the portal: a new session starts. */
export function recordLogin(
  state: StoredState,
  loginAddress: string,
  now: number,
): { state: StoredState; result: null } {
  // Someone else on this workstation: the previous person's accounts are not this one's.
  const previous = state.portal.loginAddress;
  if (previous !== null && previous !== loginAddress) state.portal.sessionAccounts = [];
  state.portal.loginAddress = loginAddress;
  state.portal.loginSeq += 1;
  state.portal.loginAt = now;
  state.portal.pendingLogin = true;
  state.portal.loginFirstLabel = null;
  state.portal.expectedSwitch = null;
  state.portal.failedSwitch = null;
  reinferKinds(state);
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
