/** Loads the saved portal pages of tests/fixtures/portal/ as documents, with the URL each was served at. */
import { readFileSync } from 'node:fs';
import { parsePortalHtml } from '@/utils/portal/page';

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
