/**
 * The settings file: export, a checked import that names each problem, a preview that
 * names every change (locked ones too, a selector profile text by text), then the change,
 * which leaves alone what the organisation's policy locks.
 */
import { describe, expect, it } from 'vitest';
import { type ManagedPolicy, readPolicy } from '@/entrypoints/background/policy/policy';
import {
  applySettingsFile,
  describeImport,
  exportSettings,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
  type SettingsFile,
} from '@/entrypoints/background/settings-file';
import type { StoredState } from '@/entrypoints/background/storage/store';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import { mailboxRecord, storedState } from './records';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';

function state(): StoredState {
  return storedState([
    mailboxRecord(CARDIO, 'organisational', { displayName: 'Secrétariat de cardiologie', unread: 4 }),
  ]);
}

describe('settings file', () => {
  it('exports what the user set, never counts or portal text', () => {
    const file = exportSettings(state(), Date.UTC(2026, 10, 26));
    expect(file).toMatchObject({ format: SETTINGS_FILE_FORMAT, version: 1, exportedAt: '2026-11-26T00:00:00.000Z' });
    expect(file.mailboxes).toEqual([
      {
        address: CARDIO,
        label: null,
        colour: '#0072B2',
        watched: true,
        confirmBeforeSend: null,
        sound: false,
        kind: 'organisational',
      },
    ]);
    expect(JSON.stringify(file)).not.toContain('Secrétariat');
  });

  it('reads back its own export, which changes nothing', () => {
    const current = state();
    const parsed = parseSettingsFile(JSON.stringify(exportSettings(current, 0)), 'fr');
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(describeImport(current, parsed.file, null, 0)).toEqual({ changes: [], weakenings: [], profile: null });
  });

  it('names every problem with its place, in French or in English', () => {
    const bad = JSON.stringify({
      format: SETTINGS_FILE_FORMAT,
      version: 1,
      settings: { pollIntervalMinutes: 0, quietHours: { enabled: true, start: '25:00', end: '07:00' }, extra: 1 },
      mailboxes: [{ address: 'pas-une-adresse', colour: '#777799' }],
    });
    const fr = parseSettingsFile(bad, 'fr-FR');
    expect(fr.ok).toBe(false);
    if (fr.ok) return;
    const byPath = Object.fromEntries(fr.problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'mailboxes[0].address',
        'mailboxes[0].colour',
        'settings',
        'settings.pollIntervalMinutes',
        'settings.quietHours.start',
      ].sort(),
    );
    expect(byPath['settings.quietHours.start']).toBe('heure attendue au format HH:MM');
    expect(byPath['mailboxes[0].colour']).toMatch(/contraste/);
    expect(byPath['settings.pollIntervalMinutes']).toMatch(/trop petit|>=/i);
    const en = parseSettingsFile(bad, 'en-GB');
    expect(en.ok || en.problems.find((p) => p.path === 'settings.pollIntervalMinutes')?.message).toMatch(/too small/i);
  });

  it('says when the text is not JSON, or not a settings file', () => {
    expect(parseSettingsFile('{ oups', 'fr')).toMatchObject({
      ok: false,
      problems: [{ path: '', message: 'ce n’est pas du JSON lisible' }],
    });
    expect(parseSettingsFile('{ oups', 'en-GB')).toMatchObject({
      ok: false,
      problems: [{ path: '', message: 'this is not readable JSON' }],
    });
    const other = parseSettingsFile(JSON.stringify({ format: 'autre', version: 1 }), 'fr');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.problems[0]?.path).toBe('format');
  });

  it('lists the changes, then applies them (a new mailbox is prepared, a kind set is the user’s word)', () => {
    const current = state();
    const parsed = parseSettingsFile(
      JSON.stringify({
        format: SETTINGS_FILE_FORMAT,
        version: 1,
        settings: { pollIntervalMinutes: 5, privacyMode: current.settings.privacyMode },
        mailboxes: [
          { address: CARDIO, label: 'Cardio', colour: '#D55E00' },
          { address: 'bloc@chu.fr', kind: 'organisational', watched: false },
        ],
      }),
      'fr',
    );
    if (!parsed.ok) throw new Error('valid file refused');
    expect(describeImport(current, parsed.file, null, 0)).toEqual({
      changes: [
        { target: 'settings', field: 'pollIntervalMinutes', from: 2, to: 5, locked: false },
        { target: CARDIO, field: 'label', from: null, to: 'Cardio', locked: false },
        { target: CARDIO, field: 'colour', from: '#0072B2', to: '#D55E00', locked: false },
        { target: 'bloc@chu.fr', field: 'watched', from: null, to: false, locked: false },
        { target: 'bloc@chu.fr', field: 'kind', from: null, to: 'organisational', locked: false },
      ],
      weakenings: [],
      profile: null,
    });
    applySettingsFile(current, parsed.file, 1_000, null);
    expect(current.settings.pollIntervalMinutes).toBe(5);
    expect(current.mailboxes.find((m) => m.address === CARDIO)).toMatchObject({
      label: 'Cardio',
      colour: '#D55E00',
      unread: 4,
    });
    expect(current.mailboxes.find((m) => m.address === 'bloc@chu.fr')).toMatchObject({
      kind: 'organisational',
      kindSource: 'user',
      watched: false,
      firstSeenAt: 1_000,
    });
  });

  it('changes nothing the policy locks (imposed, frozen, a mailbox field, the profile), and lists it as locked', () => {
    const current = state();
    const policy = policyOf({
      settings: { notificationsEnabled: true },
      lockedSettings: ['quietHours'],
      mailboxes: [{ address: CARDIO, colour: '#CC79A7' }],
      selectorProfile: DEFAULT_PROFILE,
    });
    const file = validFile({
      settings: {
        notificationsEnabled: false,
        quietHours: { enabled: true, start: '19:00', end: '08:00' },
        pollIntervalMinutes: 5,
      },
      mailboxes: [{ address: CARDIO, colour: '#D55E00', label: 'Cardio' }],
      selectorProfile: withTexts({ send: ['zzz'] }),
    });
    const { changes, profile } = describeImport(current, file, policy, 0);
    expect(changes.map(({ target, field, locked }) => [target, field, locked])).toEqual([
      ['settings', 'pollIntervalMinutes', false],
      ['settings', 'notificationsEnabled', true],
      ['settings', 'quietHours', true],
      [CARDIO, 'label', false],
      [CARDIO, 'colour', true],
    ]);
    expect(profile?.locked).toBe(true);

    const before = structuredClone(current);
    applySettingsFile(current, file, 1_000, policy);
    expect(current.settings).toEqual({ ...before.settings, pollIntervalMinutes: 5 });
    expect(current.mailboxes[0]).toMatchObject({ label: 'Cardio', colour: before.mailboxes[0]?.colour });
  });

  it('names what a file takes away from a mailbox’s protection, as the state would be once applied', () => {
    const PERSONAL = 'jean.dupont@esante-occitanie.fr';
    const current = state();
    current.mailboxes.push(mailboxRecord(PERSONAL, 'personal'));
    const weakenings = (mailboxes: SettingsFile['mailboxes'], policy: ManagedPolicy | null = null) =>
      describeImport(current, validFile({ mailboxes }), policy, 0).weakenings;
    // Made personal: the banner says « en votre nom », and the default confirmation of its kind goes too.
    expect(weakenings([{ address: CARDIO, kind: 'personal' }])).toEqual([
      { address: CARDIO, what: 'personal' },
      { address: CARDIO, what: 'no-confirmation' },
    ]);
    expect(weakenings([{ address: CARDIO, kind: 'personal', confirmBeforeSend: true }])).toEqual([
      { address: CARDIO, what: 'personal' },
    ]);
    expect(weakenings([{ address: CARDIO, confirmBeforeSend: false }])).toEqual([
      { address: CARDIO, what: 'no-confirmation' },
    ]);
    // A mailbox not seen yet would be prepared as a service one: the same words.
    expect(weakenings([{ address: 'bloc@chu.fr', kind: 'personal', confirmBeforeSend: true }])).toEqual([
      { address: 'bloc@chu.fr', what: 'personal' },
    ]);
    // Nothing taken away: the person’s own stays personal, a service one made safer, colours.
    expect(weakenings([{ address: PERSONAL, kind: 'personal', confirmBeforeSend: false }])).toEqual([]);
    expect(weakenings([{ address: PERSONAL, kind: 'organisational' }])).toEqual([]);
    expect(weakenings([{ address: CARDIO, colour: '#D55E00', confirmBeforeSend: true }])).toEqual([]);
    // What the policy locks is not applied, so it takes nothing away.
    expect(
      weakenings(
        [{ address: CARDIO, kind: 'personal', confirmBeforeSend: false }],
        policyOf({ mailboxes: [{ address: CARDIO, kind: 'organisational' }] }),
      ),
    ).toEqual([{ address: CARDIO, what: 'no-confirmation' }]);
    // The same address twice is one mailbox: named once.
    expect(
      weakenings([
        { address: CARDIO, confirmBeforeSend: false },
        { address: CARDIO, label: 'Cardio' },
      ]),
    ).toEqual([{ address: CARDIO, what: 'no-confirmation' }]);
    expect(current.mailboxes.find((m) => m.address === CARDIO)).toMatchObject({
      kind: 'organisational',
      confirmBeforeSend: null,
    });
  });

  it('describes a profile text by text, a key left with none of today’s texts first', () => {
    const file = validFile({
      selectorProfile: withTexts({
        switchAccount: ['Changer de compte', 'Changer de boîte'],
        send: ['zzz'],
      }),
    });
    expect(describeImport(state(), file, null, 0).profile).toEqual({
      from: 'built-in',
      to: 'custom',
      locked: false,
      texts: [
        { key: 'send', removed: ['Envoyer'], added: ['zzz'], noneKept: true },
        { key: 'switchAccount', removed: [], added: ['Changer de boîte'], noneKept: false },
      ],
      hints: [],
    });
    const back = { ...state(), settings: { ...state().settings, profileOverride: withTexts({ logout: [] }) } };
    const reset = describeImport(back, validFile({ selectorProfile: null }), null, 0).profile;
    expect(reset).toMatchObject({
      from: 'custom',
      to: 'built-in',
      texts: [{ key: 'logout', removed: [], noneKept: false }],
    });
    const hinted = { ...DEFAULT_PROFILE, hints: { ...DEFAULT_PROFILE.hints, label: ['#etiquette'] } };
    expect(describeImport(state(), validFile({ selectorProfile: hinted }), null, 0).profile?.hints).toEqual([
      { key: 'label', removed: [], added: ['#etiquette'] },
    ]);
  });

  it('bounds a profile’s texts: trimmed, 100 characters, 10 per key, each refusal with its place', () => {
    const problems = (texts: Partial<SelectorProfile['texts']>) => {
      const parsed = parseSettingsFile(JSON.stringify(fileWith({ selectorProfile: withTexts(texts) })), 'fr');
      return parsed.ok ? [] : parsed.problems.map((problem) => problem.path);
    };
    expect(problems({ send: ['x'.repeat(101)] })).toEqual(['selectorProfile.texts.send[0]']);
    expect(problems({ send: Array.from({ length: 11 }, (_, i) => `Envoyer ${i}`) })).toEqual([
      'selectorProfile.texts.send',
    ]);
    expect(problems({ send: ['   '] })).toEqual(['selectorProfile.texts.send[0]']);
    const longHint = { ...DEFAULT_PROFILE, hints: { ...DEFAULT_PROFILE.hints, label: ['a'.repeat(201)] } };
    const parsed = parseSettingsFile(JSON.stringify(fileWith({ selectorProfile: longHint })), 'fr');
    expect(parsed.ok || parsed.problems.map((problem) => problem.path)).toEqual(['selectorProfile.hints.label[0]']);
    const trimmed = parseSettingsFile(
      JSON.stringify(fileWith({ selectorProfile: withTexts({ send: [' Envoyer '] }) })),
      'fr',
    );
    expect(trimmed.ok && trimmed.file.selectorProfile?.texts.send).toEqual(['Envoyer']);
  });
});

/** A settings file holding `parts`, as written (not yet checked). */
function fileWith(parts: Omit<SettingsFile, 'format' | 'version'>) {
  return { format: SETTINGS_FILE_FORMAT, version: 1, ...parts };
}

function validFile(parts: Omit<SettingsFile, 'format' | 'version'>): SettingsFile {
  const parsed = parseSettingsFile(JSON.stringify(fileWith(parts)), 'fr');
  if (!parsed.ok) throw new Error(`valid file refused: ${JSON.stringify(parsed.problems)}`);
  return parsed.file;
}

/** The built-in profile with some of its texts replaced. */
function withTexts(texts: Partial<SelectorProfile['texts']>): SelectorProfile {
  return { ...DEFAULT_PROFILE, texts: { ...DEFAULT_PROFILE.texts, ...texts } };
}

function policyOf(raw: unknown): ManagedPolicy | null {
  const reading = readPolicy(raw);
  if (!reading.ok) throw new Error(reading.reason);
  return reading.policy;
}
