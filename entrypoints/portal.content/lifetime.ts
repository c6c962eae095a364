/**
 * How long the content script lives: until the extension context is gone, and not a
 * moment before, whatever the page does. Features take this lifetime, never WXT's
 * ContentScriptContext, because the page can end that one.
 *
 * What WXT 0.20 does (wxt/dist/utils/content-script-context.mjs, internal/custom-events.mjs):
 * each new context dispatches on `document` a CustomEvent named
 * `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started` with
 * `detail: { contentScriptName, messageId }`, and listens for that name; an event whose
 * `detail.contentScriptName` is its own and whose `detail.messageId` is not its own
 * random id makes it abort: its `onInvalidated` callbacks run, and its `setTimeout` and
 * `addEventListener` stop for good. Nothing else is checked (not `isTrusted`: WXT's own
 * event is dispatched by a script too). The page shares `document`, the entrypoint is
 * `portal`, and the runtime id is no secret (in Firefox, the manifest's add-on id
 * `repere-bal@repere-bal.fr`; in Chrome, the store's id), so one line of page script,
 * `document.dispatchEvent(new CustomEvent('repere-bal@repere-bal.fr:portal:wxt:content-script-started',
 * { detail: { contentScriptName: 'portal', messageId: 'x' } }))`, would take away the banner
 * and the send guard. `noScriptStartedPostMessage: true` only closes WXT's other channel
 * (window.postMessage).
 *
 * The defence: a newer copy of this script legitimately starts only when the extension
 * was reloaded or updated, and then this copy's extension context is gone:
 * `browser.runtime.id` reads undefined (WXT's own `isInvalid` tests the same). So this
 * lifetime ends only then. A WXT invalidation while the runtime is there is logged and
 * ignored; the lifetime has its own abort signal, timers and listeners, and looks at the
 * runtime again when asked, before each timer or listener runs, and at each « started »
 * event (WXT listens no more after its first abort, forged or not).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { log } from '@/utils/log';

export interface Lifetime {
  /** Whether the extension context is gone; looked at anew on each read. */
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): void;
  /** Runs `handler` once after `ms`, unless the lifetime has ended by then. */
  setTimeout(handler: () => void, ms: number): number;
  /** Listens until the lifetime ends; the handler is not called after. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
}

export function createLifetime(ctx: ContentScriptContext): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  /** Ends the lifetime once the extension context is gone; tells whether it has ended. */
  const endedWithRuntime = (): boolean => {
    if (!signal.aborted && browser.runtime?.id == null) controller.abort();
    return signal.aborted;
  };

  ctx.onInvalidated(() => {
    if (!endedWithRuntime())
      log.warn('fin de contexte WXT ignorée : l’extension est toujours là (événement forgé par la page ?)');
  });
  const startedEvent = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  document.addEventListener(startedEvent, endedWithRuntime, { signal });

  return {
    get isInvalid() {
      return endedWithRuntime();
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback);
    },
    setTimeout(handler, ms) {
      // No clearTimeout on abort: a listener per timer would pile up; the check suffices.
      return window.setTimeout(() => {
        if (!endedWithRuntime()) handler();
      }, ms);
    },
    addEventListener(
      target: EventTarget,
      type: string,
      handler: (event: Event) => void,
      options?: AddEventListenerOptions,
    ) {
      const listener = (event: Event) => {
        if (!endedWithRuntime()) handler(event);
      };
      target.addEventListener(type, listener, { ...options, signal });
    },
  };
}
