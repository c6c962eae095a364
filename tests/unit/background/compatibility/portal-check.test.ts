/**
 * The compatibility check on saved portal pages of both renderings: every point found,
 * a chooser without counts, the pages that stop it (no tab, login, a look-alike), and the
 * loop IT follows when a deployment words its menu differently: `missing` with the
 * built-in profile, `ok` with a selector profile that names the new text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CheckInputs,
  checkPortal,
  type PortalCheckEffects,
  type TabPage,
} from '@/entrypoints/background/compatibility/portal-check';
import { createPortalSupport } from '@/entrypoints/background/compatibility/support';
import type { FetchedText } from '@/entrypoints/background/polling/poll-runner';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { DEFAULT_PORTAL_STATE, DEFAULT_SETTINGS, Store } from '@/entrypoints/background/storage/store';
import { inspectPortalHtml } from '@/utils/portal/inspect';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import { LOOPBACK_MATCHES } from '@/utils/portal-origins';
import type { ContractPoint } from '@/utils/protocol/messages';
import { FIXTURE_ORIGIN, learntFrame } from '../../utils/portal/fixtures';

type Rendering = 'classic' | 'alt';

/** A saved page, as served: its path and its HTML (with any change a test makes). */
function saved(rendering: Rendering, name: string, edit: (html: string) => string = (html) => html) {
  const html = readFileSync(`tests/fixtures/portal/${rendering}/${name}.html`, 'utf8');
  const path = /<!-- saved from (\S+)/.exec(html)?.[1] ?? '/';
  return { url: new URL(path, FIXTURE_ORIGIN).toString(), html: edit(html) };
}

/** The pages each rendering serves behind its menu (the alt chooser is a panel on its account page). */
const MENU_PAGES: Record<Rendering, string[]> = {
  classic: ['chooser', 'account-management', 'compose'],
  alt: ['account-management', 'compose'],
};

interface Portal {
  effects: PortalCheckEffects;
  /** Every URL fetched, in order. */
  fetched: string[];
}

function portal(
  rendering: Rendering,
  options: { tab?: string | null; edit?: (html: string) => string; failing?: string[] } = {},
): Portal {
  const edit = options.edit ?? ((html: string) => html);
  const pages = new Map(
    [...MENU_PAGES[rendering], 'inbox-service-name'].map((name) => {
      const page = saved(rendering, name, edit);
      return [page.url, page.html];
    }),
  );
  const fetched: string[] = [];
  const tabName = options.tab === undefined ? 'inbox-service-name' : options.tab;
  const tab: TabPage | null = tabName ? saved(rendering, tabName, edit) : null;
  const effects: PortalCheckEffects = {
    portalMatches: () => LOOPBACK_MATCHES,
    tabPage: async () => tab,
    fetchText: async (url): Promise<FetchedText> => {
      fetched.push(url);
      if (options.failing?.some((path) => url.includes(path))) return { ok: false, error: { code: 'network' } };
      const text = pages.get(url);
      return text === undefined ? { ok: true, status: 404, url, text: '' } : { ok: true, status: 200, url, text };
    },
    inspect: async (html, url, profile, context, withSkeleton) =>
      inspectPortalHtml(html, url, profile, context, withSkeleton),
    now: () => 1_000,
  };
  return { effects, fetched };
}

/** What the check is given: the profile, and the portal as learnt (by default, the rendering's frame). */
function inputs(
  profile: SelectorProfile | null = null,
  portal: Partial<CheckInputs['portal']> = {},
  rendering: Rendering = 'classic',
): CheckInputs {
  return {
    settings: { ...DEFAULT_SETTINGS, profileOverride: profile },
    portal: {
      ...DEFAULT_PORTAL_STATE,
      frame: { ...learntFrame(rendering), origin: FIXTURE_ORIGIN, learntAt: 0 },
      ...portal,
    },
  };
}

function statuses(points: ContractPoint[]): Record<string, string> {
  return Object.fromEntries(points.map((found) => [found.point, found.status]));
}

const ALL_OK = {
  label: 'ok',
  'account-menu': 'ok',
  chooser: 'ok',
  'chooser-counts': 'ok',
  'account-table': 'ok',
  'default-account': 'ok',
  'inbox-count': 'ok',
  'send-button': 'ok',
};

/** The chooser's unread counts taken out, as a deployment without them would show it. */
function withoutCounts(rendering: Rendering) {
  return rendering === 'classic'
    ? (html: string) => html.replace(/<td class="nonlus">\d+<\/td>/g, '<td class="nonlus"></td>')
    : (html: string) => html.replace(/<span class="acct-unread"[^>]*>\d+<\/span>/g, '');
}

describe.each<Rendering>(['classic', 'alt'])('compatibility check, %s rendering', (rendering) => {
  it('finds every point: the tab read, the menu’s pages fetched read-only, the compose form by its link', async () => {
    const { effects, fetched } = portal(rendering);
    const report = await checkPortal(inputs(null, {}, rendering), effects);
    expect(report.outcome).toBe('done');
    expect(statuses(report.points)).toEqual(ALL_OK);
    const found = Object.fromEntries(report.points.map((p) => [p.point, p]));
    expect(found.chooser?.count).toBeGreaterThan(1);
    expect(found['chooser-counts']?.of).toBe(found.chooser?.count);
    expect(found['account-table']?.count).toBe(found.chooser?.count);
    expect(found['default-account']).toMatchObject({ count: 1 });
    expect(found['send-button']).toMatchObject({ source: 'compose-page', count: 1 });
    expect(found.label).toMatchObject({ source: 'tab' });
    // Only the menu's pages and the compose page: no message, no form.
    expect(fetched.every((url) => MENU_PAGES[rendering].some((name) => saved(rendering, name).url === url))).toBe(true);
  });

  it('says when the chooser shows no unread counts, and only that', async () => {
    const report = await checkPortal(
      inputs(null, {}, rendering),
      portal(rendering, { edit: withoutCounts(rendering) }).effects,
    );
    expect(statuses(report.points)).toEqual({ ...ALL_OK, 'chooser-counts': 'missing' });
    expect(report.points.find((p) => p.point === 'chooser-counts')?.gap).toBe('not-found');
  });

  it('says to open the portal without a tab, and to log in on the login page', async () => {
    expect(await checkPortal(inputs(null, {}, rendering), portal(rendering, { tab: null }).effects)).toMatchObject({
      outcome: 'no-tab',
      points: [],
    });
    const login = portal(rendering, { tab: 'login' });
    expect((await checkPortal(inputs(null, {}, rendering), login.effects)).outcome).toBe('logged-out');
    expect(login.fetched).toEqual([]);
  });

  it('reads the portal’s own interface past a message’s look-alike, and follows only its links', async () => {
    const attacked = portal(rendering, { tab: 'message-attack' });
    const report = await checkPortal(inputs(null, {}, rendering), attacked.effects);
    expect(report.outcome).toBe('done');
    expect(statuses(report.points)).toMatchObject({ label: 'ok', 'account-menu': 'ok', chooser: 'ok' });
    expect(report.frame).toEqual({ status: 'ok', reference: null, suggestion: null });
    expect(
      attacked.fetched.every((url) => MENU_PAGES[rendering].some((name) => saved(rendering, name).url === url)),
    ).toBe(true);
  });

  it('follows no link before any frame is learnt, and says to open one of the menu’s pages once', async () => {
    const attacked = portal(rendering, { tab: 'message-attack' });
    const report = await checkPortal(inputs(null, { frame: null }, rendering), attacked.effects);
    expect(report.outcome).toBe('done');
    expect(statuses(report.points)).toMatchObject({ label: 'missing', 'account-menu': 'missing', chooser: 'missing' });
    expect(report.points.find((p) => p.point === 'account-menu')?.gap).toBe('unsure');
    expect(report.frame).toEqual({ status: 'not-learnt', reference: null, suggestion: null });
    expect(attacked.fetched).toEqual([]);
  });

  it('tells a page that could not be fetched from a point the portal lacks', async () => {
    const report = await checkPortal(
      inputs(null, {}, rendering),
      portal(rendering, { failing: [rendering === 'classic' ? 'm=compte' : 'parametres'] }).effects,
    );
    const table = report.points.find((p) => p.point === 'account-table');
    expect(table).toMatchObject({ status: 'missing', gap: 'unreadable' });
  });

  it('uses the compose page seen earlier when no link to one is found, and says when none was ever seen', async () => {
    const noLink = (html: string) => html.replace(/Nouveau message|Écrire un message/g, 'Courrier');
    const seen = await checkPortal(
      inputs(null, { sendButtonSeenAt: 500 }, rendering),
      portal(rendering, { edit: noLink }).effects,
    );
    expect(seen.points.find((p) => p.point === 'send-button')).toMatchObject({
      status: 'ok',
      source: 'earlier-page',
      seenAt: 500,
    });
    const never = await checkPortal(inputs(null, {}, rendering), portal(rendering, { edit: noLink }).effects);
    expect(never.points.find((p) => p.point === 'send-button')).toMatchObject({
      status: 'missing',
      gap: 'not-reached',
    });
  });

  it('closes the loop from skeleton to profile: a menu worded differently is missing, then found with a profile', async () => {
    const reworded = (html: string) => html.replaceAll('Changer de compte', 'Changer de boîte aux lettres');
    const before = await checkPortal(inputs(null, {}, rendering), portal(rendering, { edit: reworded }).effects);
    expect(statuses(before.points)).toMatchObject({ 'account-menu': 'missing', chooser: 'missing', label: 'missing' });
    // What IT reads in the skeleton of that page: the entry's text is not one of the contract's, so only its length shows.
    const skeleton = inspectPortalHtml(
      saved(rendering, 'inbox-service-name', reworded).html,
      saved(rendering, 'inbox-service-name').url,
      DEFAULT_PROFILE,
      {},
      true,
    ).skeleton;
    expect(skeleton).toContain('Gérer votre compte Medimail');
    expect(skeleton).not.toContain('Changer de compte');
    // « Changer de boîte aux lettres »: 28 characters, next to the menu's other entries.
    expect(skeleton).toContain('"#28"');

    const profile: SelectorProfile = {
      ...DEFAULT_PROFILE,
      texts: { ...DEFAULT_PROFILE.texts, switchAccount: ['Changer de boîte aux lettres'] },
    };
    const after = await checkPortal(inputs(profile, {}, rendering), portal(rendering, { edit: reworded }).effects);
    expect(after.customProfile).toBe(true);
    expect(statuses(after.points)).toEqual(ALL_OK);
  });
});

describe('compatibility check, kept for the diagnostics', () => {
  it('stores the last report and makes a skeleton of the tab’s page only', async () => {
    const store = new Store(new RepereDb(`portal-check-${Date.now()}`));
    const { effects, fetched } = portal('classic');
    const support = createPortalSupport(store, effects);
    const report = await support.checkPortal();
    expect((await store.read()).portal.lastPortalCheck).toEqual(report);
    const before = fetched.length;
    const skeleton = await support.pageSkeleton();
    expect(skeleton.outcome).toBe('done');
    expect(skeleton.skeleton).toContain('Changer de compte');
    expect(fetched.length).toBe(before);
    const none = createPortalSupport(store, portal('classic', { tab: null }).effects);
    expect(await none.pageSkeleton()).toMatchObject({ outcome: 'no-tab', skeleton: null });
  });

  it('makes the skeleton of the inbox, read for the occasion, when no portal tab is open', async () => {
    const store = new Store(new RepereDb(`portal-skeleton-${Date.now()}`));
    const inbox = saved('classic', 'inbox-service-name').url;
    await store.update((state) => {
      state.portal.inboxUrl = inbox;
      return { state, result: null };
    });
    const noTab = portal('classic', { tab: null });
    const reply = await createPortalSupport(store, noTab.effects).pageSkeleton();
    expect(reply.outcome).toBe('fetched');
    expect(reply.skeleton).toContain('Boîte de réception');
    expect(noTab.fetched).toEqual([inbox]);
    // The portal failing, or the inbox off the portal: nothing to show, and it says to open a tab.
    const failing = portal('classic', { tab: null, failing: ['m=liste'] });
    expect((await createPortalSupport(store, failing.effects).pageSkeleton()).outcome).toBe('no-tab');
    await store.update((state) => {
      state.portal.inboxUrl = 'https://ailleurs.example/?m=liste';
      return { state, result: null };
    });
    const offPortal = portal('classic', { tab: null });
    expect((await createPortalSupport(store, offPortal.effects).pageSkeleton()).outcome).toBe('no-tab');
    expect(offPortal.fetched).toEqual([]);
  });
});
