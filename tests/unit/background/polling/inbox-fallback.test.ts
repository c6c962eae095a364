/**
 * A chooser without counts (entrypoints/background/polling/inbox-fallback.ts,
 * docs/portal-contract.md, point 3), with a fake clock and the simulator's own pages
 * served in-process by both renderings (its state and its renderings, no HTTP): the
 * check after a chooser without counts reads the inbox page; a rise of the active
 * watched mailbox is told once, an unwatched one never; every request is a GET of the
 * chooser or the inbox and the active account never changes; the chooser is read again
 * after CHOOSER_REREAD_MS, and counts that come back are used again; a page whose label
 * tells no mailbox, or without « Boîte de réception », is an error with its code. And
 * counts read in open tabs keep counting; the panel names the mailboxes nobody can see.
 */
import { describe, expect, it } from 'vitest';
import type { ShownNotification } from '@/entrypoints/background/announce/new-mail';
import { createContentHandlers } from '@/entrypoints/background/messaging/content-handlers';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import type { HtmlReader } from '@/entrypoints/background/polling/html-reader';
import { CHOOSER_REREAD_MS, readsInbox } from '@/entrypoints/background/polling/inbox-fallback';
import { createPollRunner, type FetchedText, type PollEffects } from '@/entrypoints/background/polling/poll-runner';
import { countUnseen } from '@/entrypoints/background/session/chooser-counts';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { pollErrorText, pollNoteText } from '@/utils/failure-text';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';
import { LOOPBACK_MATCHES } from '@/utils/portal-origins';
import type { PageReadingPayload } from '@/utils/protocol/shapes';
import { alt } from '../../../simulator/alt';
import { classic } from '../../../simulator/classic';
import type { Rendering } from '../../../simulator/http';
import { DEMO } from '../../../simulator/seed';
import { lookPerRequest } from '../../../simulator/server';
import { PortalState } from '../../../simulator/state';
import { domHtmlReader } from '../../../support/menu-pages';
import { learntFrame } from '../../utils/portal/fixtures';

const ORIGIN = 'http://127.0.0.1:8080';
const { mss, cardio, bloc } = DEMO.services;
const MINUTE = 60_000;

/** What each rendering's checks read: the chooser (a page, or the account page's panel) and the inbox. */
const PAGES: Record<Rendering['name'], { chooser: string; chooserIsPage: boolean }> = {
  classic: { chooser: '/?m=comptes', chooserIsPage: true },
  alt: { chooser: '/app/parametres', chooserIsPage: false },
};

const readPage: HtmlReader = async (html, url, profile, context) =>
  readPortalPage(parsePortalHtml(html, url), profile, { ...context, pageUrl: url });

let databases = 0;

/** The simulator's portal served in-process, logged in on mss@ (the default account), counts hidden. */
function portalOf(rendering: Rendering) {
  const state = new PortalState();
  state.firstLoginQuirk = false;
  state.chooserCounts = false;
  const login = state.login(DEMO.login, DEMO.password);
  if (!login.ok) throw new Error(login.error);
  const { session } = login;
  /** Every request made, as « METHOD path ». */
  const requests: string[] = [];
  const fetchText = async (url: string): Promise<FetchedText> => {
    let current = new URL(url);
    for (let hop = 0; hop < 5; hop += 1) {
      requests.push(`GET ${current.pathname}${current.search}`);
      const reply = rendering.handle({
        method: 'GET',
        url: current,
        form: new URLSearchParams(),
        state,
        session: state.sessions.get(session.id),
        staleSession: false,
        fault: undefined,
        look: lookPerRequest(state),
      });
      const location = reply.headers.location;
      if (reply.status >= 300 && reply.status < 400 && typeof location === 'string') {
        current = new URL(location, current);
        continue;
      }
      return { ok: true, status: reply.status, url: current.toString(), text: reply.body };
    }
    throw new Error('too many redirects');
  };
  return { state, session, requests, fetchText };
}

function harness(rendering: Rendering) {
  databases += 1;
  const db = new RepereDb(`inbox-fallback-${databases}-${Date.now()}`);
  let now = Date.UTC(2026, 10, 26, 10, 0);
  const portal = portalOf(rendering);
  const reader = { read: readPage };
  const shown: ShownNotification[] = [];
  const effects: PollEffects = {
    portalMatches: () => LOOPBACK_MATCHES,
    fetchText: (url) => portal.fetchText(url),
    readHtml: (...args) => reader.read(...args),
    announce: async (notifications) => {
      shown.push(...notifications);
    },
    showBadge: async () => {},
    schedule: async () => {},
    idleState: async () => 'active',
  };
  const clock = { now: () => now, random: () => 0.5, minuteOfDay: () => 600 };
  const store = new Store(db, () => now);
  const runner = createPollRunner(store, clock, effects);
  const pages = PAGES[rendering.name];
  return {
    store,
    runner,
    portal,
    reader,
    shown,
    chooserUrl: `${ORIGIN}${pages.chooser}`,
    inboxUrl: `${ORIGIN}${rendering.inboxPath}`,
    get now() {
      return now;
    },
    tick(ms: number) {
      now += ms;
    },
    /** What the pages taught before: where the chooser and the inbox are, who logged in. */
    async loggedIn() {
      await store.update((state) => {
        state.portal.loginAddress = DEMO.login;
        state.portal.pollUrl = `${ORIGIN}${pages.chooser}`;
        state.portal.pollUrlIsChooserPage = pages.chooserIsPage;
        state.portal.inboxUrl = `${ORIGIN}${rendering.inboxPath}`;
        // The frame the menu's pages taught (the saved pages of the same rendering).
        state.portal.frame = { ...learntFrame(rendering.name), origin: ORIGIN, learntAt: 0 };
        return { state, result: null };
      });
    },
    /** One check, then the next interval. */
    async check() {
      const report = await runner.poll('alarm');
      now += 2 * MINUTE;
      return report;
    },
    /** The page each check read so far: `chooser` or `inbox`. */
    read(): string[] {
      return portal.requests.map((request) => {
        if (request === `GET ${pages.chooser}`) return 'chooser';
        if (request === `GET ${rendering.inboxPath}`) return 'inbox';
        return request;
      });
    },
  };
}

const news = (shown: ShownNotification[]) => shown.map((n) => [n.log.address, n.log.count]);

describe.each([classic, alt])('a chooser without counts, $name rendering', (rendering) => {
  it('reads the inbox page at the next check, and notes in the history which page each check read', async () => {
    const h = harness(rendering);
    await h.loggedIn();
    expect((await h.check()).status).toBe('ok');
    const { portal, mailboxes } = await h.store.read();
    expect(portal).toMatchObject({ chooserCounts: false, chooserReadAt: h.now - 2 * MINUTE });
    expect([...portal.uncountedAccounts].sort()).toEqual(
      [DEMO.login, mss, cardio, DEMO.services.urgences, bloc].sort(),
    );
    expect(mailboxes.every((m) => m.unread === null)).toBe(true);

    expect((await h.check()).status).toBe('ok');
    expect(h.read()).toEqual(['chooser', 'inbox']);
    const { poll, mailboxes: after } = await h.store.read();
    expect(poll.history.map((entry) => entry.detail)).toEqual([
      { code: 'inbox', unread: h.portal.state.unreadCount(mss) },
      { code: 'mailboxes-uncounted', count: 5 },
    ]);
    expect(pollNoteText({ code: 'inbox', unread: 2 })).toBe('boîte de réception de la boîte active : 2 non lus');
    expect(after.find((m) => m.address === mss)?.unread).toBe(h.portal.state.unreadCount(mss));
    expect(after.filter((m) => m.unread !== null).map((m) => m.address)).toEqual([mss]);
  });

  it('tells a rise of the active watched mailbox once, never again, and never switches', async () => {
    const h = harness(rendering);
    await h.loggedIn();
    await h.check();
    await h.check();
    h.portal.state.deliver({ to: mss, subject: 'Compte rendu' });
    expect((await h.check()).notifications).toBe(1);
    expect(news(h.shown)).toEqual([[mss, 1]]);
    expect(h.shown[0]?.title).toBe('1 nouveau message — MSS eSanté Occitanie');
    for (let i = 0; i < 3; i += 1) await h.check();
    expect(h.shown).toHaveLength(1);
    // Mail read, then more: a new rise, told once.
    h.portal.state.deliver({ to: mss, count: 2 });
    await h.check();
    expect(news(h.shown)).toEqual([
      [mss, 1],
      [mss, 2],
    ]);

    // One GET per check, of the chooser or the inbox; the active account never moved.
    expect(h.portal.requests.every((request) => request.startsWith('GET '))).toBe(true);
    expect(new Set(h.read())).toEqual(new Set(['chooser', 'inbox']));
    expect(h.portal.requests).toHaveLength(7);
    expect(h.portal.state.sessions.get(h.portal.session.id)?.active).toBe(mss);
    expect(h.portal.state.sent).toEqual([]);
  });

  it('holds the news during a pause, and tells it once after', async () => {
    const h = harness(rendering);
    await h.loggedIn();
    await h.check();
    await h.check();
    await h.store.update((state) => {
      state.poll.pause = { since: h.now, until: h.now + 10 * MINUTE };
      return { state, result: null };
    });
    h.portal.state.deliver({ to: mss, count: 2 });
    await h.check();
    expect(h.shown).toEqual([]);
    h.tick(10 * MINUTE);
    await h.check();
    await h.check();
    expect(news(h.shown)).toEqual([[mss, 2]]);
  });

  it('tells nothing of an active mailbox that is not watched', async () => {
    const h = harness(rendering);
    await h.loggedIn();
    await h.check();
    await h.store.update((state) => {
      const active = state.mailboxes.find((m) => m.address === mss);
      if (active) active.watched = false;
      return { state, result: null };
    });
    await h.check();
    h.portal.state.deliver({ to: mss, count: 3 });
    await h.check();
    expect(h.shown).toEqual([]);
    expect((await h.store.read()).mailboxes.find((m) => m.address === mss)?.unread).toBe(
      h.portal.state.unreadCount(mss),
    );
  });

  it('reads the chooser again after CHOOSER_REREAD_MS, and uses its counts once they come back', async () => {
    const h = harness(rendering);
    await h.loggedIn();
    const checks = CHOOSER_REREAD_MS / (2 * MINUTE) + 1;
    for (let i = 0; i < checks; i += 1) await h.check();
    // The chooser at the start, the inbox for half an hour, the chooser again; where the
    // inbox page shows the chooser as a panel (alt), each inbox read reads the chooser too.
    const again = rendering.name === 'classic' ? 'chooser' : 'inbox';
    expect(h.read()).toEqual(['chooser', ...Array(checks - 2).fill('inbox'), again]);
    expect(readsInbox((await h.store.read()).portal, h.now)).toBe(true);

    // The portal shows counts again: the next chooser read takes them, and the checks stay on it.
    h.portal.state.chooserCounts = true;
    h.tick(CHOOSER_REREAD_MS);
    await h.check();
    h.portal.state.deliver({ to: cardio });
    await h.check();
    await h.check();
    expect(h.read().slice(-3)).toEqual(['chooser', 'chooser', 'chooser']);
    expect(news(h.shown)).toEqual([[cardio, 1]]);
    const { portal } = await h.store.read();
    expect(portal).toMatchObject({ chooserCounts: true, uncountedAccounts: [] });
  });
});

describe('an inbox page that tells nothing', () => {
  /** Checks until the inbox is read, its reading changed by `change`. */
  async function failedInboxRead(change: (reading: PageReadingPayload) => PageReadingPayload) {
    const h = harness(classic);
    await h.loggedIn();
    await h.check();
    h.reader.read = async (...args) => change(await readPage(...args));
    return { h, report: await h.check() };
  }

  it('is an error with its code when the label tells no known mailbox', async () => {
    const { h, report } = await failedInboxRead((reading) => ({
      ...reading,
      label: { text: 'Quelqu’un d’autre', address: null },
    }));
    expect(report.status).toBe('error');
    const { poll } = await h.store.read();
    expect(poll).toMatchObject({ failures: 1, lastError: { code: 'inbox-no-mailbox' } });
    expect(pollErrorText({ code: 'inbox-no-mailbox' })).toBe('boîte de réception lue, boîte active non reconnue');
    expect(h.read()).toEqual(['chooser', 'inbox']);
  });

  it('is an error with its code without « Boîte de réception », or on a page not believed', async () => {
    const missing = await failedInboxRead((reading) => ({ ...reading, inboxUnread: null }));
    expect((await missing.h.store.read()).poll.lastError).toEqual({ code: 'inbox-no-count' });
    const unsure = await failedInboxRead((reading) => ({ ...reading, trust: 'unsure' }));
    expect((await unsure.h.store.read()).poll.lastError).toEqual({ code: 'inbox-no-mailbox' });
    expect(unsure.h.shown).toEqual([]);
  });
});

describe('counts read in open tabs, and the panel', () => {
  const PORTAL = 'https://medimail.mipih.fr';
  const page = (extra: Partial<PageReadingPayload>): PageReadingPayload => ({
    kind: 'webmail',
    trust: 'frame',
    menuPage: null,
    label: { text: mss, address: mss },
    chooserUrl: null,
    manageUrl: null,
    chooser: null,
    accountTable: null,
    inboxUnread: 2,
    inboxUrl: `${PORTAL}/?m=liste`,
    sendControls: 0,
    frame: null,
    problems: [],
    ...extra,
  });
  const entry = (address: string, name: string) => ({ address, name, unread: null, current: address === mss });

  it('tells a rise seen in a tab, and says which watched mailboxes no check can see', async () => {
    databases += 1;
    const store = new Store(new RepereDb(`inbox-fallback-tabs-${databases}-${Date.now()}`));
    const told: ShownNotification[] = [];
    let now = 1_000_000;
    const content = createContentHandlers({
      store,
      policy: new PolicyInForce(),
      now: () => now,
      version: '1.0.0',
      notifyPortalTabs: () => {},
      notifyPages: () => {},
      announce: async (notifications) => {
        told.push(...notifications);
      },
      syncPolls: async () => {},
      portalMatches: () => [`${PORTAL}/*`],
      readHtml: domHtmlReader,
    });
    await store.update((state) => {
      state.portal.loginAddress = DEMO.login;
      return { state, result: null };
    });
    const chooser = [
      entry(DEMO.login, DEMO.displayName),
      entry(mss, 'MSS eSanté Occitanie'),
      entry(cardio, 'Secrétariat de cardiologie'),
    ];
    const sender = { id: 'x', url: `${PORTAL}/?m=liste`, tab: { id: 3 } };
    await content['content:page-seen']({ reading: page({ chooser }), observedAt: now, discovered: null }, sender);
    now += MINUTE;
    await content['content:page-seen'](
      { reading: page({ inboxUnread: 5 }), observedAt: now, discovered: null },
      sender,
    );
    expect(news(told)).toEqual([[mss, 3]]);

    const state = await store.read();
    expect(state.portal.chooserCounts).toBe(false);
    const unseen = state.mailboxes.filter((m) => countUnseen(state.portal, m)).map((m) => m.address);
    // Cardiology only: mss@ is open (its inbox is what the checks read), the personal one is not watched.
    expect(unseen).toEqual([cardio]);
  });
});
