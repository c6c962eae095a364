/**
 * The organisation's policy (`storage.managed`: Chrome's managed_schema, Firefox's
 * policies.json « 3rdparty » section): additional portal origins; per mailbox its label,
 * colour, watch, kind and confirmation before sending; the confirmation before sending
 * from any service mailbox (`alwaysConfirmServices`); a forced privacy mode, a minimum check interval, the pause of announcements
 * forbidden or limited, settings imposed (`settings`) or frozen at their current value
 * (`lockedSettings`).
 * Managed values win: they are written over the user's in every change (entrypoints/background/storage/store.ts),
 * frozen ones are put back after every change whatever its path, and the settings show
 * both locked. A malformed policy is refused as a whole, with the reason kept for
 * diagnostics: the user's own settings then apply.
 */
import { z } from 'zod';
import { MAX_PAUSE_MINUTES } from '../../../utils/protocol/messages';
import {
  address,
  hexColour,
  LOCKABLE_MAILBOX_FIELDS,
  MIN_POLL_MINUTES,
  mailboxKind,
  mailboxLabel,
  SETTING_FIELDS,
  selectorProfile,
  settingsPatch,
} from '../../../utils/protocol/shapes';
import type { PauseLimits } from '../checks/pause';
import type { SettingsRecord } from '../storage/records';
import type { StoredState } from '../storage/store';

/** Settings a policy may impose (and so lock): every one a user may change. */
export const LOCKABLE_SETTINGS = SETTING_FIELDS;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** A portal origin as a match pattern, https only: « https://preprod.medimail.mipih.fr/* ». */
const portalOrigin = z
  .string()
  .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/\*$/i, { error: 'motif attendu : https://hôte/*' });

export const managedPolicy = z.object({
  portalOrigins: z.array(portalOrigin).max(20).optional(),
  mailboxes: z
    .array(
      z.object({
        address,
        label: mailboxLabel.optional(),
        colour: hexColour.optional(),
        watched: z.boolean().optional(),
        /** The banner's word for it: a service mailbox cannot be called personal by a file or a click. */
        kind: mailboxKind.exclude(['unknown']).optional(),
        confirmBeforeSend: z.boolean().optional(),
      }),
    )
    .max(500)
    .optional(),
  /**
   * true: sending from any mailbox but the person's own (the confirmed login address)
   * always asks first, whatever kind a user or a file gives it.
   */
  alwaysConfirmServices: z.boolean().optional(),
  privacyMode: z.boolean().optional(),
  minPollIntervalMinutes: z.number().int().min(MIN_POLL_MINUTES).max(120).optional(),
  /** false: no pause of the announcements (the panel and the notifications offer none). */
  pauseAllowed: z.boolean().optional(),
  /** The longest pause of the announcements, in minutes: a longer one is cut to it. */
  maxPauseMinutes: z.number().int().min(1).max(MAX_PAUSE_MINUTES).optional(),
  settings: settingsPatch.optional(),
  lockedSettings: z.array(z.enum(LOCKABLE_SETTINGS)).optional(),
  selectorProfile: selectorProfile.optional(),
});
export type ManagedPolicy = z.infer<typeof managedPolicy>;

export type PolicyReading = { ok: true; policy: ManagedPolicy | null } | { ok: false; reason: string };

/** Reads what `storage.managed` holds (an empty object: no policy). */
export function readPolicy(raw: unknown): PolicyReading {
  if (raw === null || raw === undefined || (typeof raw === 'object' && Object.keys(raw).length === 0)) {
    return { ok: true, policy: null };
  }
  const parsed = managedPolicy.safeParse(raw);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, reason: z.prettifyError(parsed.error) };
}

/** The settings this policy writes itself (`settings`, `privacyMode`). */
function imposedSettings(policy: ManagedPolicy): Set<LockableSetting> {
  const imposed = new Set(Object.keys(policy.settings ?? {}) as LockableSetting[]);
  if (policy.privacyMode !== undefined) imposed.add('privacyMode');
  return imposed;
}

/**
 * The settings the user may not change under this policy: those it sets (`settings`,
 * `privacyMode`) and those it freezes at their current value (`lockedSettings`).
 */
export function lockedSettings(policy: ManagedPolicy | null): LockableSetting[] {
  if (!policy) return [];
  const locked = new Set([...imposedSettings(policy), ...(policy.lockedSettings ?? [])]);
  return LOCKABLE_SETTINGS.filter((key) => locked.has(key));
}

export function isSettingLocked(policy: ManagedPolicy | null, field: LockableSetting): boolean {
  return lockedSettings(policy).includes(field);
}

/** Whether the policy gives the selector profile (a file's or the user's then never applies). */
export function imposesProfile(policy: ManagedPolicy | null): boolean {
  return policy?.selectorProfile !== undefined;
}

function copySetting<K extends LockableSetting>(to: SettingsRecord, from: SettingsRecord, field: K): void {
  to[field] = from[field];
}

/**
 * Puts back the value each setting frozen by `lockedSettings` had before a change (run
 * inside every change, before `enforcePolicy`): whatever path the change took, a frozen
 * value stays. Settings the policy imposes are left to `enforcePolicy`, which writes them.
 */
export function keepFrozenSettings(
  settings: SettingsRecord,
  before: SettingsRecord,
  policy: ManagedPolicy | null,
): void {
  if (!policy) return;
  const imposed = imposedSettings(policy);
  for (const field of policy.lockedSettings ?? []) {
    if (!imposed.has(field)) copySetting(settings, before, field);
  }
}

/** What the policy allows of the pause of announcements. */
export function pauseLimits(policy: ManagedPolicy | null): PauseLimits {
  return { allowed: policy?.pauseAllowed !== false, longestMinutes: policy?.maxPauseMinutes ?? null };
}

type LockableMailboxField = (typeof LOCKABLE_MAILBOX_FIELDS)[number];

/** Whether sending from this mailbox must ask first by policy (it is not the person's own). */
function confirmationImposed(policy: ManagedPolicy, mailboxAddress: string, loginAddress: string | null): boolean {
  return policy.alwaysConfirmServices === true && mailboxAddress !== loginAddress;
}

/**
 * Mailbox fields the policy sets (and so locks), by address; `loginAddress` is the
 * confirmed login, the one mailbox `alwaysConfirmServices` leaves to the user.
 */
export function lockedMailboxFields(
  policy: ManagedPolicy | null,
  mailboxAddress: string,
  loginAddress: string | null,
): LockableMailboxField[] {
  if (!policy) return [];
  const entry = policy.mailboxes?.find((m) => m.address === mailboxAddress);
  const imposedConfirm = confirmationImposed(policy, mailboxAddress, loginAddress);
  return LOCKABLE_MAILBOX_FIELDS.filter(
    (field) => entry?.[field] !== undefined || (field === 'confirmBeforeSend' && imposedConfirm),
  );
}

/** Writes the managed values over the state (run inside every change). */
export function enforcePolicy(state: StoredState, policy: ManagedPolicy | null): void {
  if (!policy) return;
  const { settings } = state;
  Object.assign(settings, policy.settings ?? {});
  if (policy.privacyMode !== undefined) settings.privacyMode = policy.privacyMode;
  if (policy.minPollIntervalMinutes !== undefined) {
    settings.pollIntervalMinutes = Math.max(settings.pollIntervalMinutes, policy.minPollIntervalMinutes);
  }
  if (policy.selectorProfile) settings.profileOverride = policy.selectorProfile;
  // A pause under way when the policy came (or changed) ends, or is cut to its longest.
  const { pause } = state.poll;
  const limits = pauseLimits(policy);
  if (pause && !limits.allowed) state.poll.pause = null;
  else if (pause && limits.longestMinutes !== null) {
    pause.until = Math.min(pause.until, pause.since + limits.longestMinutes * 60_000);
  }
  for (const entry of policy.mailboxes ?? []) {
    const mailbox = state.mailboxes.find((m) => m.address === entry.address);
    if (!mailbox) continue;
    if (entry.label !== undefined) mailbox.label = entry.label;
    if (entry.colour !== undefined) mailbox.colour = entry.colour;
    if (entry.watched !== undefined) mailbox.watched = entry.watched;
    if (entry.kind !== undefined) {
      mailbox.kind = entry.kind;
      // The organisation's word, like the user's, is not inferred again at the next login.
      mailbox.kindSource = 'user';
    }
    if (entry.confirmBeforeSend !== undefined) mailbox.confirmBeforeSend = entry.confirmBeforeSend;
  }
  for (const mailbox of state.mailboxes) {
    if (confirmationImposed(policy, mailbox.address, state.portal.loginAddress)) mailbox.confirmBeforeSend = true;
  }
}
