/** Loads the saved portal pages of tests/fixtures/portal/ as documents, with the URL each was served at. */
import { existsSync, readFileSync } from 'node:fs';
import { mergeFrames, type PortalFrame } from '@/utils/portal/frame';
import { readMenuPage } from '@/utils/portal/menu-pages';
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

/** A rendering's menu pages (the account page, and the chooser page where it has one), read as the background reads them. */
export function menuPagesOf(rendering: FixtureRendering, profile: SelectorProfile = DEFAULT_PROFILE) {
  return ['account-management', 'chooser']
    .filter((name) => existsSync(`tests/fixtures/portal/${rendering}/${name}.html`))
    .map((name) => {
      const { doc, url } = loadPageAt(rendering, name);
      return { doc, url, reading: readMenuPage(doc, profile, { pageUrl: url }) };
    });
}

/**
 * The frame a rendering's menu pages show, merged as when they agree (that they do is
 * tested in frame.test.ts): pages are read with it, as the extension reads them once the
 * frame is learnt.
 */
export function learntFrame(rendering: FixtureRendering, profile: SelectorProfile = DEFAULT_PROFILE): PortalFrame {
  const frames = menuPagesOf(rendering, profile).map((page) => page.reading.frame);
  if (frames.length === 0 || frames.some((frame) => !frame)) throw new Error(`no frame on the ${rendering} menu pages`);
  return (frames as PortalFrame[]).reduce((merged, frame) => mergeFrames(merged, frame));
}

/** A saved page read as the extension reads it once the frame is learnt. */
export function readLearnt(rendering: FixtureRendering, name: string, profile: SelectorProfile = DEFAULT_PROFILE) {
  const { doc, url } = loadPageAt(rendering, name);
  return readPortalPage(doc, profile, { pageUrl: url, frame: learntFrame(rendering, profile) });
}
