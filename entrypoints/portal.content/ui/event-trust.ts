/**
 * Who may act through the banner: the user, never the page. The banner lives in an open
 * shadow root (the design's test hooks need one), so a page script, the portal's or one
 * injected into it, reaches every control: it can call `click()`, dispatch keys, tick
 * the checkbox. Only events the browser marks `isTrusted`, made by the user's own mouse
 * or keyboard, act; any other loses its default action too (a script's click on the
 * checkbox does not tick it).
 *
 * `isTrusted` has one gap a script can open: clicking a <label> (`label.click()`) makes
 * Chrome click the labelled control with a trusted event (Blink's HTMLLabelElement
 * dispatches that click « from the user agent »), and the page may add a label to our
 * tree or move a control into one. So the banner draws no <label>, and an event is
 * refused when its control has left the document or shares its tree with a label that
 * labels something.
 *
 * The decision lives here only: every listener of the banner goes through `onUser`, with
 * `isUserEvent` unless told otherwise (component tests pass a rule that accepts their
 * synthetic events; the banner and one test keep the default). The extension's own
 * pages are out of the page's reach and need none of this.
 */

export type AcceptsEvent = (event: Event) => boolean;

/** The user's own event, on a control still in its tree, with no label to forward a script's click. */
export function isUserEvent(event: Event): boolean {
  const control = event.currentTarget;
  if (event.isTrusted !== true || !(control instanceof Node) || !control.isConnected) return false;
  const tree = control.getRootNode() as Document | ShadowRoot;
  return ![...tree.querySelectorAll('label')].some((label) => label.control !== null);
}

/** Listens on `target`: `handler` runs only for events `accepts` takes; any other loses its default. */
export function onUser<E extends Event = Event>(
  target: EventTarget,
  type: string,
  handler: (event: E) => void,
  accepts: AcceptsEvent = isUserEvent,
): void {
  target.addEventListener(type, (event) => {
    if (accepts(event)) handler(event as E);
    else event.preventDefault();
  });
}
