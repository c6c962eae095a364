/** The popup's link to the portal, checked again in the popup against the origins the browser granted. */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/Popup';
import { PORTAL_HOME } from '@/utils/portal-origins';
import type { Overview } from '@/utils/protocol/messages';

const firstRun = (portalUrl: string | null): Overview => ({
  mailboxes: [],
  poll: { status: 'idle', lastPollAt: 0, lastSuccessAt: 0, nextPollAt: 0, lastError: null },
  notifications: [],
  portalUrl,
  pause: { until: null, allowed: true, longestMinutes: null },
});

/** The background answering the overview, and the browser saying which origins it granted. */
function serve(portalUrl: string | null, grantedOrigins: string[]) {
  fakeBrowser.runtime.onMessage.addListener((() => Promise.resolve({ ok: true, value: firstRun(portalUrl) })) as never);
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: grantedOrigins, permissions: [] });
}

async function portalLink(): Promise<string | null> {
  await screen.findByText(/Connectez-vous à Medimail/);
  return screen.getByRole('link', { name: 'Ouvrir Medimail' }).getAttribute('href');
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('popup portal link', () => {
  it.each([
    ['another origin', 'https://attacker.example/?m=liste'],
    ['a script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<p>x</p>'],
    ['another scheme of the portal', 'http://medimail.mipih.fr/?m=liste'],
  ])('leads to the portal’s home, not to %s', async (_, url) => {
    serve(url, ['https://medimail.mipih.fr/*']);
    render(<Popup />);
    expect(await portalLink()).toBe(PORTAL_HOME);
    await waitFor(() => expect(fakeBrowser.permissions.getAll).toHaveBeenCalled());
    expect(await portalLink()).toBe(PORTAL_HOME);
  });

  it('leads to a portal the browser granted (a policy’s), once the browser said so', async () => {
    const preproduction = 'https://preprod.medimail.example/?m=liste';
    serve(preproduction, ['https://medimail.mipih.fr/*', 'https://preprod.medimail.example/*']);
    render(<Popup />);
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Ouvrir Medimail' }).getAttribute('href')).toBe(preproduction),
    );
  });
});
