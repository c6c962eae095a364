/**
 * Chrome's offscreen document (entrypoints/offscreen/), shared by what needs it: reading
 * portal pages (polling/html-reader.ts, the service worker has no DOMParser) and playing
 * the new-mail sound (announce/sound.ts, it has no audio either). Chrome allows one document per
 * extension; it is created on first need with both reasons, DOM_PARSER and
 * AUDIO_PLAYBACK. A document's lifetime follows the most lasting of its reasons: alone,
 * AUDIO_PLAYBACK would have it closed after 30 s without sound, DOM_PARSER sets no limit.
 * A document found open was made by this same version (Chrome closes an extension's
 * documents when it is updated or reloaded); one that does not answer is closed by its
 * user (a reading past its time, a sound request unanswered) and made anew.
 */

/** The path of the offscreen document in the Chrome build (entrypoints/offscreen/). */
export const OFFSCREEN_PATH = '/offscreen.html';
export const OFFSCREEN_REASONS = ['DOM_PARSER', 'AUDIO_PLAYBACK'];
const JUSTIFICATION =
  'Lire les pages du portail Medimail (sélecteur de compte) pour compter les messages non lus, ' +
  'et jouer le court son du nouveau courrier quand une boîte le demande.';

export interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

export interface OffscreenDocument {
  /** The document is open (made now if it was not). */
  ensure(): Promise<void>;
  /** Closes it (nothing if it is already gone): the next `ensure` makes a new one. */
  close(): Promise<void>;
}

/** One handle per API object: every user of the document shares its creation. */
const handles = new WeakMap<OffscreenApi, OffscreenDocument>();

/** Chrome's offscreen API, where there is one (not in Firefox, which has a background page). */
export function browserOffscreenApi(): OffscreenApi | undefined {
  return (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

export function offscreenDocument(api: OffscreenApi): OffscreenDocument {
  const known = handles.get(api);
  if (known) return known;
  let ready: Promise<void> | null = null;
  const handle: OffscreenDocument = {
    ensure() {
      ready ??= (async () => {
        if (await api.hasDocument?.()) return;
        await api.createDocument({ url: OFFSCREEN_PATH, reasons: OFFSCREEN_REASONS, justification: JUSTIFICATION });
      })().catch((error: unknown) => {
        ready = null;
        throw error;
      });
      return ready;
    },
    async close() {
      ready = null;
      await api.closeDocument().catch(() => {
        // Already gone (closed by the browser): the next `ensure` makes one.
      });
    },
  };
  handles.set(api, handle);
  return handle;
}
