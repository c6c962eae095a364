/**
 * The background's answers to the content script: each message is validated by the
 * router before it gets here, and every change goes through the store in one
 * transaction. Other portal tabs, and the extension's open pages (the popup marks the
 * mailbox open on the portal), are told when the active mailbox changes. URLs a page
 * reports are kept only on that page's own origin, on the portal: they become the URLs
 * the background fetches and opens.
 */

import type { Announce } from '@/entrypoints/background/announce/announcer';
import { localMinuteOfDay } from '@/entrypoints/background/announce/held-news';
import { collectRises } from '@/entrypoints/background/announce/new-mail';
import { lockedMailboxFields, lockedSettings } from '@/entrypoints/background/policy/policy';
import type { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import type { HtmlReader } from '@/entrypoints/background/polling/html-reader';
import { pauseOnLoginPage, resumeOnLiveSession } from '@/entrypoints/background/polling/poll-schedule';
import { recordSwitchRequest } from '@/entrypoints/background/session/active-mailbox';
import { readDiscoveredPages } from '@/entrypoints/background/session/discovered-pages';
import { frameFor } from '@/entrypoints/background/session/discovery';
import { recordLogin } from '@/entrypoints/background/session/login';
import { setConfirmBeforeSend } from '@/entrypoints/background/session/mailboxes';
import { applyObservation } from '@/entrypoints/background/session/observation';
import { setBannerCollapsed } from '@/entrypoints/background/session/view';
import type { Store } from '@/entrypoints/background/storage/store';
import { t } from '@/utils/i18n';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { portalUrlOrNull } from '@/utils/portal-origins';
import type { ContentMessageName, MessageRequest } from '@/utils/protocol/messages';
import type { PageReadingPayload } from '@/utils/protocol/shapes';
import { type MessageHandlers, refuseLocked } from './router';

type ContentHandlers = Pick<MessageHandlers, ContentMessageName>;

export interface ContentHandlerDeps {
  store: Store;
  /** The organisation's policy: what it locks, what it imposes on a page's mailboxes. */
  policy: PolicyInForce;
  now: () => number;
  version: string;
  /** Tells the content scripts of portal tabs (but `exceptTabId`) that something changed. */
  notifyPortalTabs: (exceptTabId: number | null) => void;
  /** Tells the extension's open pages (popup, options) that what they show changed. */
  notifyPages: () => void;
  /**
   * Tells what a page's counts made news: the same announcer as the polls'
   * (entrypoints/background/announce/announcer.ts).
   */
  announce: Announce;
  /** Puts the badge and the next poll in line with what a page changed (the poll runner's `sync`). */
  syncPolls: () => Promise<void>;
  /** The portal's match patterns (the manifest's, and those a policy adds and the browser granted). */
  portalMatches: () => string[];
  /** Reads portal HTML (the menu's pages a tab fetched for discovery). */
  readHtml: HtmlReader;
}

type DiscoveredPages = NonNullable<MessageRequest<'content:page-seen'>['discovered']>['pages'];

/** The origin of the tab a content script speaks from (the sender check made sure it is on the portal). */
function originOf(sender: { url?: string }): string {
  return new URL(sender.url ?? '').origin;
}

export function createContentHandlers({
  store,
  policy,
  now,
  version,
  notifyPortalTabs,
  notifyPages,
  announce,
  syncPolls,
  portalMatches,
  readHtml,
}: ContentHandlerDeps): ContentHandlers {
  const ok = { ok: true as const };
  /** The reading with its URLs kept on the page's origin, on the portal (else dropped). */
  const onPortal = (reading: PageReadingPayload, origin: string): PageReadingPayload => {
    const keep = (url: string | null) => portalUrlOrNull(url, portalMatches(), origin);
    return {
      ...reading,
      chooserUrl: keep(reading.chooserUrl),
      manageUrl: keep(reading.manageUrl),
      inboxUrl: keep(reading.inboxUrl),
    };
  };
  /** The menu's pages a tab fetched, read here (kept on its origin, on the portal). */
  const readDiscovered = async (pages: DiscoveredPages, pageOrigin: string) => {
    const onOrigin = pages.filter((page) => portalUrlOrNull(page.url, portalMatches(), pageOrigin) !== null);
    if (onOrigin.length === 0) return null;
    const { settings, portal } = await store.settingsAndPortal();
    const discovered = await readDiscoveredPages(onOrigin, {
      profile: settings.profileOverride ?? DEFAULT_PROFILE,
      frame: frameFor(portal, pageOrigin),
      kept: { chooserUrl: portal.chooserUrl, manageUrl: portal.manageUrl },
      readHtml,
    });
    return {
      ...discovered,
      chooserPageUrl: portalUrlOrNull(discovered.chooserPageUrl ?? null, portalMatches(), pageOrigin),
    };
  };
  return {
    'content:hello': async (_payload, sender) => {
      const { settings, portal } = await store.settingsAndPortal();
      return {
        version,
        tabId: sender.tab?.id ?? null,
        profile: settings.profileOverride ?? DEFAULT_PROFILE,
        collapsed: settings.bannerCollapsed,
        checkingText: t('bannerChecking'),
        frame: frameFor(portal, originOf(sender)),
      };
    },
    'content:page-seen': async (payload, sender) => {
      const tabId = sender.tab?.id;
      const pageOrigin = originOf(sender);
      const reading = onPortal(payload.reading, pageOrigin);
      const discovered = payload.discovered && (await readDiscovered(payload.discovered.pages, pageOrigin));
      const at = now();
      const { result } = await store.update((state) => {
        const { result: outcome } = applyObservation(
          state,
          { ...payload, reading, discovered, pageOrigin, tabId, policy: policy.current },
          at,
        );
        // Counts read in open tabs are news too (a chooser without counts leaves only them),
        // decided as a poll's are and announced the same way below.
        const notifications = collectRises(state, at, localMinuteOfDay(at));
        const { kind, label } = reading;
        if (kind === 'webmail' && label) resumeOnLiveSession(state, at);
        if (kind === 'login') pauseOnLoginPage(state, at);
        return { state, result: { ...outcome, notifications }, logged: notifications.map((n) => n.log) };
      });
      if (result.activeChanged || result.othersChanged) {
        notifyPortalTabs(tabId ?? null);
        notifyPages();
      }
      await announce(result.notifications);
      await syncPolls();
      return result.view;
    },
    'content:login-submitted': async ({ address }) => {
      await store.update((state) => recordLogin(state, address, now()));
      return ok;
    },
    'content:switch-requested': async ({ address }) => {
      await store.update((state) => recordSwitchRequest(state, address, now()));
      return ok;
    },
    'content:set-confirm-before-send': async ({ address, confirm }) => {
      const { loginAddress } = (await store.read()).portal;
      refuseLocked(['confirmBeforeSend'], lockedMailboxFields(policy.current, address, loginAddress));
      await store.update((state) => setConfirmBeforeSend(state, address, confirm));
      return ok;
    },
    'content:set-banner-collapsed': async ({ collapsed }, sender) => {
      // The store would keep a locked value anyway: the banner is told why nothing changed.
      refuseLocked(['bannerCollapsed'], lockedSettings(policy.current));
      await store.update((state) => setBannerCollapsed(state, collapsed));
      notifyPortalTabs(sender.tab?.id ?? null);
      return ok;
    },
  };
}
