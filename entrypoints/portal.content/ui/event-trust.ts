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
 * The decision lives here only, behind a Preact context: component tests render with a
 * provider that accepts their synthetic events; the banner (and one test) use the
 * default. The extension's own pages are out of the page's reach and need none of this.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type AcceptsEvent = (event: Event) => boolean;

/** The user's own event, on a control still in its tree, with no label to forward a script's click. */
export function isUserEvent(event: Event): boolean {
  const control = event.currentTarget;
  if (event.isTrusted !== true || !(control instanceof Node) || !control.isConnected) return false;
  const tree = control.getRootNode() as Document | ShadowRoot;
  return ![...tree.querySelectorAll('label')].some((label) => label.control !== null);
}

export const EventTrust = createContext<AcceptsEvent>(isUserEvent);

/** Wraps handlers so that they run only for events the banner accepts. */
export function useUserEvents(): <E extends Event>(handler: (event: E) => void) => (event: E) => void {
  const acceptsEvent = useContext(EventTrust);
  return (handler) => (event) => {
    if (acceptsEvent(event)) handler(event);
    else event.preventDefault();
  };
}
