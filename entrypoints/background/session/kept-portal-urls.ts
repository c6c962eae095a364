/**
 * The portal's addresses the background keeps from the pages it believes: the menu's
 * pages (discovery reads them), the inbox (the popup's link to the portal), and the page
 * the polls read for every mailbox's count. The reading's URLs arrive already kept to
 * the tab's origin on the portal (entrypoints/background/messaging/content-handlers.ts).
 */

import type { PortalStateRecord } from '@/entrypoints/background/storage/records';
import type { PageReadingPayload } from '@/utils/protocol/shapes';

/**
 * Keeps the addresses a believed page shows; `chooserPageUrl`: the menu's page that
 * showed the chooser in place, when discovery read one.
 */
export function keepPageUrls(
  portal: PortalStateRecord,
  reading: PageReadingPayload,
  chooserPageUrl: string | null,
): void {
  if (reading.chooserUrl) portal.chooserUrl = reading.chooserUrl;
  if (reading.manageUrl) portal.manageUrl = reading.manageUrl;
  if (reading.inboxUrl) portal.inboxUrl = reading.inboxUrl;
  // What the polls read: the chooser page; else the menu's page that showed the chooser
  // in place (no mail there); else a page whose chooser panel the frame vouches for.
  if (reading.chooserUrl) {
    portal.pollUrl = reading.chooserUrl;
    portal.pollUrlIsChooserPage = true;
  } else if (chooserPageUrl) {
    portal.pollUrl = chooserPageUrl;
    portal.pollUrlIsChooserPage = false;
  } else if (reading.chooser && reading.inboxUrl && portal.pollUrl !== portal.manageUrl) {
    portal.pollUrl = reading.inboxUrl;
    portal.pollUrlIsChooserPage = false;
  }
}
