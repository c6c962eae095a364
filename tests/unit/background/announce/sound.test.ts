/**
 * The new-mail sound: which notifications come with one (the mailbox's `sound`, never
 * while news is held nor with notifications off), logged with the notification; the
 * chime made by our own code (a WAV); and how it is played: in Firefox's background page
 * itself, in Chrome by the offscreen document, created with both its reasons and shared
 * with the page reader, once per burst of news.
 */
import { describe, expect, it, vi } from 'vitest';
import { collectRises } from '@/entrypoints/background/announce/new-mail';
import { startPause } from '@/entrypoints/background/announce/pause';
import {
  CHIME_NOTES,
  chimeDataUrl,
  chimeSamples,
  createSoundPlayer,
  SOUND_GAP_MS,
  type SoundEnvironment,
  wavBytes,
} from '@/entrypoints/background/announce/sound';
import { OFFSCREEN_PATH } from '@/entrypoints/background/offscreen-document';
import { createHtmlReader } from '@/entrypoints/background/polling/html-reader';
import type { StoredState } from '@/entrypoints/background/storage/store';
import type { PortalPageReading } from '@/utils/portal/page';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { backgroundToOffscreen } from '@/utils/protocol/messages';
import { fakeOffscreen } from '../../../support/fake-offscreen';
import { CHOOSER_URL, mailboxRecord, storedState } from '../records';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const BLOC = 'bloc@esante-occitanie.fr';
const NOON = 12 * 60;

/** Cardio (sound on) and the operating theatre (sound off), each with a rise of one. */
function risen(): StoredState {
  return storedState(
    [
      mailboxRecord(CARDIO, 'organisational', { watched: true, sound: true, unread: 3, notifiedUnread: 2 }),
      mailboxRecord(BLOC, 'organisational', { watched: true, unread: 3, notifiedUnread: 2, order: 1 }),
    ],
    { portal: { pollUrl: CHOOSER_URL } },
  );
}

describe('which notifications come with a sound', () => {
  it('those of a mailbox whose sound is on, and the log keeps it', () => {
    const due = collectRises(risen(), 1_000, NOON);
    expect(due.map((n) => [n.log.address, n.log.sound])).toEqual([
      [CARDIO, true],
      [BLOC, false],
    ]);
  });

  it('none during quiet hours, a pause, or with notifications off: nothing is shown then', () => {
    const quiet = risen();
    quiet.settings.quietHours = { enabled: true, start: '11:00', end: '13:00' };
    expect(collectRises(quiet, 1_000, NOON)).toEqual([]);
    const paused = risen();
    startPause(paused, 60, { allowed: true, longestMinutes: null }, 0);
    expect(collectRises(paused, 1_000, NOON)).toEqual([]);
    const off = risen();
    off.settings.notificationsEnabled = false;
    expect(collectRises(off, 1_000, NOON)).toEqual([]);
  });
});

describe('the chime', () => {
  it('is a short WAV of our own making: two tones, audible, never clipped', () => {
    const samples = chimeSamples();
    expect(CHIME_NOTES.map((note) => note.frequency)).toEqual([880, 1318.51]);
    expect(samples.length / 16_000).toBeLessThan(0.5);
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeGreaterThan(0.1);
    expect(peak).toBeLessThanOrEqual(1);
    const bytes = wavBytes(samples);
    const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint32(40, true)).toBe(samples.length * 2);
  });

  it('travels as a data URL the offscreen channel accepts', () => {
    const src = chimeDataUrl();
    expect(src.length).toBeLessThan(20_000);
    const { request } = backgroundToOffscreen['to-offscreen:play-sound'];
    expect(request.safeParse({ src }).success).toBe(true);
    expect(request.safeParse({ src: 'https://attacker.example/sound.wav' }).success).toBe(false);
  });
});

/** An offscreen API holding at most one document, as Chrome's does. */

describe('playing it', () => {
  it('in Chrome, asks the offscreen document, created with both its reasons', async () => {
    const offscreen = fakeOffscreen();
    const send = vi.fn<SoundEnvironment['send']>(async () => ({ played: true }));
    let now = 0;
    const play = createSoundPlayer({ playHere: null, offscreen, send }, () => now);
    expect(await play()).toBe(true);
    expect(offscreen.createDocument).toHaveBeenCalledWith(
      expect.objectContaining({
        url: OFFSCREEN_PATH,
        reasons: expect.arrayContaining(['DOM_PARSER', 'AUDIO_PLAYBACK']),
      }),
    );
    expect(send).toHaveBeenCalledWith({
      name: 'to-offscreen:play-sound',
      payload: { src: expect.stringMatching(/^data:audio\/wav;base64,/) },
    });
    // News of several mailboxes at once: one sound.
    now += SOUND_GAP_MS - 1;
    expect(await play()).toBe(false);
    now += 1;
    expect(await play()).toBe(true);
    expect(send).toHaveBeenCalledTimes(2);
    expect(offscreen.createDocument).toHaveBeenCalledOnce();
  });

  it('shares the one document with the page reader', async () => {
    const offscreen = fakeOffscreen();
    const reading = { kind: 'webmail', chooser: [] } as unknown as PortalPageReading;
    const read = createHtmlReader({ hasDomParser: false, offscreen, send: async () => reading }, 1_000);
    const play = createSoundPlayer({ playHere: null, offscreen, send: async () => ({ played: true }) });
    await Promise.all([read('<html></html>', 'https://medimail.mipih.fr/', DEFAULT_PROFILE, {}), play()]);
    expect(offscreen.createDocument).toHaveBeenCalledOnce();
  });

  it('makes the document anew once when it does not answer, and never throws', async () => {
    const offscreen = fakeOffscreen();
    const send = vi.fn<SoundEnvironment['send']>();
    send.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ played: true });
    let now = 0;
    const play = createSoundPlayer({ playHere: null, offscreen, send }, () => now);
    expect(await play()).toBe(true);
    expect(offscreen.closeDocument).toHaveBeenCalledOnce();
    expect(offscreen.createDocument).toHaveBeenCalledTimes(2);
    now += SOUND_GAP_MS;
    send.mockRejectedValue(new Error('gone'));
    expect(await play()).toBe(false);
  });

  it('in Firefox, plays in the background page itself', async () => {
    const played: string[] = [];
    const send = vi.fn<SoundEnvironment['send']>();
    const play = createSoundPlayer({
      playHere: async (src) => {
        played.push(src);
      },
      offscreen: undefined,
      send,
    });
    expect(await play()).toBe(true);
    expect(played).toEqual([chimeDataUrl()]);
    expect(send).not.toHaveBeenCalled();
  });
});
