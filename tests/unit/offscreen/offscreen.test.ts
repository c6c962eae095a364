/**
 * Chrome's offscreen document, on the fake browser: it reads a page, and refuses one
 * beyond the fetcher's cap; it plays the new-mail sound the background sends, and only
 * a WAV carried inline.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chimeDataUrl } from '@/entrypoints/background/announce/sound';
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

  describe('the new-mail sound', () => {
    const sound = (src: string) => ({ name: 'to-offscreen:play-sound', payload: { src } });
    /** An audio element that plays (or is refused), recording what it was given. */
    function stubAudio(play: () => Promise<void>) {
      const sources: string[] = [];
      vi.stubGlobal(
        'Audio',
        class {
          constructor(src: string) {
            sources.push(src);
          }
          play = play;
        },
      );
      return sources;
    }
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('plays the sound the background made, and says whether it could', async () => {
      const sources = stubAudio(async () => {});
      expect(await answer(sound(chimeDataUrl()))).toEqual({ played: true });
      expect(sources).toEqual([chimeDataUrl()]);
      stubAudio(() => Promise.reject(new DOMException('refusé', 'NotAllowedError')));
      expect(await answer(sound(chimeDataUrl()))).toEqual({ played: false });
    });

    it('plays nothing but an inline WAV, and only for this extension', async () => {
      const sources = stubAudio(async () => {});
      expect(await answer(sound('https://attacker.example/cri.wav'))).toBeUndefined();
      expect(await answer(sound(chimeDataUrl()), { id: fakeBrowser.runtime.id, tab: { id: 3 } })).toBeUndefined();
      expect(sources).toEqual([]);
    });
  });

  it('answers only this extension, never a tab, and only its own channel', async () => {
    const page = request('<html><body><p>Bonjour</p></body></html>');
    expect(await answer(page, { id: 'another-extension' })).toBeUndefined();
    expect(await answer(page, { id: fakeBrowser.runtime.id, tab: { id: 3 } })).toBeUndefined();
    expect(await answer({ name: 'ui:overview', payload: {} })).toBeUndefined();
  });
});
