/**
 * zod schemas: what the background stores and what crosses its boundary. Every record
 * is checked when written and when read (a record that fails is quarantined, see
 * entrypoints/background/storage/store.ts); every message payload is checked on arrival (utils/protocol/messages.ts).
 */
import { z } from 'zod';
import { isHexColour, isReadable } from '../colours';
import { t } from '../i18n';
import { MAX_ACCOUNT_ROWS } from '../portal/account-table';
import { MAX_CHOOSER_ENTRIES } from '../portal/chooser';
import { isElementPath } from '../portal/frame';

// No code generated at run time: extension pages forbid eval, and reviewers read what runs.
z.config({ jitless: true });

/** A mailbox address, lower-cased. */
export const address = z
  .string()
  .trim()
  .max(320)
  .transform((value) => value.toLowerCase())
  .pipe(z.email());

/** Text read from the portal: any characters (it is rendered as text), bounded. */
const portalText = z.string().max(2000);

export const mailboxKind = z.enum(['personal', 'organisational', 'unknown']);
export type MailboxKind = z.infer<typeof mailboxKind>;

export const hexColour = z.string().refine(isHexColour, { error: () => t('errorColourFormat') });

/** A colour the user chose for a mailbox: well-formed, and carrying text at AA contrast. */
export const readableColour = hexColour.refine(isReadable, { error: () => t('errorColourContrast') });

/** The user's own short name for a mailbox. */
export const mailboxLabel = z.string().trim().min(1).max(60);

export const mailboxRecord = z.object({
  address,
  /** The name the portal shows for it (chooser), if any. */
  displayName: portalText.nullable().default(null),
  kind: mailboxKind,
  /** Whether the kind was inferred or set by the user (the user's word wins). */
  kindSource: z.enum(['inferred', 'user']).default('inferred'),
  colour: hexColour,
  /** The user's own short name for it, shown instead of the portal's. */
  label: z.string().max(200).nullable().default(null),
  watched: z.boolean().default(false),
  /** null: the default for its kind (confirm for services and unknown, not for personal). */
  confirmBeforeSend: z.boolean().nullable().default(null),
  unread: z.number().int().min(0).nullable().default(null),
  unreadAt: z.number().nullable().default(null),
  /**
   * The unread count already told to the user (or found at first sight): a notification
   * is due only when `unread` rises above it. Kept in the database so that nothing is
   * told twice, whatever restarts.
   */
  notifiedUnread: z.number().int().min(0).nullable().default(null),
  /** Ticked « Définir comme compte par défaut » in the portal's account table. */
  portalDefault: z.boolean().nullable().default(null),
  /** Ticked « Notif de réception vers compte de connexion ». */
  receptionNotice: z.boolean().nullable().default(null),
  /** Discovery order: stable colours and a stable list. */
  order: z.number().int().min(0),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});
export type MailboxRecord = z.infer<typeof mailboxRecord>;

/**
 * A text a selector profile expects on the portal (matched as text, never as a pattern):
 * trimmed and short, so that a profile stays readable in the import preview.
 */
const profileText = z.string().trim().min(1).max(100);
const profileTexts = z.array(profileText).max(10);
/** A CSS selector tried before the texts (an invalid one is skipped by the readers). */
const profileHints = z.array(z.string().trim().min(1).max(200)).max(10);

export const selectorProfile = z.object({
  version: z.literal(1),
  texts: z.object({
    switchAccount: profileTexts.min(1),
    manageAccount: profileTexts.min(1),
    logout: profileTexts,
    inbox: profileTexts.min(1),
    send: profileTexts.min(1),
    defaultColumn: profileTexts.min(1),
    noticeColumn: profileTexts.min(1),
    defaultCheckbox: profileTexts.min(1),
    activeMarker: profileTexts,
  }),
  hints: z.object({
    label: profileHints,
    chooserEntry: profileHints,
    inboxLink: profileHints,
    composeForm: profileHints,
  }),
});

export const DEFAULT_POLL_MINUTES = 2;
export const MIN_POLL_MINUTES = 1;

/** A local time of day, « HH:MM ». */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => t('errorClockTime') });

export const settingsRecord = z.object({
  id: z.literal('main'),
  /** The mailbox to open after each login; null: the portal's default account. */
  preferredMailbox: address.nullable().default(null),
  bannerCollapsed: z.boolean().default(false),
  /** A selector profile for a portal deployment that needs one; null: the built-in default. */
  profileOverride: selectorProfile.nullable().default(null),
  /** Minutes between two checks of the watched mailboxes (a little jitter is added). */
  pollIntervalMinutes: z.number().int().min(MIN_POLL_MINUTES).max(120).default(DEFAULT_POLL_MINUTES),
  notificationsEnabled: z.boolean().default(true),
  /**
   * « Notifications discrètes »: new-mail notifications and the badge's tooltip name no
   * mailbox (a service's name may be sensitive on a screen patients can see). Subjects
   * and senders are never shown, whatever this says. Off by default: names help most.
   */
  privacyMode: z.boolean().default(false),
  /** No notification between these times (local time); counts still show on the badge. */
  quietHours: z
    .object({ enabled: z.boolean(), start: clockTime, end: clockTime })
    .default({ enabled: false, start: '20:00', end: '07:30' }),
  /** Skip checks while the computer is idle or locked. */
  pauseWhenIdle: z.boolean().default(false),
});
export type SettingsRecord = z.infer<typeof settingsRecord>;

const chooserEntryReading = z.object({
  address,
  name: portalText.nullable(),
  unread: z.number().int().min(0).max(1_000_000).nullable(),
  current: z.boolean(),
});

const accountTableRow = z.object({
  address,
  isDefault: z.boolean().nullable(),
  notices: z.boolean().nullable(),
});

const elementPath = z.string().max(2000).refine(isElementPath, { error: 'chemin d’élément invalide' });

/** Where the portal's interface stands in its pages (utils/portal/frame.ts). */
export const portalFrame = z.strictObject({
  switchEntry: elementPath,
  label: elementPath.nullable(),
  inboxLink: elementPath.nullable(),
  chooserPanel: elementPath.nullable(),
});

/** A URL read from a page: http(s) only (the background checks its origin too). */
const pageUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable();

/** One reading of a portal page (utils/portal/page.ts), as the content script sends it. */
export const pageReading = z.object({
  kind: z.enum(['login', 'webmail', 'unknown']),
  trust: z.enum(['frame', 'single', 'unsure', 'none']),
  label: z.object({ text: portalText, address: address.nullable() }).nullable(),
  chooserUrl: pageUrl,
  manageUrl: pageUrl,
  chooser: z.array(chooserEntryReading).max(MAX_CHOOSER_ENTRIES).nullable(),
  accountTable: z.array(accountTableRow).max(MAX_ACCOUNT_ROWS).nullable(),
  inboxUnread: z.number().int().min(0).max(1_000_000).nullable(),
  inboxUrl: pageUrl,
  sendControls: z.number().int().min(0),
  frame: portalFrame.nullable(),
  problems: z.array(z.string().max(500)).max(50),
});
export type PageReadingPayload = z.infer<typeof pageReading>;

/** Where a bound was reached (diagnostics say so): what, when, and how many there were. */
export const limitReached = z.object({
  limit: z.enum(['known-mailboxes', 'accounts-per-login', 'quarantine', 'page-list']),
  at: z.number(),
  count: z.number().int().min(0),
});
export type LimitReached = z.infer<typeof limitReached>;

export const portalStateRecord = z.object({
  id: z.literal('main'),
  /**
   * The nominative login, once the portal confirmed it: the label or the chooser showed
   * it as a person's mailbox (a login form can be submitted with any address).
   */
  loginAddress: address.nullable().default(null),
  /** The address typed in the last login form submitted, until the portal confirms it. */
  claimedLogin: z.object({ address, at: z.number() }).nullable().default(null),
  /** The active mailbox as last observed on a portal page, and when. */
  activeAddress: address.nullable().default(null),
  activeLabel: portalText.nullable().default(null),
  activeSeenAt: z.number().default(0),
  loginSeq: z.number().int().min(0).default(0),
  loginAt: z.number().default(0),
  /** A login was seen and its first webmail page has not settled the preferred mailbox yet. */
  pendingLogin: z.boolean().default(false),
  /** What the label showed on the first webmail page after that login (folded). */
  loginFirstLabel: z.string().max(2000).nullable().default(null),
  /** When a tab was last asked to read the chooser and account pages (one at a time). */
  discoveryLeaseAt: z.number().default(0),
  discoveryLeaseTab: z.number().int().nullable().default(null),
  lastDiscoveryAt: z.number().default(0),
  /** The portal origin the last discovery read (frames are learnt per origin). */
  lastDiscoveryOrigin: z.string().max(300).nullable().default(null),
  /**
   * The accounts of the current login, as its chooser last listed them: [] after a new
   * login until the chooser is read; null when no login was ever seen (list all known).
   */
  sessionAccounts: z.array(address).max(MAX_CHOOSER_ENTRIES).nullable().default(null),
  /** The portal's frame, learnt on the menu's own pages of this origin (utils/portal/frame.ts). */
  frame: portalFrame
    .extend({ origin: z.string().max(300), learntAt: z.number() })
    .nullable()
    .default(null),
  chooserUrl: z.string().max(2000).nullable().default(null),
  manageUrl: z.string().max(2000).nullable().default(null),
  /** The inbox of the portal as last seen (to open the portal from a notification). */
  inboxUrl: z.string().max(2000).nullable().default(null),
  /**
   * What the poller reads: the chooser page, or (a chooser shown in place) the inbox
   * page that holds it; both change nothing when read.
   */
  pollUrl: z.string().max(2000).nullable().default(null),
  pollUrlIsChooserPage: z.boolean().default(false),
  /** A switch asked for and not yet seen to land. */
  expectedSwitch: z.object({ address, at: z.number() }).nullable().default(null),
  /** A tab opened from a notification, to switch to that mailbox when its page is read. */
  pendingSwitch: z.object({ tabId: z.number().int(), address, at: z.number() }).nullable().default(null),
  /** A switch that did not land, for the banner to say so. */
  failedSwitch: z.object({ address, at: z.number() }).nullable().default(null),
  /** The last reading of a portal page, for diagnostics (one of an older shape is dropped). */
  lastReading: pageReading.nullable().catch(null).default(null),
  /** Bounds reached lately, newest first, for diagnostics. */
  limitsReached: z.array(limitReached).max(10).default([]),
  lastReadingAt: z.number().default(0),
});
export type PortalStateRecord = z.infer<typeof portalStateRecord>;

export const mailboxView = z.object({
  address,
  name: z.string(),
  kind: mailboxKind,
  colour: hexColour,
  textColour: hexColour,
  unread: z.number().int().min(0).nullable(),
});
export type MailboxView = z.infer<typeof mailboxView>;

/** What the banner of one tab shows: the background's answer to every page reading. */
export const portalView = z.object({
  page: z.enum(['login', 'webmail', 'unknown']),
  active: z.object({
    kind: mailboxKind,
    address: address.nullable(),
    /** What to call it: the user's label, the portal's name, the address, or the label's text. */
    name: z.string().nullable(),
    colour: hexColour,
    textColour: hexColour,
    confirmBeforeSend: z.boolean(),
  }),
  /** Every other known mailbox, in discovery order. */
  others: z.array(mailboxView),
  collapsed: z.boolean(),
  /** The organisation's policy fixes the banner's style: no collapse control. */
  collapseLocked: z.boolean(),
  /**
   * The page holds look-alikes of the portal's interface that cannot be told from it (a
   * message imitating the menu, and no frame learnt to say which is the portal's): the
   * banner says it cannot tell, and nothing the page shows was believed.
   */
  unsure: z.boolean(),
  /** The portal's frame for this tab's origin: the page is read with it (a new one: read again). */
  frame: portalFrame.nullable(),
  /** Another tab has seen a different active mailbox since this page was read. */
  stale: z.object({ address: address.nullable(), name: z.string().nullable() }).nullable(),
  switchFailed: z.object({ address, name: z.string() }).nullable(),
  /**
   * Switch to this mailbox now: the preferred one right after login, or the one whose
   * notification was clicked when this tab was opened for it.
   */
  switchNow: z.object({ address, reason: z.enum(['preferred', 'notification']) }).nullable(),
  /** Read the chooser and account pages now, at these addresses (this tab holds the lease). */
  discovery: z.strictObject({ chooserUrl: pageUrl, manageUrl: pageUrl }).nullable(),
});
export type PortalView = z.infer<typeof portalView>;

/** What the poller knows of its last checks; one record, kept across restarts. */
export const pollStateRecord = z.object({
  id: z.literal('main'),
  status: z.enum(['idle', 'ok', 'error', 'expired', 'no-session', 'paused']).default('idle'),
  lastPollAt: z.number().default(0),
  lastSuccessAt: z.number().default(0),
  nextPollAt: z.number().default(0),
  /** Failures in a row (backoff grows with them). */
  failures: z.number().int().min(0).default(0),
  lastError: z.string().max(500).nullable().default(null),
  /** A check under way since then (one at a time, even across service-worker restarts). */
  inFlightSince: z.number().nullable().default(null),
  /** The session was found expired; its notification was shown once. */
  expiredAt: z.number().nullable().default(null),
  expiredNotified: z.boolean().default(false),
  /** Requests made by checks, for diagnostics and measures. */
  requests: z.number().int().min(0).default(0),
  /** The last results, newest first, for diagnostics (no message content). */
  history: z
    .array(z.object({ at: z.number(), outcome: z.string().max(40), detail: z.string().max(300).nullable() }))
    .max(20)
    .default([]),
});
export type PollStateRecord = z.infer<typeof pollStateRecord>;

/** One notification shown, in the bounded log (no subject, no sender). */
export const notificationLogRecord = z.object({
  id: z.number().int().optional(),
  notificationId: z.string().max(400),
  kind: z.enum(['new-mail', 'session-expired']),
  address: address.nullable(),
  count: z.number().int().min(0),
  title: z.string().max(400),
  message: z.string().max(1000),
  at: z.number(),
});
export type NotificationLogRecord = z.infer<typeof notificationLogRecord>;

/** The settings a user (or a settings file) may change. */
export const settingsPatch = z
  .strictObject({
    preferredMailbox: address.nullable(),
    pollIntervalMinutes: z.number().int().min(MIN_POLL_MINUTES).max(120),
    notificationsEnabled: z.boolean(),
    privacyMode: z.boolean(),
    quietHours: z.strictObject({ enabled: z.boolean(), start: clockTime, end: clockTime }),
    pauseWhenIdle: z.boolean(),
    bannerCollapsed: z.boolean(),
  })
  .partial();
export type SettingsPatch = z.infer<typeof settingsPatch>;

/** The settings' names, in the order files and the settings page list them. */
export const SETTING_FIELDS = [
  'preferredMailbox',
  'pollIntervalMinutes',
  'notificationsEnabled',
  'privacyMode',
  'quietHours',
  'pauseWhenIdle',
  'bannerCollapsed',
] as const satisfies (keyof SettingsPatch)[];

/** What a user (or a settings file) may change of a mailbox. */
export const mailboxPatch = z
  .strictObject({
    label: mailboxLabel.nullable(),
    colour: readableColour,
    watched: z.boolean(),
    confirmBeforeSend: z.boolean().nullable(),
    kind: z.enum(['personal', 'organisational']),
  })
  .partial();
export type MailboxPatch = z.infer<typeof mailboxPatch>;
