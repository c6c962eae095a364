/**
 * Sending a request to the background from the content script or an extension page
 * (`content:*`, `ui:*`: utils/protocol/messages.ts). Type-only imports: the background
 * is the one that validates, so these bundles carry no schema library.
 */
import { browser } from 'wxt/browser';
import type { Reply } from './codes';
import type { MessageName, MessageRequest, MessageResponse } from './messages';

export type { Failure, Reply } from './codes';
export type {
  ContractPoint,
  ContractPointName,
  Diagnostics,
  FrameCheck,
  ImportPreviewReply,
  MessageName,
  MessageResponse,
  Overview,
  PageSkeletonReply,
  PortalCheckReport,
  SettingsView,
  UiMessageName,
} from './messages';

const NO_ANSWER = { code: 'no-answer' } as const;

/** Never throws: a failure (background asleep, refusal, extension reloaded) is in the reply, as a code. */
export async function sendToBackground<N extends MessageName>(
  name: N,
  payload: MessageRequest<N>,
): Promise<Reply<MessageResponse<N>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ name, payload })) as Reply<MessageResponse<N>> | undefined;
    if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') return { ok: false, error: NO_ANSWER };
    return reply;
  } catch {
    // No background to receive it (reloaded, updated, or not started yet).
    return { ok: false, error: NO_ANSWER };
  }
}
