/**
 * The organisation's policy (`storage.managed`: Chrome's managed_schema, Firefox's
 * policies.json « 3rdparty » section): additional portal origins; per mailbox its label,
 * colour, watch, kind and confirmation before sending; the confirmation before sending
 * from any service mailbox (`alwaysConfirmServices`); a forced privacy mode, a minimum poll interval, the pause of announcements
 * forbidden or limited, settings imposed (`settings`) or frozen at their current value
 * (`lockedSettings`).
 * Managed values win: they are written over the user's in every change (policy-in-force.ts, the store's step),
 * frozen ones are put back after every change whatever its path, and the settings show
 * both locked. An invalid value is refused alone and named in the diagnostics; the
 * rest of the policy applies.
 */

import type { PauseLimits } from '@/entrypoints/background/announce/pause';
import { issuesText, problemWords, readerLanguage, zodMessages } from '@/entrypoints/background/problems';
import type { SettingsRecord } from '@/entrypoints/background/storage/records';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { MAX_PAUSE_MINUTES } from '@/utils/protocol/messages';
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
} from '@/utils/protocol/shapes';
import { z } from '@/utils/protocol/zod';

/** Settings a policy may impose (and so lock): every one a user may change. */
export const LOCKABLE_SETTINGS = SETTING_FIELDS;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** A portal origin as a match pattern, https only: « https://preprod.medimail.mipih.fr/* ». */
const portalOrigin = z
  .string()
  .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/\*$/i, { error: 'motif attendu : https://hôte/*' });

/** One mailbox's imposed values, by address. */
const policyMailbox = z.object({
  address,
  label: mailboxLabel.optional(),
  colour: hexColour.optional(),
  watched: z.boolean().optional(),
  /** The banner's word for it: a service mailbox cannot be called personal by a file or a click. */
  kind: mailboxKind.exclude(['unknown']).optional(),
  confirmBeforeSend: z.boolean().optional(),
});
const lockableSetting = z.enum(LOCKABLE_SETTINGS);

export const managedPolicy = z.object({
  portalOrigins: z.array(portalOrigin).max(20).optional().meta({
    title: 'Portails supplémentaires',
    description:
      "Motifs https://hôte/* d'autres portails Medimail (préproduction). L'utilisateur les autorise d'un clic dans les réglages.",
  }),
  mailboxes: z.array(policyMailbox).max(500).optional().meta({
    title: 'Boîtes aux lettres',
    description:
      "Par adresse : nom affiché, couleur (#rrggbb), surveillance, nature (personal ou organisational) et confirmation avant l'envoi imposés.",
  }),
  /**
   * true: sending from any mailbox but the person's own (the confirmed login address)
   * always asks first, whatever kind a user or a file gives it.
   */
  alwaysConfirmServices: z.boolean().optional().meta({
    title: "Toujours confirmer l'envoi depuis une BAL de service",
    description:
      "true : l'envoi depuis toute boîte autre que la boîte personnelle de connexion demande confirmation, quelle que soit la nature qu'un utilisateur ou un fichier lui donne ; réglage verrouillé.",
  }),
  privacyMode: z.boolean().optional().meta({
    title: 'Notifications discrètes imposées',
    description:
      "true : les notifications de nouveau courrier et l'infobulle du bouton ne nomment aucune boîte (ni nom ni adresse), réglage verrouillé. false : elles nomment la boîte, réglage verrouillé. Jamais d'objet ni d'expéditeur, dans tous les cas.",
  }),
  minPollIntervalMinutes: z
    .number()
    .int()
    .min(MIN_POLL_MINUTES)
    .max(120)
    .optional()
    .meta({ title: 'Intervalle minimal entre deux vérifications (minutes)' }),
  /** false: no pause of the announcements (the panel and the notifications offer none). */
  pauseAllowed: z.boolean().optional().meta({
    title: 'Pause des annonces permise',
    description:
      "false : le panneau et les notifications n'offrent pas de mettre les annonces (notifications, son) en pause, et une pause en cours prend fin.",
  }),
  /** The longest pause of the announcements, in minutes: a longer one is cut to it. */
  maxPauseMinutes: z.number().int().min(1).max(MAX_PAUSE_MINUTES).optional().meta({
    title: "Durée maximale d'une pause des annonces (minutes)",
    description: 'Une pause plus longue est ramenée à cette durée (1 à 2880).',
  }),
  settings: settingsPatch.optional().meta({ title: 'Réglages imposés (et verrouillés)' }),
  lockedSettings: z.array(lockableSetting).optional().meta({ title: 'Réglages verrouillés à leur valeur actuelle' }),
  selectorProfile: selectorProfile
    .optional()
    .meta({ title: 'Profil de sélecteurs du portail (voir docs/deploiement.md)' }),
});
export type ManagedPolicy = z.infer<typeof managedPolicy>;

/** A policy value refused on its own: where it is (`settings.quietHours`, `mailboxes[2]`) and why. */
export interface RefusedValue {
  path: string;
  reason: string;
}

export type PolicyReading =
  | { ok: true; policy: ManagedPolicy | null; refused: RefusedValue[] }
  | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lists whose entries stand alone: one bad entry is refused, not the list. */
const ENTRY_SCHEMAS: Partial<Record<keyof ManagedPolicy, z.ZodType>> = {
  portalOrigins: portalOrigin,
  mailboxes: policyMailbox,
  lockedSettings: lockableSetting,
};

/**
 * Reads what `storage.managed` holds (an empty object: no policy). Each value stands
 * alone: one that is invalid is refused and named, the rest imposed, so that a forced
 * privacy mode never falls with an unrelated typo. Each setting of `settings` and each
 * entry of a list stands alone too.
 */
export function readPolicy(raw: unknown, language = 'fr'): PolicyReading {
  if (raw === null || raw === undefined || (isRecord(raw) && Object.keys(raw).length === 0)) {
    return { ok: true, policy: null, refused: [] };
  }
  const reader = readerLanguage(language);
  if (!isRecord(raw)) return { ok: false, reason: problemWords('notAnObject', reader) };
  const refused: RefusedValue[] = [];
  const valid = (schema: z.ZodType, value: unknown, path: string): boolean => {
    const parsed = schema.safeParse(value, { error: zodMessages(reader) });
    if (!parsed.success) refused.push({ path, reason: issuesText(parsed.error) });
    return parsed.success;
  };
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = managedPolicy.shape[key as keyof ManagedPolicy] as z.ZodType | undefined;
    if (!field) {
      refused.push({ path: key, reason: problemWords('unknownKey', reader) });
      continue;
    }
    const entry = ENTRY_SCHEMAS[key as keyof ManagedPolicy];
    let candidate = value;
    if (entry && Array.isArray(value)) candidate = value.filter((item, i) => valid(entry, item, `${key}[${i}]`));
    else if (key === 'settings' && isRecord(value)) {
      candidate = Object.fromEntries(
        Object.entries(value).filter(([name, setting]) =>
          valid(settingsPatch, { [name]: setting }, `settings.${name}`),
        ),
      );
    }
    if (valid(field, candidate, key)) kept[key] = candidate;
  }
  return { ok: true, policy: managedPolicy.parse(kept), refused };
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
