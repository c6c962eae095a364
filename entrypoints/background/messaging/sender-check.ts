/**
 * Who may talk to the background. Content-script messages (`content:*`) must come
 * from this extension, from a tab on a portal origin; page messages (`page:*`) from
 * this extension's own pages. Everything else is refused with a reason.
 */

import { isPortalUrl } from '../../../utils/portal-urls';
import type { MessageName, MessageSender, SenderCheck } from '../../../utils/protocol/messages';

export interface SenderCheckOptions {
  extensionId: string;
  /** e.g. chrome-extension://abc/ or moz-extension://uuid/ */
  extensionBaseUrl: string;
  /** The portal's match patterns (the manifest's, and those a policy adds and the browser granted). */
  portalMatches: () => string[];
}

export function createSenderCheck(options: SenderCheckOptions): SenderCheck {
  const onPortal = (url: string) => isPortalUrl(url, options.portalMatches());
  return (name: MessageName, sender: MessageSender) => {
    if (sender.id !== options.extensionId) return 'expéditeur étranger à l’extension';
    const url = sender.url ?? '';
    if (name.startsWith('content:')) {
      if (sender.tab?.id === undefined) return 'message de script de contenu hors d’un onglet';
      if (!onPortal(url)) return 'onglet hors du portail';
      return null;
    }
    if (!url.startsWith(options.extensionBaseUrl)) return 'page étrangère à l’extension';
    return null;
  };
}
