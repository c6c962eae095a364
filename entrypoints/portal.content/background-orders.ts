/**
 * The background's orders to this tab (`backgroundToContent`, utils/protocol/messages.ts),
 * received in this one place: only from this extension, and only in their declared
 * shape. The content script carries no schema library, so the few fields of each order
 * are checked here by hand; a new order in the declaration does not compile here until
 * it is read.
 */
import { browser } from 'wxt/browser';
import type { ContentOrder } from '@/utils/protocol/messages';
import type { Lifetime } from './lifetime';

type OrderName = ContentOrder['name'];
type PayloadOf<N extends OrderName> = Extract<ContentOrder, { name: N }>['payload'];

/** What the tab does on each order. */
export type OrderHandlers = { [N in OrderName]: (payload: PayloadOf<N>) => void };

/** Each order's payload, checked field by field; null: not that order's shape. */
const READERS: { [N in OrderName]: (payload: Record<string, unknown>) => PayloadOf<N> | null } = {
  'to-content:portal-changed': () => ({}),
  'to-content:open-switcher': () => ({}),
  'to-content:switch-to': ({ address }) => (typeof address === 'string' ? { address } : null),
};

function isOrderName(name: unknown): name is OrderName {
  return typeof name === 'string' && Object.hasOwn(READERS, name);
}

/** Runs the handler of each order the background sends, for the script's lifetime. */
export function listenToBackground(lifetime: Lifetime, handlers: OrderHandlers): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return;
    const { name, payload } = message as { name?: unknown; payload?: unknown };
    if (!isOrderName(name) || typeof payload !== 'object' || payload === null) return;
    const read = READERS[name](payload as Record<string, unknown>);
    if (read) (handlers[name] as (payload: object) => void)(read);
  };
  browser.runtime.onMessage.addListener(listener);
  lifetime.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
