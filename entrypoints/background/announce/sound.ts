/**
 * The new-mail sound: a short two-tone chime of our own making, synthesised here as a
 * small WAV (16-bit mono PCM): no recorded or third-party asset. It is played when a
 * new-mail notification is shown for a mailbox whose `sound` is on (new-mail.ts decides,
 * and the notification log keeps it): never while news is held (quiet hours, a pause),
 * never with notifications off, since no notification is shown then. In Firefox the
 * background page plays it itself (it has audio); in Chrome the service worker has none,
 * so the offscreen document plays it (entrypoints/background/offscreen-document.ts,
 * reason AUDIO_PLAYBACK). News of several mailboxes at once plays it once.
 */
import { browser } from 'wxt/browser';
import { browserOffscreenApi, type OffscreenApi, offscreenDocument } from '@/entrypoints/background/offscreen-document';
import { log } from '@/utils/log';
import type { OffscreenPlaySound } from '@/utils/protocol/messages';

const SAMPLE_RATE = 16_000;
const VOLUME = 0.25;
/** The chime: A5, then E6 (a fifth up) as the first fades; each a struck-bell fade. Seconds. */
export const CHIME_NOTES = [
  { frequency: 880, start: 0, length: 0.16 },
  { frequency: 1318.51, start: 0.12, length: 0.3 },
] as const;
/** Sounds asked closer together than this are one. */
export const SOUND_GAP_MS = 2_000;

/** The chime as samples in [-1, 1]. */
export function chimeSamples(sampleRate = SAMPLE_RATE): Float32Array {
  const duration = Math.max(...CHIME_NOTES.map((note) => note.start + note.length));
  const samples = new Float32Array(Math.ceil(duration * sampleRate));
  for (const note of CHIME_NOTES) {
    const first = Math.round(note.start * sampleRate);
    const count = Math.min(Math.round(note.length * sampleRate), samples.length - first);
    for (let i = 0; i < count; i += 1) {
      const time = i / sampleRate;
      // 5 ms to rise (no click), then an exponential fade.
      const envelope = Math.min(1, time / 0.005) * Math.exp((-4 * time) / note.length);
      samples[first + i] =
        (samples[first + i] ?? 0) + VOLUME * envelope * Math.sin(2 * Math.PI * note.frequency * time);
    }
  }
  return samples;
}

/** Samples as a WAV file: RIFF header, then 16-bit little-endian mono PCM. */
export function wavBytes(samples: Float32Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const dataLength = samples.length * 2;
  const bytes = new Uint8Array(44 + dataLength);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // the format chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per sample
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataLength, true);
  samples.forEach((sample, i) => {
    view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, sample)) * 32_767), true);
  });
  return bytes;
}

/** The chime as a `data:` URL, for an audio element here or in the offscreen document. */
export function chimeDataUrl(): string {
  const bytes = wavBytes(chimeSamples());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

/** What the player needs of the browser (injected in tests). */
export interface SoundEnvironment {
  /** Plays a sound in this context (Firefox's background page); null where there is no audio. */
  playHere: ((src: string) => Promise<void>) | null;
  /** Chrome's offscreen API, where this context has no audio. */
  offscreen: OffscreenApi | undefined;
  /** Asks the offscreen document to play; its answer. */
  send(request: OffscreenPlaySound): Promise<unknown>;
}

function browserEnvironment(): SoundEnvironment {
  return {
    playHere: typeof Audio === 'undefined' ? null : (src) => new Audio(src).play(),
    offscreen: browserOffscreenApi(),
    send: (request) => browser.runtime.sendMessage(request),
  };
}

/** Plays the chime (unless one just played); whether it played. Never throws. */
export type SoundPlayer = () => Promise<boolean>;

function playedAnswer(answer: unknown): answer is { played: boolean } {
  return typeof (answer as { played?: unknown } | undefined)?.played === 'boolean';
}

export function createSoundPlayer(environment: SoundEnvironment = browserEnvironment(), now = Date.now): SoundPlayer {
  const offscreen = environment.offscreen && offscreenDocument(environment.offscreen);
  let src: string | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  const askOffscreen = async (request: OffscreenPlaySound): Promise<unknown> => {
    if (!offscreen) throw new Error('ni audio ni document hors écran');
    await offscreen.ensure();
    return environment.send(request);
  };
  return async () => {
    const at = now();
    if (at - lastAt < SOUND_GAP_MS) return false;
    lastAt = at;
    src ??= chimeDataUrl();
    try {
      if (environment.playHere) {
        await environment.playHere(src);
        return true;
      }
      const request: OffscreenPlaySound = { name: 'to-offscreen:play-sound', payload: { src } };
      let answer = await askOffscreen(request);
      if (!playedAnswer(answer)) {
        // A document that does not answer this request: closed, made anew, asked once more.
        await offscreen?.close();
        answer = await askOffscreen(request);
      }
      if (playedAnswer(answer) && answer.played) return true;
      log.warn('son du nouveau courrier non joué');
      return false;
    } catch (error) {
      log.warn('son du nouveau courrier impossible :', error instanceof Error ? error.message : error);
      return false;
    }
  };
}
