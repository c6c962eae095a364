/**
 * The background's fetch of portal pages, with a fake `fetch`: only portal URLs are
 * requested, a redirect off the requested origin gives no data, a body beyond the cap
 * or without end fails and its stream is cancelled.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  createPortalPageFetcher,
  type PortalPageFetcherEffects,
  type PortalResponse,
} from '@/entrypoints/background/polling/portal-page-fetcher';
import { MAX_PORTAL_PAGE_BYTES } from '@/utils/protocol/messages';

const PORTAL = ['https://medimail.mipih.fr/*'];
const CHOOSER = 'https://medimail.mipih.fr/?m=comptes';

/** What `fetch` streams. */
type Bytes = Uint8Array<ArrayBuffer>;

/** A body served in these chunks, that records whether it was cancelled. */
function body(chunks: Bytes[]) {
  const stream = { cancelled: false, stream: null as unknown as ReadableStream<Bytes> };
  stream.stream = new ReadableStream<Bytes>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      stream.cancelled = true;
    },
  });
  return stream;
}

/** A body that never ends: `chunk` again and again, or (null) nothing ever. */
function endlessBody(chunk: Bytes | null) {
  const stream = { cancelled: false, bytes: 0, stream: null as unknown as ReadableStream<Bytes> };
  stream.stream = new ReadableStream<Bytes>({
    pull(controller) {
      if (!chunk) return new Promise(() => {});
      stream.bytes += chunk.byteLength;
      controller.enqueue(chunk);
      return undefined;
    },
    cancel() {
      stream.cancelled = true;
    },
  });
  return stream;
}

function fetcherAnswering(answer: (url: string) => PortalResponse | Promise<PortalResponse>) {
  const fetch = vi.fn<PortalPageFetcherEffects['fetch']>(async (url) => answer(url));
  return { fetch, fetchPage: createPortalPageFetcher(() => PORTAL, { fetch }) };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('portal page fetcher', () => {
  it('reads a portal page whole, with the cookies, following the portal’s own redirects', async () => {
    const bytes = utf8('<h2>Changer de compte</h2><p>Secrétariat</p>');
    const split = bytes.indexOf(0xc3) + 1; // inside « é »
    const page = body([bytes.slice(0, split), bytes.slice(split)]);
    const { fetch, fetchPage } = fetcherAnswering(() => ({
      url: 'https://medimail.mipih.fr/?m=comptes&p=1',
      status: 200,
      body: page.stream,
    }));
    expect(await fetchPage(CHOOSER, 1_000)).toEqual({
      ok: true,
      status: 200,
      url: 'https://medimail.mipih.fr/?m=comptes&p=1',
      text: '<h2>Changer de compte</h2><p>Secrétariat</p>',
    });
    expect(fetch).toHaveBeenCalledWith(
      CHOOSER,
      expect.objectContaining({ credentials: 'include', redirect: 'follow', cache: 'no-store' }),
    );
  });

  it.each([
    ['another origin', 'https://attacker.example/?m=comptes'],
    ['another port of the same host', 'https://medimail.mipih.fr:8443/?m=comptes'],
    ['plain http on the same host', 'http://medimail.mipih.fr/?m=comptes'],
  ])('takes a redirect to %s for a failure, with no data', async (_, finalUrl) => {
    const page = body([utf8('<h2>Changer de compte</h2>')]);
    const { fetchPage } = fetcherAnswering(() => ({ url: finalUrl, status: 200, body: page.stream }));
    expect(await fetchPage(CHOOSER, 1_000)).toEqual({ ok: false, error: { code: 'off-portal' } });
    expect(page.cancelled).toBe(true);
  });

  it('refuses a response whose final URL it cannot tell', async () => {
    const { fetchPage } = fetcherAnswering(() => ({ url: '', status: 200, body: body([utf8('x')]).stream }));
    expect(await fetchPage(CHOOSER, 1_000)).toEqual({ ok: false, error: { code: 'off-portal' } });
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<h2>Changer de compte</h2>',
    'file:///etc/passwd',
    'https://attacker.example/?m=comptes',
    'http://medimail.mipih.fr/?m=comptes',
    'https://medimail.mipih.fr.attacker.example/',
    'pas une adresse',
  ])('never requests %s', async (url) => {
    const { fetch, fetchPage } = fetcherAnswering(() => ({ url, status: 200, body: null }));
    expect(await fetchPage(url, 1_000)).toEqual({ ok: false, error: { code: 'off-portal' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads a page up to the cap, and fails beyond it, cancelling the stream', async () => {
    const atCap = body([new Uint8Array(MAX_PORTAL_PAGE_BYTES).fill(0x61)]);
    const fits = fetcherAnswering(() => ({ url: CHOOSER, status: 200, body: atCap.stream }));
    const read = await fits.fetchPage(CHOOSER, 5_000);
    expect(read.ok && read.text.length).toBe(MAX_PORTAL_PAGE_BYTES);

    const endless = endlessBody(new Uint8Array(256 * 1024).fill(0x61));
    const { fetchPage } = fetcherAnswering(() => ({ url: CHOOSER, status: 200, body: endless.stream }));
    expect(await fetchPage(CHOOSER, 5_000)).toEqual({ ok: false, error: { code: 'too-large' } });
    expect(endless.cancelled).toBe(true);
    // Stopped at the cap, give or take what the stream had queued ahead.
    expect(endless.bytes).toBeLessThan(MAX_PORTAL_PAGE_BYTES + 1024 * 1024);
  });

  it('times out on a body that never ends, the whole exchange within the timeout', async () => {
    const silent = endlessBody(null);
    const { fetchPage } = fetcherAnswering(() => ({ url: CHOOSER, status: 200, body: silent.stream }));
    const started = Date.now();
    expect(await fetchPage(CHOOSER, 50)).toEqual({ ok: false, error: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(silent.cancelled).toBe(true);
  });

  it('times out on a server that never answers, and tells a network failure apart', async () => {
    const silent = fetcherAnswering(() => new Promise<PortalResponse>(() => {}));
    expect(await silent.fetchPage(CHOOSER, 50)).toEqual({ ok: false, error: { code: 'timeout' } });
    const broken = fetcherAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await broken.fetchPage(CHOOSER, 1_000)).toEqual({ ok: false, error: { code: 'network' } });
  });
});
