/**
 * The page open in a portal tab, as it shows now, for the compatibility check and the
 * page skeleton: the tab's document read by a one-line script run on demand (Chrome's
 * `scripting`, Firefox's `tabs.executeScript`), so that the content script, loaded on every
 * portal page, carries nothing of them. The HTML stays inside the extension: it is read
 * there (utils/portal/inspect.ts) and only numbers, codes or the redacted skeleton come out.
 * The tab chosen is the one the user is looking at, else the one used last; its page
 * must still be on a granted portal origin when read.
 */
import { browser } from 'wxt/browser';
import { readPageInTab } from '@/utils/portal/document-parts';
import { isPortalUrl } from '@/utils/portal-origins';
import { MAX_PORTAL_PAGE_BYTES } from '@/utils/protocol/messages';
import { z } from '@/utils/protocol/zod';
import type { TabPage } from './portal-check';

interface PortalTab {
  id?: number;
  active?: boolean;
  lastAccessed?: number;
}

/** What the script answers, checked: it runs in a page, and the page may be anything by then. */
const tabPageAnswer = z.strictObject({ url: z.url(), html: z.string().max(MAX_PORTAL_PAGE_BYTES) });

/** The portal tab to read: the active one (of the focused window first), else the one used last. */
export function pickPortalTab<T extends PortalTab>(tabs: readonly T[]): T | null {
  const withId = tabs.filter((tab) => tab.id !== undefined);
  return (
    withId.find((tab) => tab.active) ??
    [...withId].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0] ??
    null
  );
}

/**
 * Runs the reading in the tab (in the extension's isolated world: the page's scripts
 * never see it), through the DOM's own accessors: a message's `<form
 * name="documentElement">` cannot stand for the page (utils/portal/document-parts.ts).
 */
async function runInTab(tabId: number): Promise<unknown> {
  const scripting = (browser as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.executeScript) {
    const [result] = await scripting.executeScript({ target: { tabId }, func: readPageInTab });
    return result?.result;
  }
  const results = await browser.tabs.executeScript(tabId, { code: `(${readPageInTab.toString()})()` });
  return results?.[0];
}

export function createTabPageReader(
  portalMatches: () => readonly string[],
): () => Promise<TabPage | 'unreadable' | null> {
  return async () => {
    const tab = pickPortalTab(await browser.tabs.query({ url: [...portalMatches()] }));
    if (tab?.id === undefined) return null;
    try {
      const answer = tabPageAnswer.safeParse(await runInTab(tab.id));
      // A page gone elsewhere meanwhile is not read.
      return answer.success && isPortalUrl(answer.data.url, portalMatches()) ? answer.data : 'unreadable';
    } catch {
      return 'unreadable';
    }
  };
}
