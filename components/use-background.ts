/**
 * Data from the background for the extension's pages, kept fresh: each hook asks once,
 * then again whenever the background says that something changed.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MessageName, type MessageResponse, sendToBackground } from '@/utils/protocol/client';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): Promise<void>;
  /** Replaces the data with a fresher answer (e.g. the reply to a change). */
  set(data: T): void;
}

export function useBackground<N extends MessageName & `page:${string}`>(name: N): Loaded<MessageResponse<N>> {
  const [data, setData] = useState<MessageResponse<N> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const reply = await sendToBackground(name, {} as never);
    if (reply.ok) {
      setData(reply.value);
      setError(null);
    } else setError(reply.error);
  }, [name]);
  useEffect(() => {
    void reload();
    const listener = (message: unknown) => {
      if ((message as { name?: string } | null)?.name === 'background:data-changed') void reload();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [reload]);
  return { data, error, reload, set: setData };
}
