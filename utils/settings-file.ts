/**
 * The settings file: export, and an import that is validated (zod, messages in the
 * user's language), shown as a list of changes before anything is applied, and applied
 * in one transaction. A bad file changes nothing and says what is wrong, field by field.
 */
import { z } from 'zod';
import { en, fr } from 'zod/locales';
import { addMailbox } from './portal-session';
import {
  address,
  type MailboxRecord,
  mailboxPatch,
  SETTING_FIELDS,
  type SettingsPatch,
  selectorProfile,
  settingsPatch,
} from './schemas';
import type { StoredState } from './store';

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

export interface SettingChange {
  /** « settings », or the mailbox's address. */
  target: string;
  field: string;
  from: unknown;
  to: unknown;
}

export type ImportPreview = { ok: true; changes: SettingChange[] } | { ok: false; problems: FileProblem[] };

const MAILBOX_FIELDS = ['label', 'colour', 'watched', 'confirmBeforeSend', 'kind'] as const;

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
      ...(m.kind !== 'unknown' && { kind: m.kind }),
    })),
    selectorProfile: state.settings.profileOverride,
  };
}

function pathOf(segments: PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${String(segment)}` : String(segment),
    '',
  );
}

/** Parses a file's text; every problem comes with its place and a reason in `language`. */
export function parseSettingsFile(
  text: string,
  language: string,
): { ok: true; file: SettingsFile } | { ok: false; problems: FileProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
  const locale = language.toLowerCase().startsWith('fr') ? fr() : en();
  const parsed = settingsFile.safeParse(raw, { error: locale.localeError });
  if (parsed.success) return { ok: true, file: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What applying `file` would change, without changing anything. */
export function describeImport(state: StoredState, file: SettingsFile): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const field of SETTING_FIELDS) {
    const to = file.settings?.[field];
    if (to !== undefined && !same(state.settings[field], to))
      changes.push({ target: 'settings', field, from: state.settings[field], to });
  }
  if (file.selectorProfile !== undefined && !same(state.settings.profileOverride, file.selectorProfile)) {
    changes.push({
      target: 'settings',
      field: 'selectorProfile',
      from: state.settings.profileOverride !== null,
      to: file.selectorProfile !== null,
    });
  }
  for (const entry of file.mailboxes ?? []) {
    const known = state.mailboxes.find((m) => m.address === entry.address);
    for (const field of MAILBOX_FIELDS) {
      const to = entry[field];
      if (to === undefined) continue;
      const from = known ? known[field] : null;
      if (!known || !same(from, to)) changes.push({ target: entry.address, field, from, to });
    }
  }
  return changes;
}

/** Applies a mailbox patch (from the settings, or a file); a kind set here is the user's word. */
export function patchMailbox(mailbox: MailboxRecord, patch: z.infer<typeof mailboxPatch>): void {
  if (patch.label !== undefined) mailbox.label = patch.label;
  if (patch.colour !== undefined) mailbox.colour = patch.colour;
  if (patch.watched !== undefined) mailbox.watched = patch.watched;
  if (patch.confirmBeforeSend !== undefined) mailbox.confirmBeforeSend = patch.confirmBeforeSend;
  if (patch.kind !== undefined) {
    mailbox.kind = patch.kind;
    mailbox.kindSource = 'user';
  }
}

export function applySettingsFile(state: StoredState, file: SettingsFile, now: number): void {
  Object.assign(state.settings, file.settings ?? {});
  if (file.selectorProfile !== undefined) state.settings.profileOverride = file.selectorProfile;
  for (const entry of file.mailboxes ?? []) {
    let mailbox = state.mailboxes.find((m) => m.address === entry.address);
    // A mailbox not seen here yet (a new workstation): prepared for when it shows up.
    mailbox ??= addMailbox(state, entry.address, entry.kind ?? 'organisational', now, {
      kindSource: entry.kind ? 'user' : 'inferred',
    });
    patchMailbox(mailbox, entry);
  }
}
