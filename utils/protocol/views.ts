/**
 * What the background answers the extension's pages: the popup's overview, the settings
 * view, a settings file's preview, the diagnostics. Where a view shows part of a stored
 * record (the polls' state, the notification log), the part is defined here, on the
 * wire's side, and the record is built on it (entrypoints/background/storage/records.ts):
 * shared code never imports background code.
 */

import { MAX_HINT_LENGTH } from '@/utils/portal/limits';
import { pollError, pollNote } from './codes';
import {
  address,
  hexColour,
  LOCKABLE_MAILBOX_FIELDS,
  limitReached,
  mailboxKind,
  mailboxView,
  pageReading,
  selectorProfile,
  settingsPatch,
} from './shapes';
import { z } from './zod';

/** Where the polls stand (`skipped-while-idle`: not made while the computer is idle). */
export const pollStatus = z.enum(['idle', 'ok', 'error', 'expired', 'no-session', 'skipped-while-idle']);

/** One poll, in the history the diagnostics show (no message content). */
const pollHistoryEntry = z.object({
  at: z.number(),
  outcome: z.string().max(40),
  detail: pollNote.nullable(),
});

/** The polls as the popup shows them. */
const pollView = z.object({
  status: pollStatus,
  lastPollAt: z.number(),
  lastSuccessAt: z.number(),
  nextPollAt: z.number(),
  lastError: pollError.nullable(),
});

/** The polls as the diagnostics show them: everything the poller knows of them. */
export const pollDiagnostics = pollView.extend({
  /** Failures in a row (backoff grows with them). */
  failures: z.number().int().min(0),
  /** A poll under way since then (one at a time, even across service-worker restarts). */
  inFlightSince: z.number().nullable(),
  /** The session was found expired; its notification was shown once. */
  expiredAt: z.number().nullable(),
  expiredNotified: z.boolean(),
  /** Requests made by polls, for diagnostics and measures. */
  requests: z.number().int().min(0),
  /** The last results, newest first. */
  history: z.array(pollHistoryEntry).max(20),
});

/** One notification shown, as the popup lists it (no subject, no sender). */
export const notificationView = z.object({
  notificationId: z.string().max(400),
  kind: z.enum(['new-mail', 'session-expired']),
  address: address.nullable(),
  count: z.number().int().min(0),
  title: z.string().max(400),
  at: z.number(),
  /** A short sound went with it (the mailbox's `sound`); for diagnostics, the popup shows it nowhere. */
  sound: z.boolean(),
});

/**
 * The pause of the announcements, as the popup shows it: until when (null: none), whether
 * the organisation's policy allows one, and the longest it allows (null: no limit).
 */
const pauseView = z.strictObject({
  until: z.number().nullable(),
  allowed: z.boolean(),
  longestMinutes: z.number().int().min(1).nullable(),
});

export const overview = z.strictObject({
  mailboxes: z.array(
    mailboxView.extend({
      watched: z.boolean(),
      active: z.boolean(),
      /**
       * Watched, and its count is seen by no poll: the portal's chooser shows none for it,
       * and it is not the active mailbox whose inbox the polls read instead. Absent: false.
       */
      unwatchable: z.boolean().optional(),
    }),
  ),
  poll: pollView,
  notifications: z.array(notificationView),
  portalUrl: z.string().nullable(),
  pause: pauseView,
});
export type Overview = z.infer<typeof overview>;

export const settingsView = z.strictObject({
  settings: settingsPatch.required(),
  mailboxes: z.array(
    z.strictObject({
      address,
      name: z.string(),
      displayName: z.string().nullable(),
      label: z.string().nullable(),
      kind: mailboxKind,
      kindSource: z.enum(['inferred', 'user']),
      colour: hexColour,
      textColour: hexColour,
      watched: z.boolean(),
      /** The effective choice (the default of its kind when the user made none). */
      confirmBeforeSend: z.boolean(),
      sound: z.boolean(),
      unread: z.number().int().min(0).nullable(),
      portalDefault: z.boolean().nullable(),
      /** Fields the organisation's policy sets for this mailbox. */
      locked: z.array(z.enum(LOCKABLE_MAILBOX_FIELDS)),
    }),
  ),
  customProfile: z.boolean(),
  /** Settings fixed by the organisation's policy (shown locked). */
  locked: z.array(z.string()),
  /** The smallest poll interval the policy allows. */
  minPollIntervalMinutes: z.number().int(),
  /** Portal origins the policy adds, and whether the browser lets the extension run there. */
  extraPortals: z.array(z.strictObject({ pattern: z.string(), granted: z.boolean() })),
});
export type SettingsView = z.infer<typeof settingsView>;

/** A list of a selector profile, and the items a settings file removes from it and adds. */
const profileListChange = <Key extends z.ZodEnum>(key: Key) =>
  z.strictObject({ key, removed: z.array(z.string()), added: z.array(z.string()) });

/**
 * What a settings file changes, as codes and data (the page words them): every setting
 * and mailbox field, `locked` when the organisation's policy sets or freezes it (not
 * applied), and the selector profile text by text and hint by hint.
 */
/** What an import takes away from a mailbox's protection (entrypoints/background/settings-file.ts). */
export const importWeakening = z.strictObject({ address, what: z.enum(['personal', 'no-confirmation']) });

export const importPreview = z.union([
  z.strictObject({
    ok: z.literal(true),
    changes: z.array(
      z.strictObject({
        /** « settings », or a mailbox's address. */
        target: z.string(),
        field: z.string(),
        from: z.unknown(),
        to: z.unknown(),
        locked: z.boolean(),
      }),
    ),
    weakenings: z.array(importWeakening),
    profile: z
      .strictObject({
        from: z.enum(['built-in', 'custom']),
        to: z.enum(['built-in', 'custom']),
        locked: z.boolean(),
        /** Worst first: `noneKept`, none of the texts recognised today is kept for this key. */
        texts: z.array(profileListChange(selectorProfile.shape.texts.keyof()).extend({ noneKept: z.boolean() })),
        hints: z.array(profileListChange(selectorProfile.shape.hints.keyof())),
      })
      .nullable(),
  }),
  z.strictObject({
    ok: z.literal(false),
    problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
]);
export type ImportPreviewReply = z.infer<typeof importPreview>;

/**
 * The compatibility check's points (docs/portal-contract.md): each of what the extension
 * relies on, found on the portal or not. Every point is read on an open portal tab, or
 * on the read-only pages its menu links to.
 */
export const CONTRACT_POINTS = [
  'label',
  'account-menu',
  'chooser',
  'chooser-counts',
  'account-table',
  'default-account',
  'inbox-count',
  'send-button',
] as const;
const contractPointName = z.enum(CONTRACT_POINTS);
export type ContractPointName = z.infer<typeof contractPointName>;

/** Where a point was read: the tab's page, a page its menu links to, or an earlier page. */
const contractSource = z.enum(['tab', 'chooser-page', 'account-page', 'compose-page', 'earlier-page']);

/**
 * Why a point is missing: `not-found`, read and absent; `unreadable`, its page could not be
 * fetched or read; `not-reached`, no page to read it on (no link to it was found);
 * `unsure`, several look-alikes and nothing to tell the portal's from them.
 */
const contractGap = z.enum(['not-found', 'unreadable', 'not-reached', 'unsure']);

/** One point as found: numbers and codes, worded where shown (no text read from the page). */
const contractPoint = z.strictObject({
  point: contractPointName,
  status: z.enum(['ok', 'missing']),
  source: contractSource.nullable(),
  /** What was counted: accounts, rows, unread messages, buttons (per point). */
  count: z.number().int().min(0).nullable(),
  /** Out of how many (the chooser's counts: of how many accounts). */
  of: z.number().int().min(0).nullable(),
  /** The label: it shows an address (an organisational mailbox) or a name. */
  showsAddress: z.boolean().nullable(),
  gap: contractGap.nullable(),
  /** When an earlier page was read (`earlier-page`). */
  seenAt: z.number().nullable(),
});
export type ContractPoint = z.infer<typeof contractPoint>;

/**
 * Whether the portal's interface on the tab's page stands where the menu's own pages
 * show it (utils/portal/frame.ts): `ok`; `not-learnt`, no frame learnt for this portal yet
 * (one of the menu's pages must be opened once); `mismatch`, the menu's pages (`reference`)
 * still show it where the frame puts it but the tab's page does not, with the profile
 * hints that would place it (`suggestion`, null when none does); `relearn`, the menu's
 * pages no longer match the frame either (the portal changed: it is learnt again).
 */
const frameCheck = z.strictObject({
  status: z.enum(['ok', 'not-learnt', 'mismatch', 'relearn']),
  reference: z.enum(['chooser-page', 'account-page']).nullable(),
  suggestion: z
    .strictObject({
      header: z.string().max(MAX_HINT_LENGTH),
      messageRegion: z.string().max(MAX_HINT_LENGTH).nullable(),
    })
    .nullable(),
});
export type FrameCheck = z.infer<typeof frameCheck>;

/**
 * A compatibility check: `done` (every point below), `no-tab` (no portal tab to read),
 * `logged-out` (the tab shows the login page), `not-portal` (the tab's page is not the
 * webmail), `unreadable` (the tab's page could not be read).
 */
export const portalCheckReport = z.strictObject({
  at: z.number(),
  outcome: z.enum(['done', 'no-tab', 'logged-out', 'not-portal', 'unreadable']),
  /** A selector profile other than the built-in one was used. */
  customProfile: z.boolean(),
  points: z.array(contractPoint).max(CONTRACT_POINTS.length),
  /** The frame on the tab's page (null: no page to tell, or a report from before this check existed). */
  frame: frameCheck.nullable().default(null),
});
export type PortalCheckReport = z.infer<typeof portalCheckReport>;

/**
 * The redacted structure of the page open in a portal tab (utils/portal/skeleton.ts):
 * `done`; `fetched`, no portal tab open, so the inbox page read for the occasion;
 * `no-tab`, neither; `unreadable`, the page could not be read.
 */
export const pageSkeletonReply = z.strictObject({
  outcome: z.enum(['done', 'fetched', 'no-tab', 'unreadable']),
  at: z.number(),
  skeleton: z.string().max(2_000_000).nullable(),
});
export type PageSkeletonReply = z.infer<typeof pageSkeletonReply>;
export const diagnostics = z.strictObject({
  version: z.string(),
  lastReading: pageReading.nullable(),
  lastReadingAt: z.number(),
  poll: pollDiagnostics,
  profile: selectorProfile,
  customProfile: z.boolean(),
  mailboxes: z.number().int(),
  quarantined: z.number().int(),
  /** The quarantine keeps this many records at the most. */
  quarantineSize: z.number().int(),
  loginKnown: z.boolean(),
  /** Where the portal's frame was learnt, and when (null: not yet). */
  frame: z.strictObject({ origin: z.string(), learntAt: z.number() }).nullable(),
  limitsReached: z.array(limitReached),
  policy: z.strictObject({
    state: z.enum(['none', 'active', 'partial', 'refused']),
    reason: z.string().nullable(),
  }),
  /** The last compatibility check, if any (what IT attaches to a support request). */
  portalCheck: portalCheckReport.nullable(),
});
export type Diagnostics = z.infer<typeof diagnostics>;
