/**
 * The background's orders to the extension's pages (`backgroundToUi`,
 * utils/protocol/messages.ts), received in this one place: only from this extension's
 * own contexts and never from a tab (a content script's messages reach the pages too),
 * and only in their declared shape, checked by hand (type-only imports: no schema code
 * in the pages). A new order in the declaration does not compile here until it is read.
 */
import { browser } from 'wxt/browser';
import type { UiOrder } from '@/utils/protocol/messages';

type OrderName = UiOrder['name'];
type PayloadOf<N extends OrderName> = Extract<UiOrder, { name: N }>['payload'];

/** What a page does on the orders it listens to. */
export type OrderHandlers = { [N in OrderName]?: (payload: PayloadOf<N>) => void };

/** Each order's payload, checked field by field; null: not that order's shape. */
const READERS: { [N in OrderName]: (payload: Record<string, unknown>) => PayloadOf<N> | null } = {
  'to-ui:data-changed': () => ({}),
};

function isOrderName(name: unknown): name is OrderName {
  return typeof name === 'string' && Object.hasOwn(READERS, name);
}

/** Runs the handlers for the orders the background sends; returns how to stop. */
export function listenToBackground(handlers: OrderHandlers): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
    if (typeof message !== 'object' || message === null) return;
    const { name, payload } = message as { name?: unknown; payload?: unknown };
    if (!isOrderName(name) || typeof payload !== 'object' || payload === null) return;
    const read = READERS[name](payload as Record<string, unknown>);
    if (read) (handlers[name] as ((payload: object) => void) | undefined)?.(read);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
