/**
 * Who may talk to the background: the one place that decides. Messages of the content
 * script's channel (`contentToBackground`, `content:*`) must come from this extension,
 * from a tab on a portal origin; those of the extension pages' channel (`uiToBackground`,
 * `ui:*`) from this extension's own pages. Everything else is refused with a reason
 * (in French, for the log: the sender is told a code, see router.ts).
 */

import { isPortalUrl } from '@/utils/portal-origins';
import { contentToBackground, type MessageName } from '@/utils/protocol/messages';
import type { MessageSender, SenderFilter } from './router';

export interface SenderFilterOptions {
  extensionId: string;
  /** e.g. chrome-extension://abc/ or moz-extension://uuid/ */
  extensionBaseUrl: string;
  /** The portal's match patterns (the manifest's, and those a policy adds and the browser granted). */
  portalMatches: () => string[];
}

export function createSenderFilter(options: SenderFilterOptions): SenderFilter {
  const onPortal = (url: string) => isPortalUrl(url, options.portalMatches());
  return (name: MessageName, sender: MessageSender) => {
    if (sender.id !== options.extensionId) return 'expéditeur étranger à l’extension';
    const url = sender.url ?? '';
    if (Object.hasOwn(contentToBackground, name)) {
      if (sender.tab?.id === undefined) return 'message de script de contenu hors d’un onglet';
      if (!onPortal(url)) return 'onglet hors du portail';
      return null;
    }
    if (!url.startsWith(options.extensionBaseUrl)) return 'page étrangère à l’extension';
    return null;
  };
}
