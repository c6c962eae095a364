/**
 * The documents for each reader (README, docs/, policies/, store/…) link to each other
 * and show screenshots by relative paths: every one of them must lead somewhere, and a
 * link to a heading (`deploiement.md#installer`) must find that heading, as GitHub
 * names it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Markdown files of the repository (not of its dependencies or build output). */
function markdownFiles(dir = '.'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name.startsWith('.') ||
        ['node_modules', 'coverage', 'test-results', 'demo-output'].includes(entry.name)
        ? []
        : markdownFiles(path);
    }
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The text a reader sees as prose: fenced blocks and inline code hold no links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link and image targets: `[text](target)`, `![alt](target)`, and `src`/`href` in HTML. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const markdownLinks = [...text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    (m) => m[1] ?? '',
  );
  const htmlLinks = [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...markdownLinks, ...htmlLinks];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const headings = [...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+)$/gm)];
  return new Set(headings.map((m) => headingAnchor(m[1] ?? '')));
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

function brokenLinks(file: string): string[] {
  const markdown = readFileSync(file, 'utf8');
  return linkTargets(markdown).flatMap((target) => {
    if (isExternal(target)) return [];
    const [path = '', anchor] = target.split('#');
    const resolved = path === '' ? file : normalize(join(dirname(file), decodeURI(path)));
    if (!existsSync(resolved)) return [`${target} (no ${resolved})`];
    if (anchor === undefined || !resolved.endsWith('.md') || statSync(resolved).isDirectory()) return [];
    const anchors = anchorsOf(readFileSync(resolved, 'utf8'));
    return anchors.has(decodeURI(anchor)) ? [] : [`${target} (no heading #${anchor} in ${resolved})`];
  });
}

const FILES = markdownFiles();

describe('documentation links', () => {
  it('finds the documents of every reader', () => {
    for (const guide of ['README.md', 'docs/guide-utilisateur.md', 'docs/deploiement.md', 'docs/developpement.md']) {
      expect(FILES).toContain(guide);
    }
  });

  it.each(FILES)('%s: every relative link and image leads to a file, every anchor to a heading', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('sees a broken link, image and anchor for what they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liens-'));
    writeFileSync(join(dir, 'cible.md'), '# Le bandeau : au nom de qui\n');
    const sample = join(dir, 'guide.md');
    writeFileSync(
      sample,
      '[ok](cible.md#le-bandeau--au-nom-de-qui) [a](nulle-part.md) ![b](captures/absente.png) ' +
        '[c](cible.md#pas-de-titre) `[d](code.md)` <img src="aussi-absente.png"> [e](https://exemple.fr/x)\n',
    );
    expect(brokenLinks(sample).map((broken) => broken.split(' ')[0])).toEqual([
      'nulle-part.md',
      'captures/absente.png',
      'cible.md#pas-de-titre',
      'aussi-absente.png',
    ]);
    expect(headingAnchor("Modèles d'administration (ADMX) et Intune")).toBe('modèles-dadministration-admx-et-intune');
  });
});
