/**
 * IT pins the frame without a release: the loop on a variation the readers cannot follow
 * unaided (the simulator's `relocatedMenu`: on the mail pages the account area stands
 * away from where the menu's own pages show it). Unaided, the inbox is unsure; the
 * compatibility check names the mismatch, with the menu's page as the reference, and
 * suggests hints; with them in the profile the inbox is read right, the check finds
 * everything, and a message imitating the portal is still never believed.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  type CheckInputs,
  checkPortal,
  type PortalCheckEffects,
} from '@/entrypoints/background/compatibility/portal-check';
import type { FetchedText } from '@/entrypoints/background/polling/poll-runner';
import { DEFAULT_PORTAL_STATE, DEFAULT_SETTINGS } from '@/entrypoints/background/storage/store';
import type { PortalFrame } from '@/utils/portal/frame';
import { inspectPortalHtml } from '@/utils/portal/inspect';
import { agreedFrame, readMenuPage } from '@/utils/portal/menu-pages';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import { LOOPBACK_MATCHES } from '@/utils/portal-origins';
import { allAttacks, FAKE_ADDRESSES } from '../../../simulator/attacks';
import { DEMO } from '../../../simulator/seed';
import type { RenderingName } from '../../../simulator/server';
import { NO_VARIATIONS } from '../../../simulator/variations';
import { placesOnDom } from '../../../support/menu-pages';
import { InProcessPortal, SUITE_ORIGIN } from '../../../support/variation-suite';

const MENU_PATHS: Record<RenderingName, string[]> = {
  classic: ['/?m=comptes', '/?m=compte'],
  alt: ['/app/parametres'],
};

function relocatedPortal(rendering: RenderingName) {
  const portal = new InProcessPortal({ rendering, variations: { ...NO_VARIATIONS, relocatedMenu: true, seed: 7 } });
  portal.state.switchAccount(portal.session, DEMO.services.cardio);
  const parser = new new Window().DOMParser() as unknown as DOMParser;
  const page = (path: string) => {
    const { url, html } = portal.request('GET', path);
    return { url, html, doc: parsePortalHtml(html, url, parser) };
  };
  return { portal, page };
}

/** The frame the menu's pages agree on: the relocation does not touch them. */
async function learnt(
  page: ReturnType<typeof relocatedPortal>['page'],
  rendering: RenderingName,
): Promise<PortalFrame> {
  const pages = MENU_PATHS[rendering].map((path) => {
    const { doc, url } = page(path);
    return { doc, url, reading: readMenuPage(doc, DEFAULT_PROFILE, { pageUrl: url }) };
  });
  const frame = await agreedFrame(pages, placesOnDom(DEFAULT_PROFILE));
  if (!frame) throw new Error('no frame');
  return frame;
}

function check(rendering: RenderingName, profile: SelectorProfile | null, frame: PortalFrame) {
  const { portal, page } = relocatedPortal(rendering);
  const inbox = page(portal.rendering.inboxPath);
  const effects: PortalCheckEffects = {
    portalMatches: () => LOOPBACK_MATCHES,
    tabPage: async () => ({ url: inbox.url, html: inbox.html }),
    fetchText: async (url): Promise<FetchedText> => {
      const { html } = portal.request('GET', url);
      return { ok: true, status: 200, url, text: html };
    },
    inspect: async (html, url, hinted, context, withSkeleton) =>
      inspectPortalHtml(html, url, hinted, context, withSkeleton),
    now: () => 1_000,
  };
  const [chooserPath, managePath] = rendering === 'classic' ? MENU_PATHS.classic : [null, ...MENU_PATHS.alt];
  const inputs: CheckInputs = {
    settings: { ...DEFAULT_SETTINGS, profileOverride: profile },
    portal: {
      ...DEFAULT_PORTAL_STATE,
      frame: { ...frame, origin: SUITE_ORIGIN, learntAt: 0 },
      chooserUrl: chooserPath ? `${SUITE_ORIGIN}${chooserPath}` : null,
      manageUrl: managePath ? `${SUITE_ORIGIN}${managePath}` : null,
    },
  };
  return checkPortal(inputs, effects);
}

describe.each<RenderingName>(['classic', 'alt'])('the menu moved away on the mail pages, %s rendering', (rendering) => {
  it('is unsure unaided, named by the check with hints that pin it, then read right with them', async () => {
    const { portal, page } = relocatedPortal(rendering);
    const frame = await learnt(page, rendering);
    const inbox = page(portal.rendering.inboxPath);
    expect(readPortalPage(inbox.doc, DEFAULT_PROFILE, { pageUrl: inbox.url, frame }).trust).toBe('unsure');

    const before = await check(rendering, null, frame);
    expect(before.frame).toMatchObject({
      status: 'mismatch',
      reference: rendering === 'classic' ? 'chooser-page' : 'account-page',
    });
    const suggestion = before.frame?.suggestion;
    if (!suggestion) throw new Error('no suggestion');

    const pinned: SelectorProfile = {
      ...DEFAULT_PROFILE,
      hints: {
        ...DEFAULT_PROFILE.hints,
        header: [suggestion.header],
        messageRegion: suggestion.messageRegion ? [suggestion.messageRegion] : [],
      },
    };
    const reading = readPortalPage(inbox.doc, pinned, { pageUrl: inbox.url, frame });
    expect(reading).toMatchObject({ trust: 'frame', label: { text: 'Secrétariat de cardiologie' } });
    const after = await check(rendering, pinned, frame);
    expect(after.frame).toEqual({ status: 'ok', reference: null, suggestion: null });
    expect(after.points.every((found) => found.status === 'ok')).toBe(true);
  });

  it('still believes no imitation with the hints: a message copying the portal, with and without its header', async () => {
    const { portal, page } = relocatedPortal(rendering);
    const frame = await learnt(page, rendering);
    const suggestion = (await check(rendering, null, frame)).frame?.suggestion;
    if (!suggestion) throw new Error('no suggestion');
    const pinned: SelectorProfile = {
      ...DEFAULT_PROFILE,
      hints: { ...DEFAULT_PROFILE.hints, header: [suggestion.header], messageRegion: [suggestion.messageRegion ?? ''] },
    };
    const [key] = portal.state
      .deliver({
        to: DEMO.services.cardio,
        html: allAttacks({
          attacker: 'http://127.0.0.1:9/',
          realAddresses: [DEMO.services.mss],
          displayName: DEMO.displayName,
        }),
      })
      .map((message) => message.key);
    const message = page(portal.rendering.messagePath(key as string));
    const reading = readPortalPage(message.doc, pinned, { pageUrl: message.url, frame });
    expect(reading.label?.text).toBe('Secrétariat de cardiologie');
    for (const fake of FAKE_ADDRESSES) expect(JSON.stringify(reading)).not.toContain(fake);
    const { url, html } = portal.request('GET', portal.rendering.messagePath(key as string), [], {
      kind: 'no-header',
      delayMs: 0,
    });
    const withoutHeader = readPortalPage(parsePortalHtml(html, url), pinned, { pageUrl: url, frame });
    expect(withoutHeader).toMatchObject({ label: null, chooserUrl: null, manageUrl: null, inboxUnread: null });
  });
});
