/**
 * The options page's compatibility check and page skeleton, with the fake browser
 * answering as the background: every point pending before a check, then present or
 * missing in words (what it means, what IT can do); the outcomes that stop a check; the
 * skeleton in a read-only field; and the last check in the diagnostics report.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnosticsReport } from '@/components/DiagnosticsPanel';
import { PageSkeleton } from '@/components/PageSkeleton';
import { PortalCheck } from '@/components/PortalCheck';
import type { ContractPoint, Diagnostics, PortalCheckReport } from '@/utils/protocol/messages';

function answering(name: string, value: unknown): void {
  fakeBrowser.runtime.onMessage.addListener(((message: { name: string }) =>
    Promise.resolve(
      message.name === name ? { ok: true, value } : { ok: false, error: { code: 'refused', reason: 'name' } },
    )) as never);
}

const found = (point: ContractPoint['point'], extra: Partial<ContractPoint> = {}): ContractPoint => ({
  point,
  status: 'ok',
  source: 'tab',
  count: null,
  of: null,
  showsAddress: null,
  gap: null,
  seenAt: null,
  ...extra,
});

const REPORT: PortalCheckReport = {
  at: Date.UTC(2026, 10, 26, 9, 0),
  outcome: 'done',
  customProfile: false,
  points: [
    found('label', { showsAddress: true }),
    found('account-menu'),
    found('chooser', { source: 'chooser-page', count: 4 }),
    found('chooser-counts', { status: 'missing', source: 'chooser-page', gap: 'not-found' }),
    found('account-table', { source: 'account-page', count: 4 }),
    found('default-account', { source: 'account-page', count: 1, of: 4 }),
    found('inbox-count', { count: 3 }),
    found('send-button', { status: 'missing', source: null, gap: 'not-reached' }),
  ],
  frame: { status: 'mismatch', reference: 'chooser-page', suggestion: { header: '#compte', messageRegion: '#droite' } },
};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('compatibility check', () => {
  it('shows every point pending, then each found in words or missing with its meaning and what IT can do', async () => {
    answering('ui:check-portal', REPORT);
    const { container } = render(<PortalCheck last={null} />);
    const statuses = () =>
      [...container.querySelectorAll('[data-contract-point]')].map((li) => li.getAttribute('data-status'));
    expect(statuses()).toEqual(Array(8).fill('pending'));
    fireEvent.click(container.querySelector('[data-action="check-portal"]') as Element);
    await waitFor(() => expect(container.querySelector('[data-check-outcome="done"]')).not.toBeNull());
    expect(statuses()).toEqual(['ok', 'ok', 'ok', 'missing', 'ok', 'ok', 'ok', 'missing']);
    const text = (name: string) => container.querySelector(`[data-contract-point="${name}"]`)?.textContent ?? '';
    expect(text('chooser')).toContain('4 comptes');
    expect(text('default-account')).toContain('1 compte coché sur 4');
    expect(text('label')).toContain('une adresse');
    expect(text('chooser-counts')).toContain("Le portail n'indique pas les non-lus dans le sélecteur");
    expect(text('chooser-counts')).toContain('Ce que le service informatique peut faire');
    expect(text('send-button')).toContain('ouvrez « Nouveau message »');
    expect(text('send-button')).toContain('La confirmation avant envoi ne s');
    // The frame: where the reference page shows the interface, and the hints that pin it.
    const frame = container.querySelector('[data-frame-check="mismatch"]');
    expect(frame?.textContent).toContain('à la place où la montre la page « Changer de compte »');
    expect(container.querySelector('[data-suggested-hint="header"]')?.textContent).toBe('#compte');
    expect(container.querySelector('[data-suggested-hint="messageRegion"]')?.textContent).toBe('#droite');
  });

  it('says when the frame is not learnt yet, and what opens it', async () => {
    answering('ui:check-portal', { ...REPORT, frame: { status: 'not-learnt', reference: null, suggestion: null } });
    const { container } = render(<PortalCheck last={null} />);
    fireEvent.click(container.querySelector('[data-action="check-portal"]') as Element);
    await waitFor(() => expect(container.querySelector('[data-frame-check="not-learnt"]')).not.toBeNull());
    expect(container.querySelector('[data-frame-check]')?.textContent).toContain(
      'ouvrez une fois « Gérer votre compte Medimail »',
    );
  });

  it('says to open a portal tab when none is open, every point left pending', async () => {
    answering('ui:check-portal', { ...REPORT, outcome: 'no-tab', points: [] });
    const { container } = render(<PortalCheck last={null} />);
    fireEvent.click(container.querySelector('[data-action="check-portal"]') as Element);
    await waitFor(() => expect(container.querySelector('[data-check-outcome="no-tab"]')).not.toBeNull());
    expect(container.querySelector('[data-check-outcome]')?.textContent).toContain('ouvrez le portail dans un onglet');
    expect(container.querySelectorAll('[data-status="pending"]')).toHaveLength(8);
  });

  it('puts the last check in the diagnostics report as statuses and numbers only', () => {
    const report = JSON.parse(
      diagnosticsReport(
        {
          ...({} as Diagnostics),
          poll: { history: [] },
          limitsReached: [],
          quarantined: 0,
          quarantineSize: 100,
          portalCheck: REPORT,
        } as unknown as Diagnostics,
        'Navigateur/1.0',
      ),
    );
    expect(report.compatibility).toMatchObject({
      outcome: 'done',
      points: {
        chooser: 'ok (4 comptes)',
        'chooser-counts': 'missing (not-found)',
        'send-button': 'missing (not-reached)',
      },
      frame: { status: 'mismatch', suggestion: { header: '#compte' } },
    });
  });
});

describe('page skeleton', () => {
  it('fills a read-only field to copy or download, or says to open a portal tab', async () => {
    answering('ui:page-skeleton', {
      outcome: 'done',
      at: 1,
      skeleton: 'html\n  body\n    a[href=/?m=comptes] "Changer de compte"',
    });
    const { container } = render(<PageSkeleton />);
    fireEvent.click(container.querySelector('[data-action="export-skeleton"]') as Element);
    await waitFor(() => expect(container.querySelector('[data-skeleton]')).not.toBeNull());
    const field = container.querySelector('[data-skeleton]') as HTMLTextAreaElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toContain('Changer de compte');
    expect(container.querySelector('[data-action="copy-skeleton"]')).not.toBeNull();
    expect(container.querySelector('[data-action="download-skeleton"]')).not.toBeNull();
    cleanup();
    fakeBrowser.reset();
    answering('ui:page-skeleton', { outcome: 'no-tab', at: 1, skeleton: null });
    const again = render(<PageSkeleton />);
    fireEvent.click(again.container.querySelector('[data-action="export-skeleton"]') as Element);
    await waitFor(() => expect(again.container.querySelector('[data-skeleton-outcome="no-tab"]')).not.toBeNull());
    expect(again.container.querySelector('[data-skeleton]')).toBeNull();
  });

  it('says when the skeleton is the inbox’s, read because no portal tab was open', async () => {
    answering('ui:page-skeleton', { outcome: 'fetched', at: 1, skeleton: 'html\n  body' });
    const { container } = render(<PageSkeleton />);
    fireEvent.click(container.querySelector('[data-action="export-skeleton"]') as Element);
    await waitFor(() => expect(container.querySelector('[data-skeleton]')).not.toBeNull());
    expect(container.querySelector('[data-skeleton-outcome="fetched"]')?.textContent).toContain("lue pour l'occasion");
  });
});
