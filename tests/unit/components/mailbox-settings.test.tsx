/**
 * The per-mailbox settings at scale: a compact line per mailbox, its details opened on
 * demand (several at once), the switches saved from the line, a filter from as many
 * mailboxes as the banner's, locks shown where the fields are.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FILTER_FROM, filterMailboxes, MailboxSettings } from '@/components/MailboxSettings';
import type { SettingsView } from '@/utils/protocol/messages';
import { settingsMailbox } from './settings-mailboxes';

const mailbox = settingsMailbox;

const CARDIO = mailbox('secretariat.cardiologie@esante-occitanie.fr', 'Secrétariat de cardiologie');
const BLOC = mailbox('bloc.operatoire@esante-occitanie.fr', 'Bloc opératoire');
/** The simulator's pool: thirty service mailboxes. */
const POOL = Array.from({ length: 30 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return mailbox(`service${n}@chu-exemple.mssante.fr`, `Service ${n} – consultations`);
});

const VIEW: SettingsView = {
  settings: {} as SettingsView['settings'],
  mailboxes: [],
  customProfile: false,
  locked: [],
  minPollIntervalMinutes: 1,
  extraPortals: [],
};

/** The background: answers every change with the view, records the changes. */
function background() {
  const asked: { name: string; payload: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { name: string; payload: unknown }) => {
    asked.push(message);
    return Promise.resolve({ ok: true, value: VIEW });
  }) as never);
  return asked;
}

const line = (container: ParentNode, address: string) =>
  container.querySelector(`[data-mailbox-settings="${address}"]`) as HTMLElement;
const disclosure = (container: ParentNode, address: string) =>
  line(container, address).querySelector('[data-action="mailbox-details"]') as HTMLButtonElement;

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('MailboxSettings, compact lines', () => {
  it('shows each mailbox on one line, details closed, opened on demand and several at once', () => {
    const { container } = render(<MailboxSettings mailboxes={[CARDIO, BLOC]} onSaved={() => {}} />);
    const cardio = line(container, CARDIO.address);
    // The line: colour, name, address, the three switches, a group named after the mailbox.
    const group = within(cardio).getByRole('group', { name: /Secrétariat de cardiologie/ });
    expect(group.textContent).toContain(CARDIO.address);
    expect(cardio.querySelector('.swatch')?.getAttribute('style')).toContain('background');
    expect(within(group).getByRole('checkbox', { name: 'Surveillée' })).toHaveProperty('checked', true);
    expect(within(group).getByRole('checkbox', { name: "Confirmer l'envoi" })).toHaveProperty('checked', true);
    expect(within(group).getByRole('checkbox', { name: "Son à l'arrivée" })).toHaveProperty('checked', false);
    // Details closed: the button says so, and no detail field is there.
    const button = within(group).getByRole('button', { name: 'Détails — Secrétariat de cardiologie' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.hasAttribute('aria-controls')).toBe(false);
    expect(container.querySelector('input[data-field="label"]')).toBeNull();

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(details && cardio.contains(details)).toBe(true);
    expect(within(details as HTMLElement).getByLabelText(/Nom affiché/)).toBeTruthy();
    expect(within(details as HTMLElement).getAllByRole('radio')).toHaveLength(8);
    expect(within(details as HTMLElement).getByLabelText('Type de boîte')).toBeTruthy();

    // Opening another keeps the first open (disclosures, not an accordion); each closes alone.
    fireEvent.click(disclosure(container, BLOC.address));
    expect(container.querySelectorAll('input[data-field="label"]')).toHaveLength(2);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(cardio.querySelector('input[data-field="label"]')).toBeNull();
    expect(line(container, BLOC.address).querySelector('input[data-field="label"]')).not.toBeNull();
  });

  it('saves the switches of a line at once, the sound among them', async () => {
    const asked = background();
    render(<MailboxSettings mailboxes={[CARDIO]} onSaved={() => {}} />);
    fireEvent.click(screen.getByRole('checkbox', { name: "Son à l'arrivée" }));
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]?.payload).toEqual({ address: CARDIO.address, patch: { sound: true } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Surveillée' }));
    fireEvent.click(screen.getByRole('checkbox', { name: "Confirmer l'envoi" }));
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(asked.slice(1).map((m) => m.payload)).toEqual([
      { address: CARDIO.address, patch: { watched: false } },
      { address: CARDIO.address, patch: { confirmBeforeSend: false } },
    ]);
  });

  it('shows what the organisation fixed as locked: on the line, and in the details', () => {
    const fixed = mailbox('mss@esante-occitanie.fr', 'MSS (imposé)', { locked: ['label', 'colour', 'watched'] });
    const { container } = render(<MailboxSettings mailboxes={[fixed]} onSaved={() => {}} />);
    const watched = screen.getByRole('checkbox', { name: /^Surveillée/ }) as HTMLInputElement;
    expect(watched.disabled).toBe(true);
    expect(watched.closest('label')?.querySelector('[data-locked]')?.textContent).toBe('Fixé par votre organisation');
    fireEvent.click(disclosure(container, fixed.address));
    const box = line(container, fixed.address);
    expect(box.querySelector<HTMLInputElement>('input[data-field="label"]')?.disabled).toBe(true);
    expect([...box.querySelectorAll<HTMLInputElement>('input[data-colour]')].every((i) => i.disabled)).toBe(true);
    expect(box.querySelector<HTMLInputElement>('input[data-field="colour"]')?.disabled).toBe(true);
    expect(box.querySelectorAll('[data-locked]')).toHaveLength(3);
  });

  it('shows the kind and the confirmation before sending locked when the organisation sets them', () => {
    const fixed = mailbox('mss@esante-occitanie.fr', 'MSS', { locked: ['kind', 'confirmBeforeSend'] });
    const { container } = render(<MailboxSettings mailboxes={[fixed]} onSaved={() => {}} />);
    const confirm = screen.getByRole('checkbox', { name: /^Confirmer l'envoi/ }) as HTMLInputElement;
    expect(confirm.disabled).toBe(true);
    expect(confirm.closest('label')?.querySelector('[data-locked]')).not.toBeNull();
    fireEvent.click(disclosure(container, fixed.address));
    const kind = line(container, fixed.address).querySelector<HTMLSelectElement>('select[data-field="kind"]');
    expect(kind?.disabled).toBe(true);
    expect(kind?.labels?.[0]?.querySelector('[data-locked]')?.textContent).toBe('Fixé par votre organisation');
  });
});

describe('MailboxSettings, the filter', () => {
  it(`appears from ${FILTER_FROM} mailboxes, as the banner's menu does`, () => {
    const { container, rerender } = render(
      <MailboxSettings mailboxes={POOL.slice(0, FILTER_FROM - 1)} onSaved={() => {}} />,
    );
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(container.querySelectorAll('[data-mailbox-settings]')).toHaveLength(FILTER_FROM - 1);
    rerender(<MailboxSettings mailboxes={POOL.slice(0, FILTER_FROM)} onSaved={() => {}} />);
    expect(screen.getByRole('searchbox', { name: 'Filtrer par nom ou adresse' })).toBeTruthy();
  });

  it('keeps the lines whose name or address holds the text, says how many, and says when none does', () => {
    const { container } = render(<MailboxSettings mailboxes={[CARDIO, BLOC, ...POOL]} onSaved={() => {}} />);
    const shown = () => [...container.querySelectorAll('[data-mailbox-settings]')].map((li) => li.textContent);
    const search = screen.getByRole('searchbox');
    const result = container.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(shown()).toHaveLength(32);
    expect(result.textContent).toBe('');

    fireEvent.click(disclosure(container, CARDIO.address));
    fireEvent.input(search, { target: { value: 'SERVICE 1' } });
    expect(shown()).toHaveLength(10);
    expect(result.textContent).toBe('Boîtes affichées : 10 sur 32');
    fireEvent.input(search, { target: { value: 'cardiologie@' } });
    expect(shown()).toEqual([expect.stringContaining('Secrétariat de cardiologie')]);
    // What was open is still open.
    expect(disclosure(container, CARDIO.address).getAttribute('aria-expanded')).toBe('true');

    fireEvent.input(search, { target: { value: 'radiologie' } });
    expect(shown()).toEqual([]);
    expect(container.querySelector('ul')).toBeNull();
    expect(result.textContent).toBe('Aucune boîte ne correspond à « radiologie ».');
    fireEvent.input(search, { target: { value: '' } });
    expect(shown()).toHaveLength(32);
  });

  it('compares as the readers do: case, white space and accents folded', () => {
    const names = (filter: string) => filterMailboxes([CARDIO, BLOC], filter).map((m) => m.name);
    expect(names('  OPÉRATOIRE ')).toEqual(['Bloc opératoire']);
    expect(names('bloc   opé')).toEqual(['Bloc opératoire']);
    expect(names('operatoire')).toEqual(['Bloc opératoire']);
    expect(names('secrétariat de')).toEqual(['Secrétariat de cardiologie']);
    // Typed without its accents, a name is found all the same.
    expect(names('secretariat de')).toEqual(['Secrétariat de cardiologie']);
    expect(names('radiologie')).toEqual([]);
    expect(names('')).toEqual(['Secrétariat de cardiologie', 'Bloc opératoire']);
  });
});
