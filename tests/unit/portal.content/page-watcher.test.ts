/**
 * When the content script first reads the page: just after the portal's load event, or
 * 200 ms after parsing when the load is slow, never while the page is still parsed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lifetime } from '@/entrypoints/portal.content/lifetime';
import { watchPage } from '@/entrypoints/portal.content/page-watcher';
import { createTabState } from '@/entrypoints/portal.content/tab-state';
import { reloadExtension, startContentScript } from './support';

describe('page watcher', () => {
  let lifetime: Lifetime;
  let readyState: DocumentReadyState;
  beforeEach(() => {
    vi.useFakeTimers();
    document.documentElement.innerHTML = '<head><title>Medimail</title></head><body><p>portail</p></body>';
    readyState = 'loading';
    vi.spyOn(document, 'readyState', 'get').mockImplementation(() => readyState);
    lifetime = startContentScript().lifetime;
  });
  afterEach(() => {
    reloadExtension();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  const parsed = () => {
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
  };

  it('reads the page just after its load event', () => {
    const tab = createTabState();
    watchPage(lifetime, tab, () => undefined);
    parsed();
    vi.advanceTimersByTime(50);
    expect(tab.get().reading).toBeNull();
    readyState = 'complete';
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(0);
    expect(tab.get().reading).not.toBeNull();
  });

  it('reads it 200 ms after parsing when the load is slow, once', () => {
    const tab = createTabState();
    const set = vi.spyOn(tab, 'set');
    watchPage(lifetime, tab, () => undefined);
    parsed();
    vi.advanceTimersByTime(199);
    expect(tab.get().reading).toBeNull();
    vi.advanceTimersByTime(1);
    expect(tab.get().reading).not.toBeNull();
    const readings = set.mock.calls.filter(([patch]) => 'reading' in patch).length;
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(10);
    expect(set.mock.calls.filter(([patch]) => 'reading' in patch)).toHaveLength(readings);
  });

  it('reads at once a page already loaded', () => {
    readyState = 'complete';
    const tab = createTabState();
    watchPage(lifetime, tab, () => undefined);
    expect(tab.get().reading).not.toBeNull();
  });
});
