/**
 * What a tab reports of a portal page it read: the input of the observation's steps
 * (observation.ts runs them in order; discovery.ts, view.ts and discovered-pages.ts read
 * it too). Apart from the steps so that no step imports the sequence that calls it.
 */

import type { ManagedPolicy } from '@/entrypoints/background/policy/policy';
import type { PortalFrame } from '@/utils/portal/frame';
import type { ChooserEntry, PageReadingPayload } from '@/utils/protocol/shapes';
import type { AccountRow } from './mailboxes';

export interface Observation {
  /** Its URLs already kept to the tab's origin on the portal (entrypoints/background/messaging/content-handlers.ts). */
  reading: PageReadingPayload;
  /** When the tab read what it reports (page load or last change), epoch ms. */
  observedAt: number;
  /** The origin of the portal page that was read (frames are learnt per origin). */
  pageOrigin: string;
  /** The tab that read it (to let it renew its discovery lease). */
  tabId?: number;
  /**
   * What the tab fetched and read for discovery (chooser page, account page); `frame`:
   * the frame those pages agree on, absent when they showed none or did not agree.
   */
  discovered?: {
    chooser: ChooserEntry[] | null;
    accountTable: AccountRow[] | null;
    frame?: PortalFrame;
    /** The menu's page that showed the chooser, kept on the portal (entrypoints/background/messaging/content-handlers.ts). */
    chooserPageUrl?: string | null;
  } | null;
  /** The organisation's policy: what it fixes, the banner does not offer to change. */
  policy?: ManagedPolicy | null;
}
