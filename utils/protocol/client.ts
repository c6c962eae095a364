/**
 * Sending a protocol message to the background from the content script or a page.
 * Type-only imports: the background is the one that validates, so the content
 * script's bundle carries no schema library.
 */
import { browser } from 'wxt/browser';
import type { MessageName, MessageRequest, MessageResponse, Reply } from './messages';

export type { Diagnostics, ImportPreviewReply, MessageName, MessageResponse, Overview, SettingsView } from './messages';

/** Never throws: a failure (background asleep, refusal, extension reloaded) is in the reply. */
export async function sendToBackground<N extends MessageName>(
  name: N,
  payload: MessageRequest<N>,
): Promise<Reply<MessageResponse<N>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ name, payload })) as Reply<MessageResponse<N>> | undefined;
    if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
      return { ok: false, error: `pas de réponse du service d’arrière-plan (${name})` };
    }
    return reply;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Messages from the background to the content scripts of portal tabs. They carry no
 * data the tab must trust blindly: on `portal-changed` the tab asks again.
 */
export type BackgroundToContent =
  | { name: 'background:portal-changed' }
  | { name: 'background:open-switcher' }
  | { name: 'background:switch-to'; address: string };
