/**
 * The one protocol between the extension's contexts. Names say the direction:
 * `content:*` comes from the content script on the portal, `page:*` from the
 * extension's own pages (popup, options). Every request and answer has a zod schema;
 * the background validates both sides (see `createMessageRouter`). Senders use
 * `message-client.ts`, which imports only the types, so no schema code reaches the
 * content script's bundle.
 */
import { z } from 'zod';
import { MAX_PORTAL_PAGE_BYTES } from '../../entrypoints/background/checks/portal-page-fetcher';
import {
  address,
  hexColour,
  limitReached,
  mailboxKind,
  mailboxPatch,
  mailboxView,
  notificationLogRecord,
  pageReading,
  pollStateRecord,
  portalFrame,
  portalView,
  selectorProfile,
  settingsPatch,
} from './shapes';

const done = z.strictObject({ ok: z.literal(true) });

const chooserEntries = pageReading.shape.chooser;

const overview = z.strictObject({
  mailboxes: z.array(mailboxView.extend({ watched: z.boolean(), active: z.boolean() })),
  poll: pollStateRecord.pick({
    status: true,
    lastPollAt: true,
    lastSuccessAt: true,
    nextPollAt: true,
    lastError: true,
  }),
  notifications: z.array(
    notificationLogRecord.pick({ notificationId: true, kind: true, address: true, count: true, title: true, at: true }),
  ),
  portalUrl: z.string().nullable(),
});
export type Overview = z.infer<typeof overview>;

const settingsView = z.strictObject({
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
      unread: z.number().int().min(0).nullable(),
      portalDefault: z.boolean().nullable(),
      /** Fields the organisation's policy sets for this mailbox. */
      locked: z.array(z.enum(['label', 'colour', 'watched'])),
    }),
  ),
  customProfile: z.boolean(),
  /** Settings fixed by the organisation's policy (shown locked). */
  locked: z.array(z.string()),
  /** The smallest check interval the policy allows. */
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
const importPreview = z.union([
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

const diagnostics = z.strictObject({
  version: z.string(),
  lastReading: pageReading.nullable(),
  lastReadingAt: z.number(),
  poll: pollStateRecord.omit({ id: true }),
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
  policy: z.strictObject({ state: z.enum(['none', 'active', 'refused']), reason: z.string().nullable() }),
});
export type Diagnostics = z.infer<typeof diagnostics>;
const accountRows = pageReading.shape.accountTable;

export const protocol = {
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
      discovered: z
        .strictObject({
          chooser: chooserEntries,
          accountTable: accountRows,
          /** The frame the menu's pages show; null: they show none; absent: they could not be read. */
          frame: portalFrame.nullable().optional(),
          /** Which of the menu's pages showed the chooser (one the checks may read): its URL. */
          chooserPageUrl: z
            .url({ protocol: /^https?$/ })
            .max(2000)
            .nullable()
            .optional(),
        })
        .nullable(),
    }),
    response: portalView,
  },
  /** A login form was submitted: a new session, and the preferred mailbox to apply once. */
  'content:login-submitted': {
    request: z.strictObject({ address }),
    response: done,
  },
  /** The user (or the preferred-mailbox rule) asked to switch; the next pages tell if it landed. */
  'content:switch-requested': {
    request: z.strictObject({ address }),
    response: done,
  },
  'content:set-confirm-before-send': {
    request: z.strictObject({ address, confirm: z.boolean() }),
    response: done,
  },
  'content:set-banner-collapsed': {
    request: z.strictObject({ collapsed: z.boolean() }),
    response: done,
  },
  /** The popup's overview: the mailboxes of the person logged in, the checks, the last notifications. */
  'page:overview': {
    request: z.strictObject({}),
    response: overview,
  },
  /** Brings the portal forward on this mailbox (switching through the portal's chooser). */
  'page:open-mailbox': {
    request: z.strictObject({ address }),
    response: done,
  },
  'page:settings': {
    request: z.strictObject({}),
    response: settingsView,
  },
  'page:update-settings': {
    request: z.strictObject({ patch: settingsPatch }),
    response: settingsView,
  },
  'page:update-mailbox': {
    request: z.strictObject({ address, patch: mailboxPatch }),
    response: settingsView,
  },
  'page:export-settings': {
    request: z.strictObject({}),
    response: z.strictObject({ fileName: z.string(), text: z.string() }),
  },
  /** Reads a settings file and says what it would change, or what is wrong with it. */
  'page:preview-import': {
    request: z.strictObject({ text: z.string().max(2_000_000) }),
    response: importPreview,
  },
  'page:apply-import': {
    request: z.strictObject({ text: z.string().max(2_000_000) }),
    response: importPreview,
  },
  /** The browser granted (or withdrew) access to a portal origin the policy adds. */
  'page:portal-access-changed': {
    request: z.strictObject({}),
    response: done,
  },
  'page:diagnostics': {
    request: z.strictObject({}),
    response: diagnostics,
  },
  /** « Vérifier maintenant ». */
  'page:check-now': {
    request: z.strictObject({}),
    response: z.strictObject({
      status: z.enum(['idle', 'ok', 'error', 'expired', 'no-session', 'paused', 'busy']),
      notifications: z.number().int().min(0),
    }),
  },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type MessageName = keyof typeof protocol;
export type MessageRequest<N extends MessageName> = z.infer<(typeof protocol)[N]['request']>;
export type MessageResponse<N extends MessageName> = z.infer<(typeof protocol)[N]['response']>;

/** What travels: the name and its payload. */
const envelope = z.strictObject({ name: z.string(), payload: z.unknown() });

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type MessageHandlers = {
  [N in MessageName]: (payload: MessageRequest<N>, sender: MessageSender) => Promise<MessageResponse<N>>;
};

/** Returns why a sender may not send this message, or null when it may. */
export type SenderCheck = (name: MessageName, sender: MessageSender) => string | null;

/**
 * The background's `runtime.onMessage` listener: it checks the envelope, the sender
 * and the payload, runs the handler, checks the answer, and logs every refusal.
 */
export function createMessageRouter(
  handlers: MessageHandlers,
  checkSender: SenderCheck,
  logRefusal: (reason: string) => void,
): (message: unknown, sender: MessageSender) => Promise<Reply<unknown>> {
  return async (message, sender) => {
    const refuse = (reason: string): Reply<never> => {
      logRefusal(reason);
      return { ok: false, error: reason };
    };
    const parsed = envelope.safeParse(message);
    if (!parsed.success) return refuse('message refusé : enveloppe invalide');
    const { name, payload } = parsed.data;
    if (!isMessageName(name)) return refuse(`message refusé : nom inconnu « ${name.slice(0, 60)} »`);
    const senderProblem = checkSender(name, sender);
    if (senderProblem) return refuse(`message ${name} refusé : ${senderProblem}`);
    const request = protocol[name].request.safeParse(payload);
    if (!request.success) return refuse(`message ${name} refusé : ${z.prettifyError(request.error)}`);
    try {
      const handler = handlers[name] as (p: unknown, s: MessageSender) => Promise<unknown>;
      const value = protocol[name].response.parse(await handler(request.data, sender));
      return { ok: true, value };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logRefusal(`message ${name} en échec : ${reason}`);
      return { ok: false, error: reason };
    }
  };
}

/**
 * Chrome only: the background asks its offscreen document (which has a DOMParser) to
 * read a portal page with utils/portal. Not part of `protocol`: it never reaches the
 * background's router.
 */
export const offscreenReadPage = z.strictObject({
  name: z.literal('offscreen:read-page'),
  html: z.string().max(MAX_PORTAL_PAGE_BYTES),
  url: z.url(),
  profile: selectorProfile,
  frame: portalFrame.nullable(),
  reachedBy: z.enum(['chooser', 'account']).nullable(),
});
export type OffscreenReadPage = z.infer<typeof offscreenReadPage>;
