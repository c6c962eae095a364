/**
 * zod schemas of what crosses the background's boundary: every message payload is
 * checked on arrival (utils/protocol/messages.ts). The stored records are built of these
 * (entrypoints/background/storage/records.ts). Two types the portal's readers use are
 * inferred from here rather than written again by hand: `SelectorProfile` and
 * `PortalPageReading` (utils/portal imports them with `import type`, so no schema code
 * reaches the content script's bundle).
 */

import { isHexColour, isReadable } from '@/utils/colours';
import { t } from '@/utils/i18n';
import { type FrameStep, isWellFormedFrame, type PortalFrame } from '@/utils/portal/frame';
import {
  MAX_ACCOUNT_ROWS,
  MAX_CHOOSER_ENTRIES,
  MAX_FRAME_STEPS,
  MAX_HINT_LENGTH,
  MAX_PATH_STEPS,
  MAX_STEP_CLASSES,
} from '@/utils/portal/limits';
import { z } from './zod';

/** A mailbox address, lower-cased. */
export const address = z
  .string()
  .trim()
  .max(320)
  .transform((value) => value.toLowerCase())
  .pipe(z.email());

/** Text read from the portal: any characters (it is rendered as text), bounded. */
export const portalText = z.string().max(2000);

export const mailboxKind = z.enum(['personal', 'organisational', 'unknown']);
export type MailboxKind = z.infer<typeof mailboxKind>;

export const hexColour = z.string().refine(isHexColour, { error: () => t('errorColourFormat') });

/** A colour the user chose for a mailbox: well-formed, and carrying text at AA contrast. */
const readableColour = hexColour.refine(isReadable, { error: () => t('errorColourContrast') });

/** The user's own short name for a mailbox. */
export const mailboxLabel = z.string().trim().min(1).max(60);

/**
 * A text a selector profile expects on the portal (matched as text, never as a pattern):
 * trimmed and short, so that a profile stays readable in the import preview.
 */
const profileText = z.string().trim().min(1).max(100);
const profileTexts = z.array(profileText).max(10);
/** A CSS selector tried before the texts (an invalid one is skipped by the readers). */
const profileHints = z.array(z.string().trim().min(1).max(MAX_HINT_LENGTH)).max(10);

/**
 * The selector profile (utils/portal/profile.ts): the texts the contract promises, and
 * CSS hints tried first for a deployment that needs them.
 */
export const selectorProfile = z.object({
  version: z.literal(1),
  texts: z.object({
    /** Menu entry leading to the account chooser. */
    switchAccount: profileTexts.min(1),
    /** Menu entry leading to « Gestion de votre compte Medimail ». */
    manageAccount: profileTexts.min(1),
    logout: profileTexts,
    inbox: profileTexts.min(1),
    send: profileTexts.min(1),
    /** Header cells of the « Gestion des comptes de connexion » table. */
    defaultColumn: profileTexts.min(1),
    noticeColumn: profileTexts.min(1),
    /** The label of the default-account checkbox. */
    defaultCheckbox: profileTexts.min(1),
    /** Texts by which the portal says a chooser entry is the active one. */
    activeMarker: profileTexts,
  }),
  /** CSS selectors tried before the texts; each list may be empty. */
  hints: z.object({
    label: profileHints,
    chooserEntry: profileHints,
    inboxLink: profileHints,
    composeForm: profileHints,
    /**
     * The element holding the portal's account menu and label, where the portal moves it
     * beyond what the frame follows: the menu is then looked for there (utils/portal/frame.ts).
     */
    header: profileHints.default([]),
    /** Regions where the portal shows a message: nothing in them is believed. */
    messageRegion: profileHints.default([]),
  }),
});
/** The one definition of the profile's type (utils/portal/profile.ts imports it as a type). */
export type SelectorProfile = z.infer<typeof selectorProfile>;

export const MIN_POLL_MINUTES = 1;

/** A local time of day, « HH:MM ». */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => t('errorClockTime') });

/**
 * One account as a chooser lists it, as the readers send it to the background. The
 * entry found in the page, with the way to activate it, stays in the page
 * (`ChooserEntryInPage`, utils/portal/chooser.ts).
 */
const chooserEntry = z.object({
  address,
  name: portalText.nullable(),
  unread: z.number().int().min(0).max(1_000_000).nullable(),
  current: z.boolean(),
});
export type ChooserEntry = z.infer<typeof chooserEntry>;

const accountTableRow = z.object({
  address,
  isDefault: z.boolean().nullable(),
  notices: z.boolean().nullable(),
});

/** A token of a frame step: an id, a class or a role, as the page wrote it (bounded). */
const frameToken = z.string().min(1).max(100);

const frameStep = z.strictObject({
  tag: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  role: frameToken.nullable(),
  id: frameToken.nullable(),
  classes: z.array(frameToken).max(MAX_STEP_CLASSES),
}) satisfies z.ZodType<FrameStep>;

const frameRoute = z.array(z.number().int().min(0)).min(1).max(MAX_PATH_STEPS);

/** The fields of a frame (utils/portal/frame.ts), before the check that its routes name its steps. */
export const portalFrameFields = z.strictObject({
  version: z.literal(2),
  steps: z.array(frameStep).max(MAX_FRAME_STEPS),
  switchEntry: frameRoute,
  label: frameRoute.nullable(),
  inboxLink: frameRoute.nullable(),
  chooserPanel: frameRoute.nullable(),
  content: frameRoute,
});

/** Where the portal's interface stands in its pages (utils/portal/frame.ts). */
export const portalFrame = portalFrameFields.refine(isWellFormedFrame, {
  error: 'cadre invalide',
}) satisfies z.ZodType<PortalFrame>;

/** A URL read from a page: http(s) only (the background checks its origin too). */
const pageUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable();

/** One reading of a portal page (utils/portal/page.ts), as the content script sends it. */
export const pageReading = z.object({
  kind: z.enum(['login', 'webmail', 'unknown']),
  /**
   * How the portal's interface was told from the rest of the page: `frame`, where the
   * learnt frame puts it (believed); `unlearnt`, no frame learnt yet for this portal, so
   * nothing is believed, not even a lone menu; `unsure`, no menu alone where the frame
   * puts it (nothing is believed); `none`, no account menu at all.
   */
  trust: z.enum(['frame', 'unlearnt', 'unsure', 'none']),
  /**
   * One of the menu's own pages (no mail there): the page a believed menu's link leads
   * to, reached by such a link, or, before any frame, the page its one menu links to.
   */
  menuPage: z.enum(['chooser', 'account']).nullable(),
  label: z.object({ text: portalText, address: address.nullable() }).nullable(),
  chooserUrl: pageUrl,
  manageUrl: pageUrl,
  /** The chooser, when this page holds the portal's (a panel, or the chooser page itself). */
  chooser: z.array(chooserEntry).max(MAX_CHOOSER_ENTRIES).nullable(),
  accountTable: z.array(accountTableRow).max(MAX_ACCOUNT_ROWS).nullable(),
  inboxUnread: z.number().int().min(0).max(1_000_000).nullable(),
  /** Where the « Boîte de réception » link leads (a page that changes nothing when read). */
  inboxUrl: pageUrl,
  sendControls: z.number().int().min(0),
  /** The frame this page shows: it is one of the menu's own pages, where no mail is shown. */
  frame: portalFrame.nullable(),
  problems: z.array(z.string().max(500)).max(50),
});
/**
 * The one definition of a page reading's type: the readers build it (utils/portal/page.ts
 * imports it as a type), the background receives it. `PageReadingPayload` is its name
 * on the background's side.
 */
export type PortalPageReading = z.infer<typeof pageReading>;
export type PageReadingPayload = PortalPageReading;

/** Where a bound was reached (diagnostics say so): what, when, and how many there were. */
export const limitReached = z.object({
  limit: z.enum(['known-mailboxes', 'accounts-per-login', 'quarantine', 'page-list']),
  at: z.number(),
  count: z.number().int().min(0),
});
export type LimitReached = z.infer<typeof limitReached>;

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
    /** The organisation's policy sets the confirmation: the send dialog offers no « ne plus demander ». */
    confirmLocked: z.boolean(),
  }),
  /** Every other known mailbox, in discovery order. */
  others: z.array(mailboxView),
  collapsed: z.boolean(),
  /** The organisation's policy fixes the banner's style: no collapse control. */
  collapseLocked: z.boolean(),
  /**
   * Nothing the page shows was believed: no frame is learnt for this portal yet
   * (`frameUnknown`), or the page's menu is not alone where the frame puts it (a message
   * imitating the portal, or a page the frame does not fit). The banner says it cannot
   * tell, and what to do.
   */
  unsure: z.boolean(),
  /** No frame learnt for this portal yet: the banner asks to open one of the menu's pages once. */
  frameUnknown: z.boolean(),
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
    sound: z.boolean(),
    kind: z.enum(['personal', 'organisational']),
  })
  .partial();
export type MailboxPatch = z.infer<typeof mailboxPatch>;

/** The mailbox fields an organisation's policy may set (and so lock). */
export const LOCKABLE_MAILBOX_FIELDS = [
  'label',
  'colour',
  'watched',
  'kind',
  'confirmBeforeSend',
] as const satisfies (keyof MailboxPatch)[];
