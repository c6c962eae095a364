/**
 * The popup's pause of the announcements and its mark of the mailbox open on the
 * portal: the buttons carry their minutes for the clock of the moment, « Reprendre » is
 * offered while paused, a policy that forbids pauses gets no button (and a refusal is
 * worded), and only the active mailbox's row carries `data-active`, said in words.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { minutesUntilTomorrowMorning, Popup } from '@/components/Popup';
import type { Reply } from '@/utils/protocol/codes';
import type { Overview } from '@/utils/protocol/messages';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const BLOC = 'bloc@esante-occitanie.fr';

const row = (address: string, name: string, active: boolean): Overview['mailboxes'][number] => ({
  address,
  name,
  kind: 'organisational',
  colour: '#0072B2',
  textColour: '#FFFFFF',
  unread: 1,
  watched: true,
  active,
});

const overview = (pause: Overview['pause']): Overview => ({
  mailboxes: [row(CARDIO, 'Secrétariat de cardiologie', true), row(BLOC, 'Bloc opératoire', false)],
  poll: { status: 'ok', lastPollAt: 1, lastSuccessAt: 1, nextPollAt: 0, lastError: null },
  notifications: [],
  portalUrl: null,
  pause,
});

/** The background answering by name; what it was asked. */
function background(replies: Record<string, (payload: unknown) => Reply<unknown>>) {
  const asked: { name: string; payload: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { name: string; payload: unknown }) => {
    asked.push(message);
    return Promise.resolve(replies[message.name]?.(message.payload));
  }) as never);
  return asked;
}

const ok = (value: unknown): Reply<unknown> => ({ ok: true, value });
const FREE = { until: null, allowed: true, longestMinutes: null };

beforeEach(() => {
  fakeBrowser.reset();
  // Thursday 26 November 2026, 10:15:30 local time.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 26, 10, 15, 30));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('minutes until tomorrow 8 h', () => {
  it('count from now to 8:00 the next day, local time, rounded up', () => {
    expect(minutesUntilTomorrowMorning(new Date(2026, 10, 26, 10, 0).getTime())).toBe(22 * 60);
    expect(minutesUntilTomorrowMorning(new Date(2026, 10, 26, 10, 15, 30).getTime())).toBe(21 * 60 + 45);
    expect(minutesUntilTomorrowMorning(new Date(2026, 10, 26, 2, 0).getTime())).toBe(30 * 60);
    expect(minutesUntilTomorrowMorning(new Date(2026, 10, 26, 23, 59).getTime())).toBe(8 * 60 + 1);
  });
});

describe('popup pause', () => {
  it('offers « Pause 1 h » and « Jusqu’à demain 8 h » with their minutes, and pauses in a click', async () => {
    const asked = background({
      'ui:overview': () => ok(overview(FREE)),
      'ui:pause': () => ok({ until: Date.now() + 3_600_000, minutes: 60 }),
    });
    const { container } = render(<Popup />);
    const hour = await screen.findByRole('button', { name: 'Pause 1 h' });
    const tomorrow = screen.getByRole('button', { name: "Jusqu'à demain 8 h" });
    expect(hour.getAttribute('data-pause-minutes')).toBe('60');
    expect(tomorrow.getAttribute('data-pause-minutes')).toBe(String(21 * 60 + 45));
    expect(container.querySelector('[data-action="resume"]')).toBeNull();
    fireEvent.click(tomorrow);
    await waitFor(() => expect(asked.map((m) => m.name)).toContain('ui:pause'));
    expect(asked.find((m) => m.name === 'ui:pause')?.payload).toEqual({ minutes: 21 * 60 + 45 });
  });

  it('says until when while paused, and offers « Reprendre » instead', async () => {
    const until = new Date(2026, 10, 26, 11, 15).getTime();
    const asked = background({
      'ui:overview': () => ok(overview({ until, allowed: true, longestMinutes: null })),
      'ui:resume': () => ok({ notifications: 1 }),
    });
    const { container } = render(<Popup />);
    const resume = await screen.findByRole('button', { name: 'Reprendre' });
    expect(resume.getAttribute('data-action')).toBe('resume');
    expect(container.querySelector('[data-pause-minutes]')).toBeNull();
    expect(container.textContent).toMatch(/Annonces en pause jusqu'à 11:15/);
    fireEvent.click(resume);
    await waitFor(() => expect(asked.map((m) => m.name)).toContain('ui:resume'));
  });

  it('offers no pause when the policy forbids it, says the limit when it has one, and words a refusal', async () => {
    background({ 'ui:overview': () => ok(overview({ until: null, allowed: false, longestMinutes: null })) });
    const { container, unmount } = render(<Popup />);
    await screen.findByText('Secrétariat de cardiologie');
    expect(container.querySelector('[data-pause-minutes], [data-action="resume"]')).toBeNull();
    unmount();

    fakeBrowser.reset();
    background({
      'ui:overview': () => ok(overview({ until: null, allowed: true, longestMinutes: 120 })),
      'ui:pause': () => ({ ok: false, error: { code: 'locked', fields: ['pause'] } }),
    });
    render(<Popup />);
    expect(await screen.findByText('Votre organisation limite une pause à 120 min.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause 1 h' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Votre organisation ne permet pas de mettre les annonces en pause.',
    );
  });
});

describe('popup active mailbox', () => {
  it('marks the row of the mailbox open on the portal, and no other, in words', async () => {
    background({ 'ui:overview': () => ok(overview(FREE)) });
    const { container } = render(<Popup />);
    await screen.findByText('Secrétariat de cardiologie');
    const active = [...container.querySelectorAll('[data-active]')];
    expect(active.map((li) => li.getAttribute('data-mailbox'))).toEqual([CARDIO]);
    expect(active[0]?.textContent).toContain('boîte ouverte sur le portail');
    expect(
      screen.getByRole('button', { name: /Secrétariat de cardiologie.*boîte ouverte sur le portail/ }),
    ).toBeTruthy();
    expect(container.querySelector(`[data-mailbox="${BLOC}"]`)?.textContent).not.toContain('ouverte');
  });
});
