/**
 * The background's `runtime.onMessage` router for the two channels towards it
 * (`content:*`, `ui:*`: utils/protocol/messages.ts). It checks the envelope, the sender
 * (allowed-senders.ts, the one place that decides who may send what) and the payload, runs
 * the handler, checks the answer, and logs every refusal and failure in French. What
 * goes back is a code (utils/protocol/codes.ts): pages and banners word it.
 */
import type { Failure, Reply } from '@/utils/protocol/codes';
import {
  envelope,
  type MessageName,
  type MessageRequest,
  type MessageResponse,
  toBackground,
} from '@/utils/protocol/messages';
import { z } from '@/utils/protocol/zod';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type MessageHandlers = {
  [N in MessageName]: (payload: MessageRequest<N>, sender: MessageSender) => Promise<MessageResponse<N>>;
};

/** Returns why a sender may not send this message (in French, for the log), or null when it may. */
export type SenderFilter = (name: MessageName, sender: MessageSender) => string | null;

/**
 * A handler's refusal the sender is told of, as a code; the message (in French) is for
 * the log. Any other error a handler throws is answered `failed`.
 */
export class HandlerFailure extends Error {
  constructor(
    readonly failure: Failure,
    logText: string,
  ) {
    super(logText);
  }
}

/** Refuses a change to what the organisation's policy sets (the sender says so in words). */
export function refuseLocked(fields: readonly string[], locked: readonly string[]): void {
  const refused = fields.filter((field) => locked.includes(field));
  if (refused.length) {
    throw new HandlerFailure(
      { code: 'locked', fields: refused },
      `réglage fixé par la politique : ${refused.join(', ')}`,
    );
  }
}

function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(toBackground, name);
}

export function createMessageRouter(
  handlers: MessageHandlers,
  filterSender: SenderFilter,
  logRefusal: (reason: string) => void,
): (message: unknown, sender: MessageSender) => Promise<Reply<unknown>> {
  return async (message, sender) => {
    const fail = (failure: Failure, logText: string): Reply<never> => {
      logRefusal(logText);
      return { ok: false, error: failure };
    };
    const parsed = envelope.safeParse(message);
    if (!parsed.success) return fail({ code: 'refused', reason: 'envelope' }, 'message refusé : enveloppe invalide');
    const { name, payload } = parsed.data;
    if (!isMessageName(name)) {
      return fail({ code: 'refused', reason: 'name' }, `message refusé : nom inconnu « ${name.slice(0, 60)} »`);
    }
    const senderProblem = filterSender(name, sender);
    if (senderProblem) return fail({ code: 'refused', reason: 'sender' }, `message ${name} refusé : ${senderProblem}`);
    const request = toBackground[name].request.safeParse(payload);
    if (!request.success) {
      return fail({ code: 'refused', reason: 'payload' }, `message ${name} refusé : ${z.prettifyError(request.error)}`);
    }
    try {
      const handler = handlers[name] as (p: unknown, s: MessageSender) => Promise<unknown>;
      const value = toBackground[name].response.parse(await handler(request.data, sender));
      return { ok: true, value };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failure: Failure = error instanceof HandlerFailure ? error.failure : { code: 'failed' };
      return fail(failure, `message ${name} en échec : ${reason}`);
    }
  };
}
