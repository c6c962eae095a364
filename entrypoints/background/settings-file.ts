/**
 * The settings file: export, and an import that is validated (zod, messages in the
 * user's language), shown as a list of changes before anything is applied, and applied
 * in one transaction. A bad file changes nothing and says what is wrong, field by field.
 * The preview names every change, those the organisation's policy locks too (marked, and
 * skipped when applied), and a selector profile text by text: a profile that drops
 * « Envoyer » turns the send guard off, which the user must see before applying it.
 * A file that makes a mailbox personal or stops the confirmation before sending from it
 * (a service mailbox disguised) is named in words and applied only when the user
 * confirms those very weakenings a second time.
 */

import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import {
  address,
  mailboxPatch,
  SETTING_FIELDS,
  type SettingsPatch,
  selectorProfile,
  settingsPatch,
} from '@/utils/protocol/shapes';
import { z } from '@/utils/protocol/zod';
import {
  enforcePolicy,
  imposesProfile,
  lockedMailboxFields,
  lockedSettings,
  type ManagedPolicy,
} from './policy/policy';
import { pathOf, problemWords, readerLanguage, zodMessages } from './problems';
import { addMailbox, confirmsBeforeSend } from './session/mailboxes';
import type { MailboxRecord } from './storage/records';
import type { StoredState } from './storage/store';

export const SETTINGS_FILE_FORMAT = 'repere-bal-settings';
export const SETTINGS_FILE_VERSION = 1;

export const settingsFile = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.string().max(40).optional(),
  settings: settingsPatch.optional(),
  mailboxes: z.array(mailboxPatch.extend({ address })).max(500).optional(),
  /** A selector profile for this deployment; null: the built-in default. */
  selectorProfile: selectorProfile.nullable().optional(),
});
export type SettingsFile = z.infer<typeof settingsFile>;

export interface FileProblem {
  /** Where, e.g. « mailboxes[2].colour » (empty: the file as a whole). */
  path: string;
  message: string;
}

/** The target of a change to the general settings (else: a mailbox's address). */
const GENERAL_SETTINGS = 'settings';

export interface SettingChange {
  /** « settings », or the mailbox's address. */
  target: string;
  field: string;
  from: unknown;
  to: unknown;
  /** The organisation's policy sets or freezes it: shown, never applied. */
  locked: boolean;
}

/** What one list of a selector profile loses and gains. */
interface ListChange<Key extends string> {
  key: Key;
  removed: string[];
  added: string[];
}

export interface ProfileChange {
  from: 'built-in' | 'custom';
  to: 'built-in' | 'custom';
  /** The policy gives the profile: shown, never applied. */
  locked: boolean;
  /** Worst first: a key none of whose current texts is kept (nothing on the page is recognised any more). */
  texts: (ListChange<keyof SelectorProfile['texts']> & { noneKept: boolean })[];
  hints: ListChange<keyof SelectorProfile['hints']>[];
}

/**
 * What an import takes away from a mailbox's protection, once the policy has had its say:
 * `personal`, the banner will say « en votre nom » on it; `no-confirmation`, sending from
 * it will no longer ask first. Worded in the preview; applied only when confirmed again.
 */
export interface Weakening {
  address: string;
  what: 'personal' | 'no-confirmation';
}

export interface ImportChanges {
  changes: SettingChange[];
  weakenings: Weakening[];
  /** null: the file leaves the selector profile as it is. */
  profile: ProfileChange | null;
}

export type ImportPreview = ({ ok: true } & ImportChanges) | { ok: false; problems: FileProblem[] };

const MAILBOX_FIELDS = ['label', 'colour', 'watched', 'confirmBeforeSend', 'sound', 'kind'] as const;

export function exportSettings(state: StoredState, now: number): SettingsFile {
  const settings = Object.fromEntries(SETTING_FIELDS.map((field) => [field, state.settings[field]])) as SettingsPatch;
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    mailboxes: state.mailboxes.map((m) => ({
      address: m.address,
      label: m.label,
      colour: m.colour,
      watched: m.watched,
      confirmBeforeSend: m.confirmBeforeSend,
      sound: m.sound,
      ...(m.kind !== 'unknown' && { kind: m.kind }),
    })),
    selectorProfile: state.settings.profileOverride,
  };
}

/** Parses a file's text; every problem comes with its place and a reason in `language`. */
export function parseSettingsFile(
  text: string,
  language: string,
): { ok: true; file: SettingsFile } | { ok: false; problems: FileProblem[] } {
  const reader = readerLanguage(language);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // The engine's own words (« Unexpected token… ») are English whatever the reader's language.
    return { ok: false, problems: [{ path: '', message: problemWords('notJson', reader) }] };
  }
  const parsed = settingsFile.safeParse(raw, { error: zodMessages(reader) });
  if (parsed.success) return { ok: true, file: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `target` (the general settings, or a mailbox) that the policy locks. */
function lockedFields(state: StoredState, policy: ManagedPolicy | null, target: string): readonly string[] {
  return target === GENERAL_SETTINGS
    ? lockedSettings(policy)
    : lockedMailboxFields(policy, target, state.portal.loginAddress);
}

/** `patch` without the fields the policy locks. */
function withoutLocked<Patch extends object>(patch: Patch, locked: readonly string[]): Partial<Patch> {
  return Object.fromEntries(Object.entries(patch).filter(([field]) => !locked.includes(field))) as Partial<Patch>;
}

function listChanges<Key extends string>(from: Record<Key, string[]>, to: Record<Key, string[]>): ListChange<Key>[] {
  return (Object.keys(from) as Key[])
    .map((key) => ({
      key,
      removed: from[key].filter((item) => !to[key].includes(item)),
      added: to[key].filter((item) => !from[key].includes(item)),
    }))
    .filter((change) => change.removed.length > 0 || change.added.length > 0);
}

function describeProfile(
  current: SelectorProfile | null,
  next: SelectorProfile | null,
  locked: boolean,
): ProfileChange {
  const from = current ?? DEFAULT_PROFILE;
  const to = next ?? DEFAULT_PROFILE;
  const texts = listChanges(from.texts, to.texts).map((change) => ({
    ...change,
    noneKept: change.removed.length > 0 && change.removed.length === from.texts[change.key].length,
  }));
  return {
    from: current ? 'custom' : 'built-in',
    to: next ? 'custom' : 'built-in',
    locked,
    texts: texts.sort((a, b) => Number(b.noneKept) - Number(a.noneKept)),
    hints: listChanges(from.hints, to.hints),
  };
}

/** A mailbox's protection as the user meets it: the banner's word, and whether sending asks first. */
function protectionOf(mailbox: MailboxRecord | undefined): { personal: boolean; confirms: boolean } {
  // A mailbox a file prepares before it is seen is a service one (applySettingsFile).
  const kind = mailbox?.kind ?? 'organisational';
  return { personal: kind === 'personal', confirms: confirmsBeforeSend(mailbox?.confirmBeforeSend, kind) };
}

/**
 * The weakenings of `file`, read on the state it would leave (applied to a copy, the policy
 * enforced as every change does), so that a locked field or an imposed confirmation
 * counts as what it is, and a kind that turns a default confirmation off counts too.
 */
function weakeningsOf(state: StoredState, file: SettingsFile, policy: ManagedPolicy | null, now: number): Weakening[] {
  const after = structuredClone(state);
  applySettingsFile(after, file, now, policy);
  enforcePolicy(after, policy);
  const addresses = new Set((file.mailboxes ?? []).map((entry) => entry.address));
  return [...addresses].flatMap((address): Weakening[] => {
    const before = protectionOf(state.mailboxes.find((m) => m.address === address));
    const then = protectionOf(after.mailboxes.find((m) => m.address === address));
    return [
      ...(!before.personal && then.personal ? [{ address, what: 'personal' as const }] : []),
      ...(before.confirms && !then.confirms ? [{ address, what: 'no-confirmation' as const }] : []),
    ];
  });
}

/** Whether every weakening of an import is among those the user confirmed (in the words shown). */
export function weakeningsConfirmed(weakenings: readonly Weakening[], confirmed: readonly Weakening[]): boolean {
  return weakenings.every((w) => confirmed.some((c) => c.address === w.address && c.what === w.what));
}

/** What applying `file` would change, without changing anything; what `policy` locks is marked. */
export function describeImport(
  state: StoredState,
  file: SettingsFile,
  policy: ManagedPolicy | null,
  now: number,
): ImportChanges {
  const changes: SettingChange[] = [];
  const change = (target: string, field: string, from: unknown, to: unknown) =>
    changes.push({ target, field, from, to, locked: lockedFields(state, policy, target).includes(field) });
  for (const field of SETTING_FIELDS) {
    const to = file.settings?.[field];
    if (to !== undefined && !same(state.settings[field], to))
      change(GENERAL_SETTINGS, field, state.settings[field], to);
  }
  for (const entry of file.mailboxes ?? []) {
    const known = state.mailboxes.find((m) => m.address === entry.address);
    for (const field of MAILBOX_FIELDS) {
      const to = entry[field];
      if (to === undefined) continue;
      const from = known ? known[field] : null;
      if (!known || !same(from, to)) change(entry.address, field, from, to);
    }
  }
  const current = state.settings.profileOverride;
  const profile =
    file.selectorProfile === undefined || same(current, file.selectorProfile)
      ? null
      : describeProfile(current, file.selectorProfile, imposesProfile(policy));
  return { changes, weakenings: weakeningsOf(state, file, policy, now), profile };
}

/** Applies a mailbox patch (from the settings, or a file); a kind set here is the user's word. */
export function patchMailbox(mailbox: MailboxRecord, patch: z.infer<typeof mailboxPatch>): void {
  if (patch.label !== undefined) mailbox.label = patch.label;
  if (patch.colour !== undefined) mailbox.colour = patch.colour;
  if (patch.watched !== undefined) mailbox.watched = patch.watched;
  if (patch.confirmBeforeSend !== undefined) mailbox.confirmBeforeSend = patch.confirmBeforeSend;
  if (patch.sound !== undefined) mailbox.sound = patch.sound;
  if (patch.kind !== undefined) {
    mailbox.kind = patch.kind;
    mailbox.kindSource = 'user';
  }
}

/** Applies `file`, but for what `policy` locks (the preview names those as not applied). */
export function applySettingsFile(
  state: StoredState,
  file: SettingsFile,
  now: number,
  policy: ManagedPolicy | null,
): void {
  Object.assign(state.settings, withoutLocked(file.settings ?? {}, lockedFields(state, policy, GENERAL_SETTINGS)));
  if (file.selectorProfile !== undefined && !imposesProfile(policy))
    state.settings.profileOverride = file.selectorProfile;
  for (const entry of file.mailboxes ?? []) {
    let mailbox = state.mailboxes.find((m) => m.address === entry.address);
    // A mailbox not seen here yet (a new workstation): prepared for when it shows up.
    mailbox ??= addMailbox(state, entry.address, entry.kind ?? 'organisational', now, {
      kindSource: entry.kind ? 'user' : 'inferred',
    });
    patchMailbox(mailbox, withoutLocked(entry, lockedFields(state, policy, entry.address)));
  }
}
