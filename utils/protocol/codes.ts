/**
 * Failures as codes, never as sentences: what a poll records (stored, then sent in the
 * overview and the diagnostics) and what a refused or failed message answers. They are
 * worded in the reader's language only where they are shown (wording.ts: the popup, the
 * options page, the badge, the banner); logs, which are for IT, say them in French.
 */
import { z } from './zod';

/** Why a poll failed, without parameters (`http` carries the status: see `pollError`). */
const POLL_FAILURES = [
  /** The URL, or where its redirects led, is not on a granted portal origin. */
  'off-portal',
  /** The page passed the size cap (MAX_PORTAL_PAGE_BYTES). */
  'too-large',
  /** The request, its body included, took too long. */
  'timeout',
  'network',
  /** Neither a login page nor a webmail page. */
  'unrecognised-page',
  /** A webmail page without the account chooser. */
  'no-chooser',
  /** Reading the page (in the offscreen document) took too long. */
  'read-timeout',
  /** Reading the page failed (no reader, no answer, an error). */
  'unreadable',
  /** The whole poll passed its deadline and was abandoned. */
  'too-long',
  /**
   * The inbox page read instead of a chooser without counts: the label does not say
   * which mailbox it shows (docs/portal-contract.md, points 2 and 3).
   */
  'inbox-no-mailbox',
  /** The inbox page read instead of a chooser without counts has no « Boîte de réception » (point 7). */
  'inbox-no-count',
] as const;

/** Why a poll failed: a code, and the portal's status for `http`. */
export const pollError = z.union([
  z.strictObject({ code: z.enum(POLL_FAILURES) }),
  z.strictObject({ code: z.literal('http'), status: z.number().int().min(100).max(999) }),
]);
export type PollError = z.infer<typeof pollError>;

/** What the diagnostics' history says of one poll: its error, or what it found. */
export const pollNote = z.union([
  pollError,
  /** The chooser listed this many mailboxes. */
  z.strictObject({ code: z.literal('mailboxes'), count: z.number().int().min(0) }),
  /** The chooser listed this many mailboxes, and not one unread count: the next polls read the inbox page. */
  z.strictObject({ code: z.literal('mailboxes-uncounted'), count: z.number().int().min(0) }),
  /** The inbox page of the active mailbox was read (the chooser shows no counts): its unread count. */
  z.strictObject({ code: z.literal('inbox'), unread: z.number().int().min(0) }),
  /** A portal tab showed the login page: polls pause (no poll was made). */
  z.strictObject({ code: z.literal('login-page') }),
]);
export type PollNote = z.infer<typeof pollNote>;

/** Why the background's router refused a message (its log says more, in French). */
type RefusalReason = 'envelope' | 'name' | 'sender' | 'payload';

/**
 * Why a message to the background got no answer. Plain data (the router builds it, no
 * schema reads it back), so that senders import it as a type only.
 */
export type Failure =
  /** The background did not answer (asleep, reloaded, gone). */
  | { code: 'no-answer' }
  | { code: 'refused'; reason: RefusalReason }
  /** The handler failed, or its answer broke the protocol. */
  | { code: 'failed' }
  /** The organisation's policy sets these fields. */
  | { code: 'locked'; fields: string[] }
  /** The policy asks for at least this many minutes between two polls. */
  | { code: 'min-interval'; minutes: number }
  | { code: 'unknown-mailbox'; address: string }
  /** A settings file weakens a mailbox's protection and the user did not confirm it again. */
  | { code: 'weakening-unconfirmed' };

/** A reply: the answer, or why there is none. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: Failure };
