/** Chrome's offscreen document, on the fake browser: it reads a page, and refuses one beyond the fetcher's cap. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_PORTAL_PAGE_BYTES } from '@/entrypoints/background/checks/portal-page-fetcher';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import type { OffscreenReadPage } from '@/utils/protocol/messages';

const request = (html: string): OffscreenReadPage => ({
  name: 'offscreen:read-page',
  html,
  url: 'https://medimail.mipih.fr/?m=comptes',
  profile: DEFAULT_PROFILE,
  frame: null,
  reachedBy: 'chooser',
});

/** What the document answers the background. */
async function answer(message: OffscreenReadPage): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id });
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
});
