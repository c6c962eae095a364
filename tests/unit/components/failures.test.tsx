/**
 * The background sends failures as codes; the pages word them in the reader's language
 * (the French catalogue here). And the pages hear the background's orders from the
 * background only (components/background-orders.ts).
 */

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DiagnosticsPanel } from '@/components/DiagnosticsPanel';
import { MailboxSettings } from '@/components/MailboxSettings';
import { Popup } from '@/components/Popup';
import { failureText, pollErrorText } from '@/utils/failure-text';
import type { Reply } from '@/utils/protocol/codes';
import type { Diagnostics, Overview } from '@/utils/protocol/messages';
import { settingsMailbox } from './settings-mailboxes';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';

const failing = (lastError: Overview['poll']['lastError']): Overview => ({
  mailboxes: [
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
  ],
  poll: { status: 'error', lastPollAt: Date.UTC(2026, 10, 26, 9, 41), lastSuccessAt: 0, nextPollAt: 0, lastError },
  notifications: [],
  portalUrl: null,
  pause: { until: null, allowed: true, longestMinutes: null },
});

/** The background: a reply by message name; records every message the listeners heard. */
function background(replies: Record<string, () => Reply<unknown>>) {
  const heard: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { name: string }) => {
    heard.push(message.name);
    const reply = replies[message.name];
    return reply ? Promise.resolve(reply()) : undefined;
  }) as never);
  return heard;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('failure codes, worded where shown', () => {
  it('words every check error and every reply failure', () => {
    expect(pollErrorText({ code: 'off-portal' })).toBe('adresse hors du portail');
    expect(pollErrorText({ code: 'too-large' })).toBe('page trop volumineuse');
    expect(pollErrorText({ code: 'timeout' })).toBe('délai dépassé');
    expect(pollErrorText({ code: 'http', status: 500 })).toBe('erreur HTTP 500');
    expect(failureText({ code: 'locked', fields: ['colour', 'watched'] })).toBe(
      'Réglage fixé par votre organisation : colour, watched',
    );
    expect(failureText({ code: 'min-interval', minutes: 5 })).toMatch(/au moins 5 minutes/);
    expect(failureText({ code: 'no-answer' })).toMatch(/ne répond pas/);
    for (const code of ['refused', 'failed'] as const) {
      const text = failureText(code === 'refused' ? { code, reason: 'sender' } : { code });
      expect(text, code).not.toBe('');
      expect(text, code).not.toMatch(/^error/);
    }
  });

  it('shows the last check’s error in the popup’s status line', async () => {
    background({ 'ui:overview': () => ({ ok: true, value: failing({ code: 'http', status: 503 }) }) });
    render(<Popup />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/\(erreur HTTP 503, à /));
  });

  it('shows a refused change as the organisation’s lock, worded', async () => {
    background({ 'ui:update-mailbox': () => ({ ok: false, error: { code: 'locked', fields: ['colour'] } }) });
    const mailbox = settingsMailbox(CARDIO, 'Secrétariat de cardiologie', { displayName: null, unread: 3 });
    const { container } = render(<MailboxSettings mailboxes={[mailbox]} onSaved={() => {}} />);
    fireEvent.click(container.querySelector('[data-action="mailbox-details"]') as Element);
    fireEvent.click(container.querySelector('input[data-colour="#D55E00"]') as Element);
    expect((await screen.findByRole('alert')).textContent).toBe('Réglage fixé par votre organisation : colour');
  });

  it('words the checks’ history in the diagnostics', () => {
    const diagnostics = {
      version: '0.1.0',
      lastReading: null,
      lastReadingAt: 0,
      poll: {
        status: 'error',
        failures: 1,
        lastError: { code: 'too-large' },
        requests: 2,
        history: [
          { at: 2, outcome: 'error', detail: { code: 'too-large' } },
          { at: 1, outcome: 'ok', detail: { code: 'mailboxes', count: 3 } },
        ],
      },
      profile: { version: 1 },
      customProfile: false,
      mailboxes: 3,
      quarantined: 0,
      quarantineSize: 100,
      loginKnown: true,
      frame: null,
      limitsReached: [],
      policy: { state: 'none', reason: null },
    } as unknown as Diagnostics;
    const { container } = render(<DiagnosticsPanel diagnostics={diagnostics} />);
    const details = [...container.querySelectorAll('tbody tr')].map((row) => row.lastElementChild?.textContent);
    expect(details).toEqual(['page trop volumineuse', '3 boîtes']);
  });
});

describe('orders from the background to the pages', () => {
  it('asks again when the background says data changed, not when a tab says so', async () => {
    const heard = background({ 'ui:overview': () => ({ ok: true, value: failing(null) }) });
    render(<Popup />);
    await screen.findByText('Secrétariat de cardiologie');
    const asked = () => heard.filter((name) => name === 'ui:overview').length;
    expect(asked()).toBe(1);
    const order = { name: 'to-ui:data-changed', payload: {} };
    // A content script's message reaches the pages too: it carries its tab.
    await fakeBrowser.runtime.onMessage.trigger(order, { id: fakeBrowser.runtime.id, tab: { id: 4 } as never });
    await fakeBrowser.runtime.onMessage.trigger(order, { id: 'another-extension' });
    await fakeBrowser.runtime.onMessage.trigger({ name: 'to-ui:data-changed' }, { id: fakeBrowser.runtime.id });
    expect(asked()).toBe(1);
    await fakeBrowser.runtime.onMessage.trigger(order, { id: fakeBrowser.runtime.id });
    await waitFor(() => expect(asked()).toBe(2));
  });
});
