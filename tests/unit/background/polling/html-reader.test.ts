/**
 * Chrome's way of reading pages, with a fake offscreen API: a document that does not
 * answer in time fails the reading, is closed, and a fresh one reads the next page.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  createHtmlReader,
  type HtmlReaderEnvironment,
  OFFSCREEN_PATH,
  ReadingTimedOut,
} from '@/entrypoints/background/polling/html-reader';
import type { PortalPageReading } from '@/utils/portal/page';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { fakeOffscreen } from '../../../support/fake-offscreen';

const CHOOSER_URL = 'https://medimail.mipih.fr/?m=comptes';

const READING = { kind: 'webmail', chooser: [] } as unknown as PortalPageReading;

/** An offscreen API holding at most one document, as Chrome's does. */

describe('html reader in the offscreen document', () => {
  it('fails a reading that does not answer in time, closes the document, and reads the next in a new one', async () => {
    const offscreen = fakeOffscreen();
    const send = vi.fn<HtmlReaderEnvironment['send']>();
    send.mockReturnValueOnce(new Promise(() => {})).mockResolvedValueOnce(READING);
    const read = createHtmlReader({ hasDomParser: false, offscreen, send }, 50);

    await expect(read('<html></html>', CHOOSER_URL, DEFAULT_PROFILE, { reachedBy: 'chooser' })).rejects.toBeInstanceOf(
      ReadingTimedOut,
    );
    expect(offscreen.closeDocument).toHaveBeenCalledOnce();

    expect(await read('<html></html>', CHOOSER_URL, DEFAULT_PROFILE, { reachedBy: 'chooser' })).toBe(READING);
    expect(offscreen.createDocument).toHaveBeenCalledTimes(2);
    expect(offscreen.createDocument).toHaveBeenLastCalledWith(expect.objectContaining({ url: OFFSCREEN_PATH }));
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        name: 'to-offscreen:read-page',
        payload: expect.objectContaining({ url: CHOOSER_URL, reachedBy: 'chooser' }),
      }),
    );
  });

  it('keeps the document for readings that answer', async () => {
    const offscreen = fakeOffscreen();
    const read = createHtmlReader({ hasDomParser: false, offscreen, send: async () => READING }, 50);
    await read('<html></html>', CHOOSER_URL, DEFAULT_PROFILE, { reachedBy: 'chooser' });
    await read('<html></html>', CHOOSER_URL, DEFAULT_PROFILE, {});
    expect(offscreen.createDocument).toHaveBeenCalledOnce();
    expect(offscreen.closeDocument).not.toHaveBeenCalled();
  });
});
