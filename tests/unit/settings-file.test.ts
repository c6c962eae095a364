/** The settings file: export, a checked import that names each problem, a preview, then the change. */
import { describe, expect, it } from 'vitest';
import {
  applySettingsFile,
  describeImport,
  exportSettings,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
} from '@/utils/settings-file';
import { DEFAULT_POLL_STATE, DEFAULT_PORTAL_STATE, DEFAULT_SETTINGS, type StoredState } from '@/utils/store';
import { mailboxRecord } from './records';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';

function state(): StoredState {
  return {
    settings: structuredClone(DEFAULT_SETTINGS),
    portal: structuredClone(DEFAULT_PORTAL_STATE),
    poll: structuredClone(DEFAULT_POLL_STATE),
    mailboxes: [mailboxRecord(CARDIO, 'organisational', { displayName: 'Secrétariat de cardiologie', unread: 4 })],
  };
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
        kind: 'organisational',
      },
    ]);
    expect(JSON.stringify(file)).not.toContain('Secrétariat');
  });

  it('reads back its own export, which changes nothing', () => {
    const current = state();
    const parsed = parseSettingsFile(JSON.stringify(exportSettings(current, 0)), 'fr');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(describeImport(current, parsed.file)).toEqual([]);
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
    expect(parseSettingsFile('{ oups', 'fr')).toMatchObject({ ok: false, problems: [{ path: '' }] });
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
        settings: { pollIntervalMinutes: 5, privacyMode: true },
        mailboxes: [
          { address: CARDIO, label: 'Cardio', colour: '#D55E00' },
          { address: 'bloc@chu.fr', kind: 'organisational', watched: false },
        ],
      }),
      'fr',
    );
    if (!parsed.ok) throw new Error('valid file refused');
    expect(describeImport(current, parsed.file)).toEqual([
      { target: 'settings', field: 'pollIntervalMinutes', from: 2, to: 5 },
      { target: CARDIO, field: 'label', from: null, to: 'Cardio' },
      { target: CARDIO, field: 'colour', from: '#0072B2', to: '#D55E00' },
      { target: 'bloc@chu.fr', field: 'watched', from: null, to: false },
      { target: 'bloc@chu.fr', field: 'kind', from: null, to: 'organisational' },
    ]);
    applySettingsFile(current, parsed.file, 1_000);
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
});
