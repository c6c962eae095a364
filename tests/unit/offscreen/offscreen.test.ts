/** Chrome's offscreen document, on the fake browser: it reads a page, and refuses one beyond the fetcher's cap. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { MAX_PORTAL_PAGE_BYTES, type OffscreenReadPage } from '@/utils/protocol/messages';

const request = (html: string): OffscreenReadPage => ({
  name: 'to-offscreen:read-page',
  payload: {
    html,
    url: 'https://medimail.mipih.fr/?m=comptes',
    profile: DEFAULT_PROFILE,
    frame: null,
    reachedBy: 'chooser',
  },
});

/** What the document answers a message from this sender (the background, by default). */
async function answer(message: unknown, sender: object = { id: fakeBrowser.runtime.id }): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return reply;
}

describe('offscreen document', () => {
  beforeAll(async () => {
    fakeBrowser.reset();
    await import('@/entrypoints/offscreen/main');
  });

  it('reads a page for the background', async () => {
    await expect(answer(request('<html><body><p>Bonjour</p></body></html>'))).resolves.toMatchObject({
      kind: 'unknown',
    });
  });

  it('does not answer for a page beyond the cap: the request fails its schema, unread', async () => {
    expect(await answer(request('a'.repeat(MAX_PORTAL_PAGE_BYTES + 1)))).toBeUndefined();
  });

  it('answers only this extension, never a tab, and only its own channel', async () => {
    const page = request('<html><body><p>Bonjour</p></body></html>');
    expect(await answer(page, { id: 'another-extension' })).toBeUndefined();
    expect(await answer(page, { id: fakeBrowser.runtime.id, tab: { id: 3 } })).toBeUndefined();
    expect(await answer({ name: 'ui:overview', payload: {} })).toBeUndefined();
  });
});
