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
 *
 * WXT's wrapper makes its context before `main`; in the build, `ContentScriptContext`
 * below stands in for WXT's (wxt.config.ts): the same announcement, the same end on
 * another copy's, without the timers, location watcher and helpers that the features do
 * without (they take this lifetime): 0.7 KiB gzip less in every portal page (bench/).
 */
import { browser } from 'wxt/browser';
import { log } from '@/utils/log';

/** What the lifetime needs of WXT's context, or of the one below. */
interface ScriptContext {
  onInvalidated(callback: () => void): unknown;
}

/** WXT's « a newer copy started » event, named as WXT names it (getUniqueEventName). */
const startedEventName = () => `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;

/**
 * WXT's ContentScriptContext as far as this script uses it (WXT 0.20's protocol, above):
 * it announces this copy with the « started » event on `document` (never by
 * window.postMessage: noScriptStartedPostMessage), so that an older copy ends if its
 * extension context is gone, and ends itself on any other copy's announcement, forged
 * or not, which the lifetime then checks against the runtime.
 */
export class ContentScriptContext implements ScriptContext {
  readonly onInvalidated: (callback: () => void) => void;

  constructor(contentScriptName: string) {
    const ended = new AbortController();
    this.onInvalidated = (callback) => ended.signal.addEventListener('abort', callback);
    // In the next task, as the script's work (index.ts: the portal's parser first).
    setTimeout(() => this.announce(contentScriptName, ended), 0);
  }

  private announce(contentScriptName: string, ended: AbortController): void {
    const type = startedEventName();
    const messageId = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId } }));
    const onStarted = (event: Event) => {
      const detail = event instanceof CustomEvent ? event.detail : null;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== messageId) ended.abort();
    };
    document.addEventListener(type, onStarted, { signal: ended.signal });
  }
}

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

export function createLifetime(ctx: ScriptContext): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  /** Ends the lifetime once the extension context is gone; tells whether it has ended. */
  const endedWithRuntime = (): boolean => {
    if (!signal.aborted && browser.runtime?.id == null) controller.abort();
    return signal.aborted;
  };

  ctx.onInvalidated(() => {
    if (!endedWithRuntime()) log.warn('fin de contexte WXT ignorée : extension toujours là');
  });
  document.addEventListener(startedEventName(), endedWithRuntime, { signal });

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
