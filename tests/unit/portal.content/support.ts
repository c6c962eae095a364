/**
 * Support for tests of the content script: its lifetime made as index.ts makes it and
 * ended as the browser ends it, WXT's « started » event as a page could forge it, and
 * events marked as the user's (happy-dom marks none).
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLifetime, type Lifetime } from '@/entrypoints/portal.content/lifetime';

export function startContentScript(): { ctx: ContentScriptContext; lifetime: Lifetime } {
  const ctx = new ContentScriptContext('portal');
  return { ctx, lifetime: createLifetime(ctx) };
}

/**
 * WXT's « a newer copy started » event, named as WXT names it (getUniqueEventName); in
 * the Firefox build, `repere-bal@repere-bal.fr:portal:wxt:content-script-started`.
 */
export function scriptStartedEvent(messageId: string): CustomEvent {
  return new CustomEvent(`${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`, {
    detail: { contentScriptName: 'portal', messageId },
  });
}

/** Runs `during` while `browser.runtime.id` reads undefined, as in a copy left behind by a reload. */
export function withoutRuntime<T>(during: () => T): T {
  const runtime = browser.runtime as { id?: string };
  const id = runtime.id;
  runtime.id = undefined;
  try {
    return during();
  } finally {
    runtime.id = id;
  }
}

/** The extension is reloaded: this copy's runtime is gone, and the newer copy announces itself. */
export function reloadExtension(): void {
  const newerCopyStarted = scriptStartedEvent('newer-copy');
  withoutRuntime(() => document.dispatchEvent(newerCopyStarted));
}

/** The event as the browser makes it for the user's own mouse or keyboard. */
export function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
