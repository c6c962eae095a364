/**
 * The network faults an attack or robustness test needs, in both renderings: webmail
 * requests redirected elsewhere, pages padded to a huge size, an answer that starts and
 * never ends. Raw `fetch` is used where the browser-like client would follow or wait.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AttackerSite, startAttackerSite } from './attacker';
import { control, PortalClient } from './client';
import { type Simulator, startSimulator } from './server';

/** Reads a response body until it ends or fails: what arrived, and the failure if any. */
async function readUntilFailure(response: Response): Promise<{ text: string; error: unknown }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

describe.each(['classic', 'alt'] as const)('faults, %s rendering', (rendering) => {
  let sim: Simulator;
  let site: AttackerSite;

  beforeAll(async () => {
    [sim, site] = await Promise.all([startSimulator({ rendering }), startAttackerSite()]);
  });
  afterAll(async () => {
    await Promise.all([sim.close(), site.close()]);
  });
  beforeEach(async () => {
    await control(sim, 'reset');
    site.requests.length = 0;
  });

  describe('redirect', () => {
    it('answers webmail requests with a 302 to the target, then recovers', async () => {
      const target = site.at('/piege?depuis=portail');
      expect((await control(sim, 'fault', { kind: 'redirect', target, count: 1 })).status).toBe(200);
      const redirected = await fetch(sim.at(sim.rendering.inboxPath), { redirect: 'manual' });
      expect(redirected.status).toBe(302);
      expect(redirected.headers.get('location')).toBe(target);
      const healed = await fetch(sim.at(sim.rendering.inboxPath), { redirect: 'manual' });
      expect(healed.headers.get('location')).not.toBe(target);
    });

    it('leads a client that follows it to the attacker site, which records the request', async () => {
      await control(sim, 'fault', { kind: 'redirect', target: site.url, forMs: 10_000 });
      const page = await new PortalClient(sim).get(sim.rendering.loginPath);
      expect(page.url).toBe(site.url);
      expect(page.doc.title).toContain('Changer de compte');
      expect(site.requests).toEqual([{ method: 'GET', path: '/' }]);
      await control(sim, 'fault', { kind: 'none' });
    });

    it('refuses a missing target or one that is not http(s)', async () => {
      for (const target of [undefined, 'javascript:alert(1)', 'ftp://127.0.0.1/', 'pas une adresse']) {
        const refused = await control(sim, 'fault', { kind: 'redirect', target, count: 1 });
        expect(refused.status).toBe(400);
        expect(refused.json.error).toMatch(/target/);
      }
    });
  });

  describe('huge', () => {
    it('pads the normal page to the size asked, then recovers', async () => {
      await control(sim, 'fault', { kind: 'huge', sizeBytes: 3_000_000, count: 1 });
      const padded = Buffer.from(await (await fetch(sim.at(sim.rendering.loginPath))).arrayBuffer());
      expect(padded.byteLength).toBe(3_000_000);
      const text = padded.toString('utf8');
      expect(text).toMatch(/<\/html>\s*<!-- x+ -->\s*$/);
      const normal = await (await fetch(sim.at(sim.rendering.loginPath))).text();
      expect(text.startsWith(normal)).toBe(true);
      expect(Buffer.byteLength(normal)).toBeLessThan(100_000);
    });

    it('pads to 12,000,000 bytes by default and refuses more than 50,000,000', async () => {
      await control(sim, 'fault', { kind: 'huge', count: 1 });
      const padded = await (await fetch(sim.at(sim.rendering.loginPath))).arrayBuffer();
      expect(padded.byteLength).toBe(12_000_000);
      expect((await control(sim, 'fault', { kind: 'huge', sizeBytes: 50_000_001 })).status).toBe(400);
    });
  });

  describe('endless', () => {
    it('sends the headers and the beginning of the page, then trickles until the client gives up', async () => {
      const normal = await (await fetch(sim.at(sim.rendering.loginPath))).text();
      await control(sim, 'fault', { kind: 'endless', count: 1 });
      const started = performance.now();
      const response = await fetch(sim.at(sim.rendering.loginPath), { signal: AbortSignal.timeout(1_500) });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const { text, error } = await readUntilFailure(response);
      expect((error as Error | undefined)?.name).toBe('TimeoutError');
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
      const beginning = text.trimEnd();
      expect(beginning.length).toBeGreaterThan(0);
      expect(beginning.length).toBeLessThan(normal.length);
      expect(normal.startsWith(beginning)).toBe(true);
      expect(text.length).toBeGreaterThan(beginning.length);
      // The fault was used once: the next answer is whole.
      expect(await (await fetch(sim.at(sim.rendering.loginPath))).text()).toBe(normal);
    });

    it('does not hold up the simulator closing', async () => {
      const other = await startSimulator({ rendering });
      await control(other, 'fault', { kind: 'endless', forMs: 60_000 });
      const response = await fetch(other.at(other.rendering.loginPath));
      const reading = readUntilFailure(response);
      const closing = performance.now();
      await other.close();
      expect(performance.now() - closing).toBeLessThan(1_000);
      expect((await reading).error).toBeDefined();
    });
  });
});
