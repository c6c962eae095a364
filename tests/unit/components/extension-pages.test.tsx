/** The popup's and options page's parts, with the fake browser answering as the background. */

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DiagnosticsPanel, diagnosticsReport, redact } from '@/components/DiagnosticsPanel';
import { ImportExport } from '@/components/ImportExport';
import { MailboxSettings } from '@/components/MailboxSettings';
import { Popup } from '@/components/Popup';
import { type Diagnostics, type Overview, uiToBackground } from '@/utils/protocol/messages';
import { settingsMailbox as settingsMailboxOf } from './settings-mailboxes';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';

const overview = (mailboxes: Overview['mailboxes']): Overview => ({
  mailboxes,
  poll: { status: 'ok', lastPollAt: 1, lastSuccessAt: Date.UTC(2026, 10, 26, 9, 41), nextPollAt: 0, lastError: null },
  notifications: [],
  portalUrl: 'https://medimail.mipih.fr/?m=liste&f=1',
  pause: { until: null, allowed: true, longestMinutes: null },
});

const settingsMailbox = settingsMailboxOf(CARDIO, 'Secrétariat de cardiologie', { unread: 3 });

/** The background, as far as these tests go: answers by message name, records what it was asked. */
function background(answers: Record<string, (payload: unknown) => unknown>) {
  const asked: { name: string; payload: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { name: string; payload: unknown }) => {
    asked.push(message);
    const answer = answers[message.name];
    return Promise.resolve(
      answer ? { ok: true, value: answer(message.payload) } : { ok: false, error: { code: 'refused', reason: 'name' } },
    );
  }) as never);
  return asked;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Popup', () => {
  it('shows a first-run view with a link to the portal when nothing is known', async () => {
    background({ 'ui:overview': () => overview([]) });
    render(<Popup />);
    await screen.findByText(/Connectez-vous à Medimail/);
    expect(screen.getByRole('link', { name: 'Ouvrir Medimail' }).getAttribute('href')).toBe(
      'https://medimail.mipih.fr/?m=liste&f=1',
    );
  });

  it('lists the mailboxes with their counts, and opens one in a click', async () => {
    const asked = background({
      'ui:overview': () =>
        overview([
          {
            address: CARDIO,
            name: 'Secrétariat de cardiologie',
            kind: 'organisational',
            colour: '#0072B2',
            textColour: '#FFFFFF',
            unread: 3,
            watched: true,
            active: false,
          },
        ]),
      'ui:open-mailbox': () => ({ ok: true }),
    });
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const { container } = render(<Popup />);
    await screen.findByText('Secrétariat de cardiologie');
    expect(container.querySelector(`[data-mailbox="${CARDIO}"] [data-unread]`)?.getAttribute('data-unread')).toBe('3');
    expect(screen.getByRole('status').textContent).toMatch(/^À jour — vérifié à/);
    fireEvent.click(screen.getByText('Secrétariat de cardiologie'));
    await waitFor(() => expect(asked.some((m) => m.name === 'ui:open-mailbox')).toBe(true));
    expect(asked.find((m) => m.name === 'ui:open-mailbox')?.payload).toEqual({ address: CARDIO });
    await waitFor(() => expect(close).toHaveBeenCalled());
  });
});

describe('MailboxSettings', () => {
  it('saves a palette colour at once', async () => {
    const asked = background({
      'ui:update-mailbox': () => ({
        settings: {},
        mailboxes: [],
        customProfile: false,
        locked: [],
        minPollIntervalMinutes: 1,
        extraPortals: [],
      }),
    });
    const { container } = render(<MailboxSettings mailboxes={[settingsMailbox]} onSaved={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /^Détails/ }));
    fireEvent.click(container.querySelector('input[data-colour="#D55E00"]') as Element);
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]?.payload).toEqual({ address: CARDIO, patch: { colour: '#D55E00' } });
  });

  it('refuses a custom colour that cannot carry readable text, and saves nothing', async () => {
    const asked = background({});
    const { container } = render(<MailboxSettings mailboxes={[settingsMailbox]} onSaved={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /^Détails/ }));
    fireEvent.change(container.querySelector('input[type=color]') as Element, { target: { value: '#777799' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/contraste AA/);
    expect(asked).toHaveLength(0);
  });
});

describe('ImportExport', () => {
  it('shows the problems of a bad file, and applies a good one only after its preview', async () => {
    let applied = false;
    background({
      'ui:preview-import': (payload) =>
        (payload as { text: string }).text.includes('rouge')
          ? { ok: false, problems: [{ path: 'mailboxes[0].colour', message: 'couleur attendue au format #rrggbb' }] }
          : {
              ok: true,
              changes: [{ target: 'settings', field: 'pollIntervalMinutes', from: 2, to: 5, locked: false }],
              weakenings: [],
              profile: null,
            },
      'ui:apply-import': () => {
        applied = true;
        return { ok: true, changes: [], weakenings: [], profile: null };
      },
    });
    const { container } = render(<ImportExport />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const choose = (text: string) =>
      fireEvent.change(input, { target: { files: [new File([text], 'reglages.json', { type: 'application/json' })] } });
    choose('{"colour":"rouge"}');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'mailboxes[0].colour : couleur attendue au format #rrggbb',
    );
    choose('{"ok":true}');
    await screen.findByText(/pollIntervalMinutes : 2 → 5/);
    expect(applied).toBe(false);
    fireEvent.click(screen.getByText('Appliquer'));
    await screen.findByText('Réglages importés.');
    expect(applied).toBe(true);
  });

  it('names every change of a file: locked ones as not applied, a profile text by text with its consequence', async () => {
    // What the background sends (checked against the protocol): codes and data, worded by the page.
    const preview = uiToBackground['ui:preview-import'].response.parse({
      ok: true,
      changes: [{ target: 'settings', field: 'notificationsEnabled', from: true, to: false, locked: true }],
      weakenings: [],
      profile: {
        from: 'built-in',
        to: 'custom',
        locked: false,
        texts: [
          { key: 'send', removed: ['Envoyer'], added: ['zzz'], noneKept: true },
          { key: 'switchAccount', removed: [], added: ['Changer de boîte'], noneKept: false },
        ],
        hints: [{ key: 'label', removed: [], added: ['#etiquette'] }],
      },
    });
    background({ 'ui:preview-import': () => preview });
    const { container } = render(<ImportExport />);
    fireEvent.change(container.querySelector('input[type=file]') as HTMLInputElement, {
      target: { files: [new File(['{}'], 'reglages.json', { type: 'application/json' })] },
    });
    await screen.findByText(/notificationsEnabled : ✓ → ✗/);
    const setting = [...container.querySelectorAll('[data-import="preview"] > ul > li')].at(-1);
    expect(setting?.textContent).toContain('fixé par votre organisation : ne sera pas appliqué');
    expect(container.querySelector('[data-import-profile] [data-locked]')).toBeNull();
    const profileLines = [...container.querySelectorAll('[data-import-profile] li')].map((li) => li.textContent);
    expect(profileLines).toEqual([
      "Attention : aucun des textes reconnus aujourd'hui pour “Envoyer” ne sera gardé",
      "“Envoyer” ne sera plus reconnu : la confirmation avant envoi ne s'affichera plus",
      '“zzz” sera reconnu comme “Envoyer”',
      '“Changer de boîte” sera reconnu comme “Changer de compte”',
      "le sélecteur “#etiquette” sera essayé d'abord pour l'étiquette de la BAL active",
    ]);
  });
});

describe('ImportExport, a file that takes a protection away', () => {
  const CARDIO_SERVICE = 'secretariat.cardiologie@esante-occitanie.fr';
  const weakenings = [
    { address: CARDIO_SERVICE, what: 'personal' },
    { address: CARDIO_SERVICE, what: 'no-confirmation' },
  ] as const;

  it('says it in plain words first, and applies only once the user ticks a second confirmation of those changes', async () => {
    const preview = uiToBackground['ui:preview-import'].response.parse({
      ok: true,
      changes: [
        { target: CARDIO_SERVICE, field: 'confirmBeforeSend', from: null, to: false, locked: false },
        { target: CARDIO_SERVICE, field: 'kind', from: 'organisational', to: 'personal', locked: false },
      ],
      weakenings,
      profile: null,
    });
    const asked = background({
      'ui:preview-import': () => preview,
      'ui:apply-import': () => ({ ok: true, changes: preview.ok ? preview.changes : [], weakenings, profile: null }),
    });
    const { container } = render(<ImportExport />);
    fireEvent.change(container.querySelector('input[type=file]') as HTMLInputElement, {
      target: { files: [new File(['{}'], 'reglages.json', { type: 'application/json' })] },
    });
    const warning = await screen.findByRole('alert');
    expect([...warning.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `${CARDIO_SERVICE} deviendra votre boîte personnelle : le bandeau dira « en votre nom » quand vous écrirez depuis elle.`,
      `Envoyer depuis ${CARDIO_SERVICE} ne demandera plus de confirmation.`,
    ]);
    // Read before the list of changes.
    expect(warning.compareDocumentPosition(screen.getByText(/kind : organisational → personal/))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const apply = screen.getByText('Appliquer') as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    fireEvent.click(apply);
    expect(asked.filter((m) => m.name === 'ui:apply-import')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText(/Je confirme ces changements/));
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    await screen.findByText('Réglages importés.');
    expect(asked.find((m) => m.name === 'ui:apply-import')?.payload).toEqual({
      text: '{}',
      confirmedWeakenings: weakenings,
    });
  });

  it('forgets a confirmation ticked for another file', async () => {
    background({
      'ui:preview-import': () => ({ ok: true, changes: [], weakenings, profile: null }),
    });
    const { container } = render(<ImportExport />);
    const choose = () =>
      fireEvent.change(container.querySelector('input[type=file]') as HTMLInputElement, {
        target: { files: [new File(['{}'], 'reglages.json', { type: 'application/json' })] },
      });
    choose();
    fireEvent.click(await screen.findByLabelText(/Je confirme ces changements/));
    choose();
    await waitFor(() =>
      expect((screen.getByLabelText(/Je confirme ces changements/) as HTMLInputElement).checked).toBe(false),
    );
    expect((screen.getByText('Appliquer') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('diagnostics report', () => {
  it('hides the local part of addresses and carries no message content', () => {
    expect(redact('noemie.gallorini@esante-occitanie.fr et mss@esante-occitanie.fr')).toBe(
      'n…@esante-occitanie.fr et m…@esante-occitanie.fr',
    );
    const diagnostics = {
      version: '0.1.0',
      lastReading: null,
      lastReadingAt: 0,
      poll: {
        status: 'ok',
        lastPollAt: 0,
        lastSuccessAt: 0,
        nextPollAt: 0,
        failures: 0,
        lastError: null,
        inFlightSince: null,
        expiredAt: null,
        expiredNotified: false,
        requests: 3,
        history: [],
      },
      profile: { version: 1 },
      customProfile: false,
      mailboxes: 5,
      quarantined: 100,
      quarantineSize: 100,
      loginKnown: true,
      frame: { origin: 'https://medimail.mipih.fr', learntAt: 0 },
      limitsReached: [{ limit: 'known-mailboxes', at: 0, count: 500 }],
      policy: { state: 'none', reason: null },
    } as unknown as Diagnostics;
    const report = JSON.parse(diagnosticsReport(diagnostics, 'Navigateur/1.0'));
    expect(report).toMatchObject({
      extension: 'Repère BAL 0.1.0',
      profile: 'built-in',
      mailboxesKnown: 5,
      checks: { requests: 3 },
      frame: { origin: 'https://medimail.mipih.fr' },
      limitsReached: ['known-mailboxes', 'quarantine'],
    });
    const { container } = render(<DiagnosticsPanel diagnostics={diagnostics} />);
    expect(container.querySelector('[data-frame]')?.getAttribute('data-frame')).toBe('learnt');
    expect([...container.querySelectorAll('[data-limit]')].map((li) => li.getAttribute('data-limit'))).toEqual([
      'known-mailboxes',
      'quarantine',
    ]);
    expect(container.querySelector('[data-limit="known-mailboxes"]')?.textContent).toContain('500');
  });
});
