/**
 * Reading a portal page's body with a size cap, for every context that fetches one
 * (the background's checks, the content script's discovery and switching): the body is
 * read through its stream and given up past MAX_PORTAL_PAGE_BYTES, and a timeout's
 * abortion ends the read wherever it stands. A portal (or a redirect) that sends forever,
 * or too much, costs one failed read, never a stuck or swollen context.
 */

/** The largest page read (bytes); the chooser of 51 mailboxes is a small fraction of it. */
export const MAX_PORTAL_PAGE_BYTES = 4 * 1024 * 1024;

/** A body past the cap: said apart from network failures. */
export class PageTooLarge extends Error {
  constructor() {
    super('trop-volumineux');
  }
}

/** Rejects with the signal's reason once it aborts (and never settles before). */
export function abortion(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  // Raced at each step; after the last one nobody listens, and that is no error.
  aborted.catch(() => {});
  return aborted;
}

/** The body as text (UTF-8, as `response.text()`), up to `limit` bytes, before `aborted` rejects. */
export async function readCappedText(
  body: ReadableStream<Uint8Array> | null,
  aborted: Promise<never>,
  limit: number = MAX_PORTAL_PAGE_BYTES,
): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > limit) throw new PageTooLarge();
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
}
