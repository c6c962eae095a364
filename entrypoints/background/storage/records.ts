/**
 * The records the background stores (entrypoints/background/storage/db.ts), as zod
 * schemas: every record is checked when written and when read, and one that fails is
 * quarantined (store.ts). They are built of the wire's shapes (utils/protocol/), never
 * the other way round: where a view shows part of a record, the part is defined there.
 */

import { isWellFormedFrame } from '@/utils/portal/frame';
import { MAX_CHOOSER_ENTRIES } from '@/utils/portal/limits';
import {
  address,
  clockTime,
  hexColour,
  limitReached,
  MIN_POLL_MINUTES,
  mailboxKind,
  pageReading,
  portalFrameFields,
  portalText,
  selectorProfile,
} from '@/utils/protocol/shapes';
import { notificationView, pollDiagnostics, portalCheckReport } from '@/utils/protocol/views';
import { z } from '@/utils/protocol/zod';

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
  /** A short sound with its new-mail news (off unless the user asks for it). */
  sound: z.boolean().default(false),
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

export const DEFAULT_POLL_MINUTES = 2;

export const settingsRecord = z.object({
  id: z.literal('main'),
  /** The mailbox to open after each login; null: the portal's default account. */
  preferredMailbox: address.nullable().default(null),
  bannerCollapsed: z.boolean().default(false),
  /** A selector profile for a portal deployment that needs one; null: the built-in default. */
  profileOverride: selectorProfile.nullable().default(null),
  /** Minutes between two polls of the watched mailboxes (a little jitter is added). */
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
  /** Skip polls while the computer is idle or locked. */
  pauseWhenIdle: z.boolean().default(false),
});
export type SettingsRecord = z.infer<typeof settingsRecord>;

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
  frame: portalFrameFields
    .extend({ origin: z.string().max(300), learntAt: z.number() })
    .refine(isWellFormedFrame, { error: 'cadre invalide' })
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
  /**
   * What the last chooser read (by a poll or a page) showed of the unread counts
   * (docs/portal-contract.md, point 3): whether any entry had one (null: no chooser read
   * yet), which accounts had none, and when. With none at all, polls read the inbox
   * page instead (entrypoints/background/polling/inbox-fallback.ts).
   */
  chooserCounts: z.boolean().nullable().default(null),
  uncountedAccounts: z.array(address).max(MAX_CHOOSER_ENTRIES).default([]),
  chooserReadAt: z.number().default(0),
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
  /** When a believed page last showed the compose form's « Envoyer » (the compatibility check says so). */
  sendButtonSeenAt: z.number().nullable().default(null),
  /** The last compatibility check (one of an older shape is dropped): for the diagnostics report. */
  lastPortalCheck: portalCheckReport.nullable().catch(null).default(null),
});
export type PortalStateRecord = z.infer<typeof portalStateRecord>;

/**
 * What the poller knows of its last polls; one record, kept across restarts. Its fields
 * are the diagnostics' view of them (utils/protocol/views.ts), each with its default.
 */
const pollFields = pollDiagnostics.shape;
export const pollStateRecord = pollDiagnostics.extend({
  id: z.literal('main'),
  status: pollFields.status.default('idle'),
  lastPollAt: pollFields.lastPollAt.default(0),
  lastSuccessAt: pollFields.lastSuccessAt.default(0),
  nextPollAt: pollFields.nextPollAt.default(0),
  failures: pollFields.failures.default(0),
  /** A code (utils/protocol/codes.ts); one of an older shape (a sentence) is dropped. */
  lastError: pollFields.lastError.catch(null).default(null),
  inFlightSince: pollFields.inFlightSince.default(null),
  expiredAt: pollFields.expiredAt.default(null),
  expiredNotified: pollFields.expiredNotified.default(false),
  requests: pollFields.requests.default(0),
  /** Entries of an older shape (details as sentences) are dropped, all at once. */
  history: pollFields.history.catch([]).default([]),
  /**
   * « Pause » (entrypoints/background/announce/pause.ts): nothing is announced from `since`
   * until `until`; kept here so that it survives a restart (its end alarm is set again).
   */
  pause: z
    .object({ since: z.number(), until: z.number() })
    .refine((pause) => pause.until > pause.since, { error: 'une pause finit après son début' })
    .nullable()
    .default(null),
});
export type PollStateRecord = z.infer<typeof pollStateRecord>;

/** One notification shown, in the bounded log (no subject, no sender): what the popup lists, and more. */
export const notificationLogRecord = notificationView.extend({
  id: z.number().int().optional(),
  message: z.string().max(1000),
  /** Entries logged before sounds existed had none. */
  sound: notificationView.shape.sound.default(false),
});
export type NotificationLogRecord = z.infer<typeof notificationLogRecord>;
