/**
 * The background's orders to a portal tab, received in one place: only from this
 * extension, only in their declared shape (checked by hand: no schema library in the
 * content script), and no longer once the script's lifetime ends.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenToBackground } from '@/entrypoints/portal.content/background-orders';
import { reloadExtension, startContentScript } from './support';

const ADDRESS = 'secretariat.cardiologie@esante-occitanie.fr';
const fromBackground = () => ({ id: fakeBrowser.runtime.id });

function listening() {
  const { lifetime } = startContentScript();
  const handlers = {
    'to-content:portal-changed': vi.fn(),
    'to-content:open-switcher': vi.fn(),
    'to-content:switch-to': vi.fn(),
  };
  listenToBackground(lifetime, handlers);
  return { handlers };
}

beforeEach(() => fakeBrowser.reset());

describe('orders from the background to a portal tab', () => {
  it('runs each order’s handler with its payload', async () => {
    const { handlers } = listening();
    await fakeBrowser.runtime.onMessage.trigger({ name: 'to-content:portal-changed', payload: {} }, fromBackground());
    await fakeBrowser.runtime.onMessage.trigger({ name: 'to-content:open-switcher', payload: {} }, fromBackground());
    await fakeBrowser.runtime.onMessage.trigger(
      { name: 'to-content:switch-to', payload: { address: ADDRESS } },
      fromBackground(),
    );
    expect(handlers['to-content:portal-changed']).toHaveBeenCalledOnce();
    expect(handlers['to-content:open-switcher']).toHaveBeenCalledOnce();
    expect(handlers['to-content:switch-to']).toHaveBeenCalledWith({ address: ADDRESS });
  });

  it.each([
    ['another extension', { name: 'to-content:portal-changed', payload: {} }, { id: 'someone-else' }],
    ['an order of another channel', { name: 'to-ui:data-changed', payload: {} }, undefined],
    ['the old flat shape', { name: 'to-content:switch-to', address: ADDRESS }, undefined],
    ['an address that is no text', { name: 'to-content:switch-to', payload: { address: 42 } }, undefined],
    ['no message at all', null, undefined],
  ])('ignores %s', async (_case, message, sender) => {
    const { handlers } = listening();
    await fakeBrowser.runtime.onMessage.trigger(message, sender ?? fromBackground());
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('stops listening when the script’s lifetime ends (the extension reloaded)', async () => {
    const { handlers } = listening();
    reloadExtension();
    await fakeBrowser.runtime.onMessage.trigger({ name: 'to-content:portal-changed', payload: {} }, fromBackground());
    expect(handlers['to-content:portal-changed']).not.toHaveBeenCalled();
  });
});
