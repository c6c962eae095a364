/**
 * Every message channel of the extension, declared once. The background is the hub:
 * each message goes to it or comes from it, and its name starts with the context at
 * the other end, preceded by `to-` when the background sends it.
 *
 * - `contentToBackground`, `content:*`: content script → background, answered;
 * - `uiToBackground`, `ui:*`: extension pages (popup, options) → background, answered;
 * - `backgroundToContent`, `to-content:*`: background → a portal tab's content script;
 * - `backgroundToUi`, `to-ui:*`: background → extension pages;
 * - `backgroundToOffscreen`, `to-offscreen:*`: background → its offscreen document
 *   (Chrome), answered.
 *
 * Every message travels as `{ name, payload }`. The background checks the requests
 * it answers (sender, then payload, then its own answer: the router in
 * entrypoints/background/messaging/); each receiving side checks the sender in one helper
 * (entrypoints/portal.content/background-orders.ts, components/background-orders.ts,
 * entrypoints/offscreen/main.ts). The content script and the extension's pages import
 * only the types of this file (utils/protocol/client.ts sends), so no schema code reaches
 * their bundles; the content script checks the few fields of its orders by hand.
 */

import { MAX_PORTAL_PAGE_BYTES } from '@/utils/portal/fetch-page';
import { address, mailboxPatch, pageReading, portalFrame, portalView, selectorProfile, settingsPatch } from './shapes';
import {
  diagnostics,
  importPreview,
  importWeakening,
  overview,
  pageSkeletonReply,
  pollStatus,
  portalCheckReport,
  settingsView,
} from './views';
import { z } from './zod';

/** A request and its answer. */
type Exchange = { request: z.ZodType; response: z.ZodType };
/** A channel whose messages are answered. */
type RequestChannel = Record<string, Exchange>;
/** A channel of orders: the payload of each, no answer. */
type OrderChannel = Record<string, z.ZodType>;

const done = z.strictObject({ ok: z.literal(true) });
const nothing = z.strictObject({});

export { MAX_PORTAL_PAGE_BYTES };

/** The longest pause of the announcements one may ask for (« jusqu'à demain 8 h » is at most 32 h). */
export const MAX_PAUSE_MINUTES = 48 * 60;

/** The new-mail sound as it travels to the offscreen document: a WAV the background made, inline. */
const wavDataUrl = z
  .string()
  .max(200_000)
  .regex(/^data:audio\/wav;base64,[A-Za-z0-9+/]+={0,2}$/);

/** content script → background. */
export const contentToBackground = {
  /** The content script starts on a portal page: the background answers what it needs first. */
  'content:hello': {
    request: z.strictObject({ url: z.url() }),
    response: z.strictObject({
      version: z.string(),
      tabId: z.number().int().nullable(),
      profile: selectorProfile,
      collapsed: z.boolean(),
      /** The « checking » words, from the background's message catalogue (see portal.content/banner). */
      checkingText: z.string(),
      /** The portal's frame learnt on this tab's origin, to read the page with (utils/portal/frame.ts). */
      frame: portalFrame.nullable(),
    }),
  },
  /** What the page shows (on load, and whenever it changes); the answer is what the banner shows. */
  'content:page-seen': {
    request: z.strictObject({
      reading: pageReading,
      observedAt: z.number(),
      /**
       * The menu's pages the tab fetched for discovery, read by the background
       * (utils/portal/menu-pages.ts): at the addresses it handed out (`reachedBy`), or,
       * before any frame, this page and the one its menu links to (`reachedBy: null`).
       */
      discovered: z
        .strictObject({
          pages: z
            .array(
              z.strictObject({
                url: z.url({ protocol: /^https?$/ }).max(2000),
                html: z.string().max(MAX_PORTAL_PAGE_BYTES),
                reachedBy: z.enum(['chooser', 'account']).nullable(),
              }),
            )
            .min(1)
            .max(2),
        })
        .nullable(),
    }),
    response: portalView,
  },
  /** A login form was submitted: a new session, and the preferred mailbox to apply once. */
  'content:login-submitted': { request: z.strictObject({ address }), response: done },
  /** The user (or the preferred-mailbox rule) asked to switch; the next pages tell if it landed. */
  'content:switch-requested': { request: z.strictObject({ address }), response: done },
  'content:set-confirm-before-send': {
    request: z.strictObject({ address, confirm: z.boolean() }),
    response: done,
  },
  'content:set-banner-collapsed': { request: z.strictObject({ collapsed: z.boolean() }), response: done },
} satisfies RequestChannel;

/** extension pages (popup, options) → background. */
export const uiToBackground = {
  /** The popup's overview: the mailboxes of the person logged in, the polls, the last notifications. */
  'ui:overview': { request: nothing, response: overview },
  /** Brings the portal forward on this mailbox (switching through the portal's chooser). */
  'ui:open-mailbox': { request: z.strictObject({ address }), response: done },
  'ui:settings': { request: nothing, response: settingsView },
  'ui:update-settings': { request: z.strictObject({ patch: settingsPatch }), response: settingsView },
  'ui:update-mailbox': { request: z.strictObject({ address, patch: mailboxPatch }), response: settingsView },
  'ui:export-settings': {
    request: nothing,
    response: z.strictObject({ fileName: z.string(), text: z.string() }),
  },
  /** Reads a settings file and says what it would change, or what is wrong with it. */
  'ui:preview-import': { request: z.strictObject({ text: z.string().max(2_000_000) }), response: importPreview },
  /**
   * Applies a settings file; its weakenings (a mailbox made personal, a confirmation
   * stopped) only when they are all among `confirmedWeakenings`, the user's second yes.
   */
  'ui:apply-import': {
    request: z.strictObject({
      text: z.string().max(2_000_000),
      confirmedWeakenings: z.array(importWeakening).max(1000),
    }),
    response: importPreview,
  },
  /** The browser granted (or withdrew) access to a portal origin the policy adds. */
  'ui:portal-access-changed': { request: nothing, response: done },
  'ui:diagnostics': { request: nothing, response: diagnostics },
  /**
   * « Pause 1 h », « Jusqu'à demain 8 h »: nothing announced (no notification, no sound)
   * until then; cut to the policy's longest, refused (`locked`, `pause`) when it forbids one.
   */
  'ui:pause': {
    request: z.strictObject({ minutes: z.number().int().min(1).max(MAX_PAUSE_MINUTES) }),
    response: z.strictObject({ until: z.number(), minutes: z.number().int().min(1) }),
  },
  /** « Reprendre »: the pause ends now; what came meanwhile, still unread, is told once. */
  'ui:resume': { request: nothing, response: z.strictObject({ notifications: z.number().int().min(0) }) },
  /**
   * « Vérifier la compatibilité » (options page): the readers on an open portal tab, and
   * read-only GETs of the pages its menu links to; never a form submitted.
   */
  'ui:check-portal': { request: nothing, response: portalCheckReport },
  /** « Exporter le squelette de la page »: the redacted structure of the page open in a portal tab. */
  'ui:page-skeleton': { request: nothing, response: pageSkeletonReply },
  /** « Vérifier maintenant ». */
  'ui:poll-now': {
    request: nothing,
    response: z.strictObject({
      status: z.enum([...pollStatus.options, 'busy']),
      notifications: z.number().int().min(0),
    }),
  },
} satisfies RequestChannel;

/** background → the content script of a portal tab. They carry no data the tab must trust blindly. */
const backgroundToContent = {
  /** Something the banner shows changed: the tab reads its page and asks again. */
  'to-content:portal-changed': nothing,
  /** The keyboard shortcut: open the banner's switcher. */
  'to-content:open-switcher': nothing,
  /** A notification was clicked: switch to its mailbox (through the portal's chooser). */
  'to-content:switch-to': z.strictObject({ address: z.string() }),
} satisfies OrderChannel;

/** background → extension pages. */
const backgroundToUi = {
  /** Settings, mailboxes or polls changed: pages ask again for what they show. */
  'to-ui:data-changed': nothing,
} satisfies OrderChannel;

/** A portal page for the offscreen document to read: its HTML and where it came from, how to read it. */
const pageToRead = {
  html: z.string().max(MAX_PORTAL_PAGE_BYTES),
  url: z.url(),
  profile: selectorProfile,
  frame: portalFrame.nullable(),
  reachedBy: z.enum(['chooser', 'account']).nullable(),
};

/** CSS selectors a menu page suggests as frame hints (bounded as the profile's hints are). */
const frameHintList = z.array(z.string().max(400)).max(10);

/**
 * background → its offscreen document (Chrome only: the service worker has neither
 * DOMParser nor audio): read a portal page with utils/portal (a page beyond the
 * fetcher's cap fails the request's schema, unread); play the new-mail sound.
 */
export const backgroundToOffscreen = {
  'to-offscreen:read-page': { request: z.strictObject(pageToRead), response: pageReading },
  /**
   * The compatibility check's reading of a page: the reading, the page's one link to a
   * new message, and, when asked, its redacted skeleton (utils/portal/inspect.ts).
   */
  'to-offscreen:inspect-page': {
    request: z.strictObject({ ...pageToRead, skeleton: z.boolean() }),
    response: z.strictObject({
      reading: pageReading,
      composeUrl: z.url().max(2000).nullable(),
      skeleton: z.string().max(2_000_000).nullable(),
      /** On one of the menu's pages: the profile hints it suggests for the frame (utils/portal/frame-hints.ts). */
      frameHints: z.strictObject({ header: frameHintList, messageRegion: frameHintList }).nullable(),
    }),
  },
  /** Plays the new-mail sound (made by the background: entrypoints/background/announce/sound.ts). */
  'to-offscreen:play-sound': {
    request: z.strictObject({ src: wavDataUrl }),
    response: z.strictObject({ played: z.boolean() }),
  },
} satisfies RequestChannel;

/** The requests the background's router answers: both channels towards it. */
export const toBackground = { ...contentToBackground, ...uiToBackground };

export type MessageName = keyof typeof toBackground;
export type ContentMessageName = keyof typeof contentToBackground;
export type UiMessageName = keyof typeof uiToBackground;
export type MessageRequest<N extends MessageName> = z.infer<(typeof toBackground)[N]['request']>;
export type MessageResponse<N extends MessageName> = z.infer<(typeof toBackground)[N]['response']>;

/** What travels: the name and its payload (the same for every channel). */
export const envelope = z.strictObject({ name: z.string(), payload: z.unknown() });

/** Every order of a channel, as it travels. */
type OrdersOf<C extends OrderChannel, N extends keyof C & string = keyof C & string> = {
  [Name in N]: { name: Name; payload: z.infer<C[Name]> };
}[N];
export type ContentOrder = OrdersOf<typeof backgroundToContent>;
export type UiOrder = OrdersOf<typeof backgroundToUi>;

type OffscreenRequest = z.infer<(typeof backgroundToOffscreen)['to-offscreen:read-page']['request']>;
export type OffscreenReadPage = { name: 'to-offscreen:read-page'; payload: OffscreenRequest };
export type OffscreenPlaySound = {
  name: 'to-offscreen:play-sound';
  payload: z.infer<(typeof backgroundToOffscreen)['to-offscreen:play-sound']['request']>;
};

export type OffscreenInspectPage = {
  name: 'to-offscreen:inspect-page';
  payload: z.infer<(typeof backgroundToOffscreen)['to-offscreen:inspect-page']['request']>;
};
export type PageInspection = z.infer<(typeof backgroundToOffscreen)['to-offscreen:inspect-page']['response']>;

export type {
  ContractPoint,
  ContractPointName,
  Diagnostics,
  FrameCheck,
  ImportPreviewReply,
  Overview,
  PageSkeletonReply,
  PortalCheckReport,
  SettingsView,
} from './views';
