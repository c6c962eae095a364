/**
 * The mailbox records and what is learnt into them: a mailbox seen for the first time
 * (its kind guessed, its kind's default colour), the accounts of the person logged in
 * (from complete lists: choosers and account tables), and the bounds that keep a shared
 * workstation's database small, each said in diagnostics when reached. Here too are
 * the rules every reader of a record follows, defined once: its name and view, whether
 * it asks before sending, which mailboxes are the login's and which of those are
 * watched. Pure functions over the stored state, with the clock passed in.
 */

import type { MailboxRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { PERSONAL_COLOUR, serviceColour, textOn, UNKNOWN_COLOUR } from '@/utils/colours';
import { MAX_CHOOSER_ENTRIES } from '@/utils/portal/limits';
import type { ChooserEntry, LimitReached, MailboxKind, MailboxView, PageReadingPayload } from '@/utils/protocol/shapes';
import { noteChooserCounts } from './chooser-counts';
import { inferKind } from './mailbox-identity';

/** Mailboxes kept in the database at the most (a shared workstation sees several people in turn). */
export const MAX_KNOWN_MAILBOXES = 500;
/** Accounts of one login at the most: as many as a chooser is read for. */
export const MAX_ACCOUNTS_PER_LOGIN = MAX_CHOOSER_ENTRIES;
const LIMITS_KEPT = 10;

export type AccountRow = NonNullable<PageReadingPayload['accountTable']>[number];

/** A kind's colour for a mailbox added after `mailboxes`: services take the palette in turn. */
export function defaultColour(kind: MailboxKind, mailboxes: readonly MailboxRecord[]): string {
  if (kind === 'personal') return PERSONAL_COLOUR;
  if (kind === 'unknown') return UNKNOWN_COLOUR;
  return serviceColour(mailboxes.filter((m) => m.kind === 'organisational').length);
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
    sound: false,
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
    colour: defaultColour(kind, state.mailboxes),
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

/** A page listing as many accounts as are read of it may list more: said in diagnostics. */
export function noteLongPageList(state: StoredState, reading: PageReadingPayload, now: number): void {
  const longest = Math.max(reading.chooser?.length ?? 0, reading.accountTable?.length ?? 0);
  if (longest >= MAX_CHOOSER_ENTRIES) noteLimit(state, 'page-list', longest, now);
}

/**
 * The record of a mailbox seen now: the known one (its portal name refreshed), else a
 * new one of the kind hinted or inferred; null when the database holds all it may.
 */
export function ensureMailbox(
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
 * tables): names, counts (and whether the chooser shows any), default account. Each
 * lists every account of the login, and only those: a shared workstation may see
 * several people in turn.
 */
export function learnAccounts(
  state: StoredState,
  choosers: ChooserEntry[][],
  tables: AccountRow[][],
  now: number,
): void {
  for (const entries of choosers) mergeChooser(state, entries, now);
  noteChooserCounts(state.portal, choosers, now);
  for (const rows of tables) mergeAccountTable(state, rows, now);
  if (choosers.length + tables.length > 0) {
    const accounts = [...new Set([...choosers.flat(), ...tables.flat()].map((item) => item.address))].filter(
      (address) => state.mailboxes.some((m) => m.address === address),
    );
    if (accounts.length > MAX_ACCOUNTS_PER_LOGIN) noteLimit(state, 'accounts-per-login', accounts.length, now);
    state.portal.sessionAccounts = accounts.slice(0, MAX_ACCOUNTS_PER_LOGIN);
  }
}

/** The accounts of the person logged in (all known ones when no login was seen). */
export function sessionMailboxes(state: StoredState): MailboxRecord[] {
  const accounts = state.portal.sessionAccounts;
  return accounts === null ? state.mailboxes : state.mailboxes.filter((m) => accounts.includes(m.address));
}

/**
 * The watched mailboxes of the person logged in, in discovery order: those whose news
 * is told (entrypoints/background/announce/new-mail.ts); the badge counts the services among them.
 */
export function watchedMailboxes(state: StoredState): MailboxRecord[] {
  return sessionMailboxes(state).filter((m) => m.watched);
}

/** Whether sending from a mailbox asks first: the user's choice, else unless it is personal. */
export function confirmsBeforeSend(choice: boolean | null | undefined, kind: MailboxKind): boolean {
  return choice ?? kind !== 'personal';
}

export function displayName(mailbox: MailboxRecord): string {
  return mailbox.label ?? mailbox.displayName ?? mailbox.address;
}

/** A mailbox's name as shown, or its address when it is not known. */
export function nameOf(state: StoredState, address: string): string {
  const mailbox = state.mailboxes.find((m) => m.address === address);
  return mailbox ? displayName(mailbox) : address;
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

export function setConfirmBeforeSend(
  state: StoredState,
  address: string,
  confirm: boolean,
): { state: StoredState; result: boolean } {
  const mailbox = state.mailboxes.find((m) => m.address === address);
  if (mailbox) mailbox.confirmBeforeSend = confirm;
  return { state, result: mailbox !== undefined };
}
