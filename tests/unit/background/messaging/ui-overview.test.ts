/** The popup's overview: its portal link is a stored URL only when that URL is on the portal. */
import { describe, expect, it } from 'vitest';
import type { PortalSupport } from '@/entrypoints/background/compatibility/support';
import { createUiHandlers, type UiHandlerDeps } from '@/entrypoints/background/messaging/ui-handlers';
import type { ExtraPortals } from '@/entrypoints/background/policy/extra-portals';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import type { PollRunner } from '@/entrypoints/background/polling/poll-runner';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { LOOPBACK_MATCHES } from '@/utils/portal-origins';

const INBOX = 'https://medimail.mipih.fr/?m=liste&f=1';
const CHOOSER = 'https://medimail.mipih.fr/?m=comptes';

let n = 0;
async function overviewWith(
  urls: { inboxUrl: string | null; pollUrl: string | null },
  deps: { portalMatches?: UiHandlerDeps['portalMatches']; granted?: string[] } = {},
) {
  n += 1;
  const store = new Store(new RepereDb(`page-overview-${n}-${Date.now()}`));
  await store.update((state) => {
    Object.assign(state.portal, urls);
    return { state, result: null };
  });
  const extraPortals: ExtraPortals = {
    status: async () => [],
    granted: () => deps.granted ?? [],
    sync: async () => {},
  };
  const handlers = createUiHandlers({
    store,
    policy: new PolicyInForce(),
    runner: {} as PollRunner,
    now: () => 1_000,
    version: '0.1.0',
    language: () => 'fr',
    openMailbox: async () => {},
    ...(deps.portalMatches && { portalMatches: deps.portalMatches }),
    changed: async () => {},
    extraPortals,
    support: {} as PortalSupport,
  });
  return handlers['ui:overview']({}, { id: 'x', url: 'chrome-extension://x/popup.html' });
}

describe('ui:overview portal link', () => {
  it('carries the inbox, else the chooser, when on the portal', async () => {
    expect((await overviewWith({ inboxUrl: INBOX, pollUrl: CHOOSER })).portalUrl).toBe(INBOX);
    expect((await overviewWith({ inboxUrl: 'https://attacker.example/', pollUrl: CHOOSER })).portalUrl).toBe(CHOOSER);
  });

  it.each([
    ['another origin', 'https://attacker.example/?m=liste'],
    ['a script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<p>x</p>'],
    ['plain http', 'http://medimail.mipih.fr/?m=liste'],
  ])('never carries an off-portal URL (%s)', async (_, url) => {
    expect((await overviewWith({ inboxUrl: url, pollUrl: url })).portalUrl).toBeNull();
  });

  it('follows the background’s portal patterns, or the policy’s granted portals', async () => {
    const simulator = 'http://127.0.0.1:4173/?m=liste';
    expect((await overviewWith({ inboxUrl: simulator, pollUrl: null })).portalUrl).toBeNull();
    expect(
      (await overviewWith({ inboxUrl: simulator, pollUrl: null }, { portalMatches: () => LOOPBACK_MATCHES })).portalUrl,
    ).toBe(simulator);
    const preproduction = 'https://preprod.medimail.example/?m=liste';
    expect(
      (
        await overviewWith(
          { inboxUrl: preproduction, pollUrl: null },
          { granted: ['https://preprod.medimail.example/*'] },
        )
      ).portalUrl,
    ).toBe(preproduction);
  });
});
