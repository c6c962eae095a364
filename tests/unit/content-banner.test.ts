/**
 * The banner as the content script mounts it: a static « checking » shell at
 * document_start that asks nothing of the browser's message catalogue (read
 * synchronously on first use), its words from the background's answer, then the real banner.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BannerActions } from '@/components/Banner';
import { BANNER_TAG, mountBanner } from '@/entrypoints/portal.content/banner';
import { createTabState } from '@/entrypoints/portal.content/tab-state';
import type { frenchMessage } from './setup';
import { portalView } from './views';

const noActions = new Proxy({}, { get: () => () => undefined }) as BannerActions;
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('banner mount', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    document.documentElement.innerHTML = '<head><title>Medimail</title></head><body><p>portail</p></body>';
    ctx = new ContentScriptContext('portal');
  });
  afterEach(() => {
    ctx.abort();
    vi.restoreAllMocks();
  });

  it('stands first in <html> at once, without asking for any message', () => {
    const getMessage = vi.spyOn(browser.i18n as unknown as { getMessage: typeof frenchMessage }, 'getMessage');
    const shadow = mountBanner(ctx, createTabState(), noActions);
    const host = document.documentElement.firstElementChild as HTMLElement;
    expect(host.tagName.toLowerCase()).toBe(BANNER_TAG);
    expect(host.getAttribute('data-kind')).toBe('unknown');
    expect(shadow.querySelector('[role="status"]')?.textContent).toBe('');
    expect(getMessage).not.toHaveBeenCalled();
  });

  it("says « checking » in the background's words, then shows the mailbox, and leaves with the context", async () => {
    const tab = createTabState();
    const shadow = mountBanner(ctx, tab, noActions);
    tab.set({ collapsedHint: true, checkingText: 'Vérification…' });
    await settle();
    expect(shadow.querySelector('[role="status"]')?.textContent).toBe('Vérification…');
    expect(shadow.querySelector('.bar')?.classList.contains('collapsed')).toBe(true);

    tab.set({ view: portalView() });
    await settle();
    const host = document.querySelector(BANNER_TAG) as HTMLElement;
    expect(host.getAttribute('data-kind')).toBe('organisational');
    expect(host.getAttribute('data-address')).toBe('cardio@chu.fr');
    expect(shadow.textContent).toContain('Secrétariat de cardiologie');

    ctx.abort();
    expect(document.querySelector(BANNER_TAG)).toBeNull();
  });
});
