import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSenderFilter } from '@/entrypoints/background/messaging/allowed-senders';
import {
  createMessageRouter,
  HandlerFailure,
  type MessageHandlers,
  type MessageSender,
} from '@/entrypoints/background/messaging/router';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { sendToBackground } from '@/utils/protocol/client';

const EXTENSION_ID = 'test-extension-id';
const BASE = 'chrome-extension://test-extension-id/';

const filterSender = createSenderFilter({
  extensionId: EXTENSION_ID,
  extensionBaseUrl: BASE,
  portalMatches: () => ['https://medimail.mipih.fr/*'],
});

const portalTab: MessageSender = { id: EXTENSION_ID, url: 'https://medimail.mipih.fr/?m=liste&f=1', tab: { id: 7 } };

/** Only the handler a test needs; the router never reaches the others. */
function handlersWith(partial: Partial<MessageHandlers>): MessageHandlers {
  return partial as MessageHandlers;
}

const HELLO = {
  version: '1.2.3',
  profile: DEFAULT_PROFILE,
  collapsed: false,
  checkingText: 'Vérification…',
  frame: null,
};

function router() {
  const handlers = handlersWith({
    'content:hello': async (_payload, sender) => ({ ...HELLO, tabId: sender.tab?.id ?? null }),
  });
  const refusals: string[] = [];
  return { route: createMessageRouter(handlers, filterSender, (reason) => refusals.push(reason)), refusals };
}

describe('message router', () => {
  it('answers a valid message from a portal tab', async () => {
    const { route, refusals } = router();
    const reply = await route({ name: 'content:hello', payload: { url: portalTab.url } }, portalTab);
    expect(reply).toEqual({ ok: true, value: { ...HELLO, tabId: 7 } });
    expect(refusals).toEqual([]);
  });

  it.each([
    ['no envelope', 'bonjour', 'envelope'],
    ['an unknown name', { name: 'content:format-disk', payload: {} }, 'name'],
    ['an order the background sends', { name: 'to-content:switch-to', payload: { address: 'a@b.fr' } }, 'name'],
    ['a malformed payload', { name: 'content:hello', payload: { url: 42 } }, 'payload'],
    [
      'extra payload fields',
      { name: 'content:hello', payload: { url: 'https://medimail.mipih.fr/', extra: 1 } },
      'payload',
    ],
    [
      'extra envelope fields',
      { name: 'content:hello', payload: { url: 'https://medimail.mipih.fr/' }, x: 1 },
      'envelope',
    ],
  ])('refuses %s, with a code and a logged reason', async (_case, message, reason) => {
    const { route, refusals } = router();
    const reply = await route(message, portalTab);
    expect(reply).toEqual({ ok: false, error: { code: 'refused', reason } });
    expect(refusals).toHaveLength(1);
  });

  it.each<[string, MessageSender]>([
    ['another extension', { ...portalTab, id: 'someone-else' }],
    ['a tab outside the portal', { id: EXTENSION_ID, url: 'https://example.org/', tab: { id: 3 } }],
    ['an extension page sending a content message', { id: EXTENSION_ID, url: `${BASE}popup.html` }],
  ])('refuses %s', async (_case, sender) => {
    const { route, refusals } = router();
    const reply = await route({ name: 'content:hello', payload: { url: 'https://medimail.mipih.fr/' } }, sender);
    expect(reply).toEqual({ ok: false, error: { code: 'refused', reason: 'sender' } });
    expect(refusals[0]).toMatch(/refusé/);
  });

  it('refuses an extension pages’ message from a portal tab (a content script may not ask for « check now »)', async () => {
    const handlers = handlersWith({ 'ui:poll-now': async () => ({ status: 'ok', notifications: 0 }) });
    const log = vi.fn();
    const route = createMessageRouter(handlers, filterSender, log);
    expect((await route({ name: 'ui:poll-now', payload: {} }, portalTab)).ok).toBe(false);
    expect(log.mock.calls[0]?.[0]).toMatch(/page étrangère/);
    expect((await route({ name: 'ui:poll-now', payload: {} }, { id: EXTENSION_ID, url: `${BASE}popup.html` })).ok).toBe(
      true,
    );
  });

  it('reports a handler failure as a failed reply, never a throw: its reason in the log, a code in the reply', async () => {
    const handlers = handlersWith({
      'content:hello': async () => {
        throw new Error('base indisponible');
      },
    });
    const log = vi.fn();
    const route = createMessageRouter(handlers, filterSender, log);
    const reply = await route({ name: 'content:hello', payload: { url: portalTab.url } }, portalTab);
    expect(reply).toEqual({ ok: false, error: { code: 'failed' } });
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]?.[0]).toMatch(/base indisponible/);
  });

  it('passes a handler’s own refusal on as its code', async () => {
    const handlers = handlersWith({
      'content:set-banner-collapsed': async () => {
        throw new HandlerFailure({ code: 'locked', fields: ['bannerCollapsed'] }, 'réglage fixé');
      },
    });
    const route = createMessageRouter(handlers, filterSender, () => {});
    const reply = await route({ name: 'content:set-banner-collapsed', payload: { collapsed: true } }, portalTab);
    expect(reply).toEqual({ ok: false, error: { code: 'locked', fields: ['bannerCollapsed'] } });
  });

  it('refuses an answer that breaks its own schema', async () => {
    const handlers = handlersWith({
      'content:hello': async () => ({ version: 3 }) as never,
    });
    const route = createMessageRouter(handlers, filterSender, () => {});
    const reply = await route({ name: 'content:hello', payload: { url: portalTab.url } }, portalTab);
    expect(reply).toEqual({ ok: false, error: { code: 'failed' } });
  });
});

describe('sendToBackground', () => {
  it('returns the background’s reply', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, value: { ...HELLO, tabId: null } }));
    const reply = await sendToBackground('content:hello', { url: 'https://medimail.mipih.fr/' });
    expect(reply).toEqual({ ok: true, value: { ...HELLO, tabId: null } });
  });

  it('turns a missing background into a failed reply instead of throwing', async () => {
    fakeBrowser.reset();
    const reply = await sendToBackground('content:hello', { url: 'https://medimail.mipih.fr/' });
    expect(reply).toEqual({ ok: false, error: { code: 'no-answer' } });
  });
});
