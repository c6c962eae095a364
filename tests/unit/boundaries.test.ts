/**
 * What each context loads at run time, followed import by import from its entry with
 * the TypeScript parser: the content script (loaded in every portal page) reaches only
 * its own files, shared code (utils/) and a few small packages; the offscreen document
 * only shared code; the extension pages never reach background internals nor the
 * content script. Skipped: `import type`, `export type`, and imports whose every name is
 * `type`-qualified, which the bundler erases; a plain import is followed even when its
 * names serve only as types (a false alarm rather than a missed chain). biome.json
 * states the same rules file by file; this test follows the chains Biome cannot see.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPUTED, resolveImport, runtimeSpecifiers, type Target } from '../support/import-graph';

/** The repository (vitest runs from its root, as every other unit test assumes). */
const ROOT = resolve('.');
const FIXTURES = resolve('tests/unit/fixtures/boundaries');

/** Why a context may not reach a target, or null when it may. */
type Boundary = (target: Exclude<Target, { kind: 'unresolved' }>) => string | null;

/**
 * Every run-time import chain from `entry` that reaches what `boundary` refuses (or a
 * module that cannot be found), breadth first: each chain is the shortest one.
 */
function forbiddenChains(root: string, entry: string, boundary: Boundary): string[] {
  const start = resolve(root, entry);
  const importer = new Map<string, string | null>([[start, null]]);
  const chainTo = (file: string): string[] => {
    const chain: string[] = [];
    for (let at: string | null | undefined = file; at; at = importer.get(at)) chain.unshift(relative(root, at));
    return chain;
  };
  const problems = new Set<string>();
  const queue = [start];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier === COMPUTED) {
        problems.add(`${chainTo(file).join(' → ')}: import() of a computed specifier cannot be checked`);
        continue;
      }
      const target = resolveImport(root, file, specifier);
      const reason = target.kind === 'unresolved' ? 'cannot be resolved' : boundary(target);
      const shown = target.kind === 'local' ? target.path : target.specifier;
      if (reason) problems.add(`${[...chainTo(file), shown].join(' → ')}: ${reason}`);
      else if (target.kind === 'local' && !target.leaf && !importer.has(target.file)) {
        importer.set(target.file, file);
        queue.push(target.file);
      }
    }
  }
  return [...problems];
}

/** The packages the content script may carry: small, and meant for a page. zod and Dexie stay in the background. */
const CONTENT_SCRIPT_PACKAGES = [/^preact(\/.+)?$/, /^wxt\/.+$/, /^@wxt-dev\/browser$/];

const contentScript: Boundary = (target) => {
  if (target.kind === 'package') {
    return CONTENT_SCRIPT_PACKAGES.some((allowed) => allowed.test(target.specifier))
      ? null
      : 'package not allowed in the content script (only preact, wxt/*, @wxt-dev/browser)';
  }
  if (target.path.startsWith('entrypoints/portal.content/') || target.path.startsWith('utils/')) return null;
  if (target.path.startsWith('entrypoints/background/'))
    return 'background-only module (ask the background by message)';
  if (target.path.startsWith('components/')) return "extension pages' UI";
  return 'neither the content script nor shared code (utils/)';
};

/** Packages are free here: the offscreen document validates its messages with zod. */
const offscreen: Boundary = (target) => {
  if (target.kind === 'package') return null;
  if (target.path.startsWith('entrypoints/offscreen/') || target.path.startsWith('utils/')) return null;
  const what = target.path.startsWith('entrypoints/background/') ? 'background-only module' : 'not shared code';
  return `${what}: the offscreen document imports only shared code (utils/)`;
};

/** Extension pages: their own entry, components/, utils/, assets and any package; never the other contexts. */
const extensionPage: Boundary = (target) => {
  if (target.kind === 'package') return null;
  if (target.path.startsWith('entrypoints/background/')) return 'background internals, out of reach of extension pages';
  if (target.path.startsWith('entrypoints/portal.content/'))
    return 'the content script, out of reach of extension pages';
  return null;
};

/** The module script an extension page's HTML loads (`<script type="module" src="./main.tsx">`). */
function pageScript(page: string): string {
  const html = readFileSync(join(ROOT, `entrypoints/${page}/index.html`), 'utf8');
  const src = /<script[^>]*\bsrc="\.\/([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`entrypoints/${page}/index.html loads no module script`);
  return `entrypoints/${page}/${src}`;
}

describe('run-time imports of each context', () => {
  it('the content script reaches only its own files, utils/ and preact, wxt/*, @wxt-dev/browser', () => {
    expect(forbiddenChains(ROOT, 'entrypoints/portal.content/index.ts', contentScript)).toEqual([]);
  });

  it('the offscreen document reaches only shared code', () => {
    expect(forbiddenChains(ROOT, pageScript('offscreen'), offscreen)).toEqual([]);
  });

  it.each(['popup', 'options'])('the %s page reaches neither background internals nor the content script', (page) => {
    expect(forbiddenChains(ROOT, pageScript(page), extensionPage)).toEqual([]);
  });
});

describe('the import walker (fixtures/boundaries, a miniature repository)', () => {
  const walk = (entry: string) => forbiddenChains(FIXTURES, `entrypoints/portal.content/${entry}`, contentScript);

  it('names the chain to a background module imported at run time', () => {
    expect(walk('runtime-import.ts')).toEqual([
      'entrypoints/portal.content/runtime-import.ts → entrypoints/portal.content/helper.ts → entrypoints/background/db.ts: background-only module (ask the background by message)',
    ]);
  });

  it('lets type-only imports and re-exports of it through, and stops at CSS', () => {
    expect(walk('type-import.ts')).toEqual([]);
  });

  it('follows import() and refuses packages outside the list', () => {
    expect(walk('dynamic-import.ts')).toEqual([
      'entrypoints/portal.content/dynamic-import.ts → zod: package not allowed in the content script (only preact, wxt/*, @wxt-dev/browser)',
      'entrypoints/portal.content/dynamic-import.ts → entrypoints/background/db.ts: background-only module (ask the background by message)',
    ]);
  });
});
