/**
 * Feature: reading the page. The page is read once it is whole (just after its load
 * event, or soon after it is parsed) and then whenever it changes (a portal that
 * switches mailboxes in place), with the portal's frame the background knows for this
 * origin (utils/portal/frame.ts: only the portal's interface is believed); each new
 * reading goes to the background, whose answer (the view) updates the banner.
 */

import { failureText } from '@/utils/failure-text';
import { type PortalPageReading, readPortalPage } from '@/utils/portal/page';
import { sendToBackground } from '@/utils/protocol/client';
import type { PortalView } from '@/utils/protocol/shapes';
import type { Lifetime } from './lifetime';
import type { TabState } from './tab-state';

/** At most one reading per this many ms while the page changes. */
const READ_THROTTLE_MS = 150;
/** The longest the first reading waits for the page's load event once it is parsed. */
const PARSED_PAGE_WAIT_MS = 200;

/** One of the menu's pages as fetched: read by the background (`reachedBy`: the address it handed out). */
export interface DiscoveredPage {
  url: string;
  html: string;
  reachedBy: 'chooser' | 'account' | null;
}

export interface PageWatcher {
  /** Tells the background again what this page shows (another tab changed something). */
  refresh(): Promise<void>;
  /** Sends the menu's pages discovery fetched, with the page's reading, for the background to read. */
  report(discovered: { pages: DiscoveredPage[] }): Promise<void>;
  /** Reads the page again now, once it has been read (the frame to read it with changed). */
  reread(): void;
}

function sameReading(a: PortalPageReading | null, b: PortalPageReading): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export function watchPage(lifetime: Lifetime, tab: TabState, onView: (view: PortalView) => void): PageWatcher {
  // Replies are applied in order: a slow answer never overwrites a newer one.
  let queue: Promise<void> = Promise.resolve();
  const send = (discovered: Parameters<PageWatcher['report']>[0] | null) => {
    queue = queue.then(async () => {
      const { reading, observedAt } = tab.get();
      if (!reading || lifetime.isInvalid) return;
      const reply = await sendToBackground('content:page-seen', { reading, observedAt, discovered });
      if (lifetime.isInvalid) return;
      if (reply.ok) onView(reply.value);
      else tab.set({ error: tab.get().view ? null : failureText(reply.error) });
    });
    return queue;
  };

  const read = () => {
    if (lifetime.isInvalid) return;
    const { profile, frame, reading: previous } = tab.get();
    const reading = readPortalPage(document, profile, { pageUrl: location.href, frame });
    if (sameReading(previous, reading)) return;
    const labelChanged = previous !== null && previous.label?.text !== reading.label?.text;
    // The page shows the server's state as of its request; an in-place change, as of now.
    const observedAt =
      previous === null ? Math.floor(performance.timeOrigin) : labelChanged ? Date.now() : tab.get().observedAt;
    tab.set({ reading, observedAt });
    void send(null);
  };

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = lifetime.setTimeout(() => {
      timer = undefined;
      read();
    }, READ_THROTTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    // The tab's title and icon (changed by the tab marker) say nothing about the mailbox.
    if (records.every((r) => document.head?.contains(r.target))) return;
    schedule();
  });
  lifetime.onInvalidated(() => observer.disconnect());
  // The portal first: while the page is parsed, watching every node would cost it its
  // load time, and reading it at DOMContentLoaded made the browser lay the page out
  // before its load event (≈ 7 ms later in a new tab, bench/). So the page is read just
  // after load, or 200 ms after parsing if its images are slow, then watched for changes.
  let started = false;
  const start = () => {
    if (started || lifetime.isInvalid) return;
    started = true;
    read();
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === 'complete') start();
  else {
    lifetime.addEventListener(window, 'load', () => lifetime.setTimeout(start, 0));
    const afterParsing = () => lifetime.setTimeout(start, PARSED_PAGE_WAIT_MS);
    if (document.readyState === 'loading') lifetime.addEventListener(document, 'DOMContentLoaded', afterParsing);
    else afterParsing();
  }

  return {
    refresh: () => send(null),
    report: (discovered) => send(discovered),
    reread: () => {
      if (started) read();
    },
  };
}
