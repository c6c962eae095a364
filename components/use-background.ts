/**
 * Data from the background for the extension's pages, kept fresh: each hook asks once,
 * then again whenever the background says that something changed.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Failure, type MessageResponse, sendToBackground, type UiMessageName } from '@/utils/protocol/client';
import { listenToBackground } from './background-orders';

export interface Loaded<T> {
  data: T | null;
  /** Why the last request failed, as a code (pages word it: utils/failure-text.ts). */
  error: Failure | null;
  reload(): Promise<void>;
  /** Replaces the data with a fresher answer (e.g. the reply to a change). */
  set(data: T): void;
}

export function useBackground<N extends UiMessageName>(name: N): Loaded<MessageResponse<N>> {
  const [data, setData] = useState<MessageResponse<N> | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const reload = useCallback(async () => {
    const reply = await sendToBackground(name, {} as never);
    if (reply.ok) {
      setData(reply.value);
      setError(null);
    } else setError(reply.error);
  }, [name]);
  useEffect(() => {
    void reload();
    return listenToBackground({ 'to-ui:data-changed': () => void reload() });
  }, [reload]);
  return { data, error, reload, set: setData };
}
