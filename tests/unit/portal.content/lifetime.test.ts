/**
 * The content script's lifetime against a page that forges WXT's « a newer copy
 * started » event: WXT's context falls for it, the banner and the send guard stay.
 * Only the loss of the extension context (a reload or an update) ends them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BANNER_TAG, mountBanner } from '@/entrypoints/portal.content/banner';
import { installSendGuard } from '@/entrypoints/portal.content/send-guard';
import { createTabState } from '@/entrypoints/portal.content/tab-state';
import type { BannerActions } from '@/entrypoints/portal.content/ui/Banner';
import { reloadExtension, scriptStartedEvent, startContentScript, withoutRuntime } from './support';
import { portalView } from './views';

const noActions = new Proxy({}, { get: () => () => undefined }) as BannerActions;

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
});
