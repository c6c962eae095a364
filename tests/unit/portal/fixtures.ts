/** Loads the saved portal pages of tests/fixtures/portal/ as documents, links resolving where they were served. */
import { readFileSync } from 'node:fs';
import { parsePortalHtml } from '@/utils/portal/page';

export type FixtureRendering = 'classic' | 'alt' | 'other';

export function loadPage(rendering: FixtureRendering, name: string): Document {
  const html = readFileSync(`tests/fixtures/portal/${rendering}/${name}.html`, 'utf8');
  const path = /<!-- saved from (\S+)/.exec(html)?.[1] ?? '/';
  return parsePortalHtml(html, new URL(path, 'http://127.0.0.1:8780').toString());
}

export function pageFrom(html: string, url = 'http://127.0.0.1:8780/'): Document {
  return parsePortalHtml(html, url);
}
