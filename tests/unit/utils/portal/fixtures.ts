/** Loads the saved portal pages of tests/fixtures/portal/ as documents, with the URL each was served at. */
import { existsSync, readFileSync } from 'node:fs';
import type { PortalFrame } from '@/utils/portal/frame';
import { agreedFrame } from '@/utils/portal/menu-pages';
import { parsePortalHtml, readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';

export type FixtureRendering = 'classic' | 'alt' | 'other';

export const FIXTURE_ORIGIN = 'http://127.0.0.1:8780';

/** A saved page and the URL it was served at (a message's own <base> does not change it). */
export function loadPageAt(rendering: FixtureRendering, name: string): { doc: Document; url: string } {
  const html = readFileSync(`tests/fixtures/portal/${rendering}/${name}.html`, 'utf8');
  const path = /<!-- saved from (\S+)/.exec(html)?.[1] ?? '/';
  const url = new URL(path, FIXTURE_ORIGIN).toString();
  return { doc: parsePortalHtml(html, url), url };
}

export function loadPage(rendering: FixtureRendering, name: string): Document {
  return loadPageAt(rendering, name).doc;
}

export function pageFrom(html: string, url = `${FIXTURE_ORIGIN}/`): Document {
  return parsePortalHtml(html, url);
}

/**
 * The frame a rendering's menu pages agree on (utils/portal/menu-pages.ts): the account
 * page, and the chooser page where the rendering has one. Pages are read with it, as the
 * extension reads them once the frame is learnt.
 */
export function learntFrame(rendering: FixtureRendering, profile: SelectorProfile = DEFAULT_PROFILE): PortalFrame {
  const pages = ['account-management', 'chooser']
    .filter((name) => existsSync(`tests/fixtures/portal/${rendering}/${name}.html`))
    .map((name) => {
      const { doc, url } = loadPageAt(rendering, name);
      return { doc, url, reading: readPortalPage(doc, profile, { pageUrl: url }) };
    });
  const frame = agreedFrame(pages, profile);
  if (!frame) throw new Error(`no frame learnt on the ${rendering} rendering's menu pages`);
  return frame;
}

/** A saved page read as the extension reads it once the frame is learnt. */
export function readLearnt(rendering: FixtureRendering, name: string, profile: SelectorProfile = DEFAULT_PROFILE) {
  const { doc, url } = loadPageAt(rendering, name);
  return readPortalPage(doc, profile, { pageUrl: url, frame: learntFrame(rendering, profile) });
}
