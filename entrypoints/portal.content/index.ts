/**
 * The content script on the portal: wiring only. It starts at document_start so that
 * what it adds is there at first paint, and never lets an error reach the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { log } from '@/utils/log';
import { sendToBackground } from '@/utils/message-client';
import { PORTAL_MATCHES } from '@/utils/portal-origins';

/** Set on <html> once the background has answered: tests and diagnostics read it. */
export const CONNECTED_ATTRIBUTE = 'data-repere-bal';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_start',
  async main(ctx) {
    const reply = await sendToBackground('content:hello', { url: location.href });
    if (ctx.isInvalid) return;
    if (!reply.ok) {
      log.warn('le service d’arrière-plan ne répond pas :', reply.error);
      return;
    }
    document.documentElement.setAttribute(CONNECTED_ATTRIBUTE, reply.value.version);
  },
});
