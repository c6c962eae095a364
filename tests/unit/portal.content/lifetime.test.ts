/**
 * The content script's lifetime against a page that forges WXT's « a newer copy
 * started » event: WXT's context falls for it, the banner and the send guard stay.
 * Only the loss of the extension context (a reload or an update) ends them. The build's
 * stand-in for WXT's context keeps WXT's protocol, with WXT's own context as witness.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { BANNER_TAG, mountBanner } from '@/entrypoints/portal.content/banner';
import { ContentScriptContext, createLifetime } from '@/entrypoints/portal.content/lifetime';
import { installSendGuard } from '@/entrypoints/portal.content/send-guard';
import { createTabState } from '@/entrypoints/portal.content/tab-state';
import type { BannerActions } from '@/entrypoints/portal.content/ui/Banner';
import { reloadExtension, scriptStartedEvent, startContentScript, withoutRuntime } from './support';
import { portalView } from './views';

const noActions = new Proxy({}, { get: () => () => undefined }) as BannerActions;

/** The next task, on the fake clock. */
const nextTask = () => vi.advanceTimersByTimeAsync(0);

describe('content script lifetime', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.documentElement.innerHTML = '<head></head><body><button type="button">Envoyer</button></body>';
  });
  afterEach(() => {
    reloadExtension();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  /** The portal's « Envoyer » clicked: whether the send guard held it. */
  const sendHeld = () => {
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('button')?.dispatchEvent(click);
    return click.defaultPrevented;
  };

  function startFeatures() {
    const { ctx, lifetime } = startContentScript();
    const tab = createTabState();
    tab.set({ view: portalView() });
    mountBanner(lifetime, tab, noActions);
    installSendGuard(lifetime, tab);
    return { ctx, lifetime, tab };
  }

  it('outlives a forged event: banner, send guard, timers and listeners stay', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ctx, lifetime, tab } = startFeatures();
    const later = vi.fn();
    lifetime.setTimeout(later, 100);

    document.dispatchEvent(scriptStartedEvent('page-script'));

    expect(ctx.signal.aborted).toBe(true); // WXT's own context ends: the event is the real thing
    expect(warn).toHaveBeenCalledOnce();
    expect(lifetime.isInvalid).toBe(false);
    expect(document.querySelector(BANNER_TAG)).not.toBeNull();
    expect(sendHeld()).toBe(true);
    expect(tab.get().guard).not.toBeNull();
    vi.advanceTimersByTime(100);
    expect(later).toHaveBeenCalledOnce();
  });

  it('ends when the extension context is gone, even after a forged event silenced WXT', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { lifetime } = startFeatures();
    const ended = vi.fn();
    lifetime.onInvalidated(ended);
    const later = vi.fn();
    lifetime.setTimeout(later, 100);
    document.dispatchEvent(scriptStartedEvent('page-script'));

    reloadExtension();

    expect(ended).toHaveBeenCalledOnce();
    expect(lifetime.isInvalid).toBe(true);
    expect(document.querySelector(BANNER_TAG)).toBeNull();
    expect(sendHeld()).toBe(false);
    vi.advanceTimersByTime(100);
    expect(later).not.toHaveBeenCalled();
  });

  it('notices a runtime gone without any event, at its next use', () => {
    const { lifetime } = startFeatures();
    withoutRuntime(() => expect(sendHeld()).toBe(false));
    expect(lifetime.isInvalid).toBe(true);
    expect(document.querySelector(BANNER_TAG)).toBeNull();
  });

  describe('the build’s stand-in for WXT’s context', () => {
    it('announces this copy as WXT does, in the next task: an older copy’s context ends', async () => {
      const older = new WxtContext('portal');
      const ended = vi.fn();
      new ContentScriptContext('portal').onInvalidated(ended);
      expect(older.signal.aborted).toBe(false); // the portal's parser first
      await nextTask();
      expect(older.signal.aborted).toBe(true);
      expect(ended).not.toHaveBeenCalled(); // not on its own announcement
    });

    it('ends on any other copy’s announcement, forged or not; the lifetime keeps to the runtime', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const ctx = new ContentScriptContext('portal');
      await nextTask();
      const ended = vi.fn();
      ctx.onInvalidated(ended);
      const lifetime = createLifetime(ctx);
      document.dispatchEvent(new CustomEvent(scriptStartedEvent('x').type, { detail: { contentScriptName: 'other' } }));
      document.dispatchEvent(new Event(scriptStartedEvent('x').type));
      expect(ended).not.toHaveBeenCalled(); // another script's, or no announcement at all
      document.dispatchEvent(scriptStartedEvent('page-script'));
      expect(ended).toHaveBeenCalledOnce();
      expect(warn).toHaveBeenCalledOnce();
      expect(lifetime.isInvalid).toBe(false);

      const laterEnded = vi.fn();
      new ContentScriptContext('portal').onInvalidated(laterEnded);
      await nextTask();
      new WxtContext('portal');
      expect(laterEnded).toHaveBeenCalledOnce(); // WXT's announcement ends it as well
      reloadExtension();
      expect(lifetime.isInvalid).toBe(true);
    });
  });
});
