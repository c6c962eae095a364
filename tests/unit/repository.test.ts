/**
 * Rules of the repository: every capability of the content script is a file of its
 * own, wired in index.ts (FEATURES) and documented in the developers' guide; the content script
 * never reaches for background code (run-time chains: boundaries.test.ts); no source
 * file grows past what a reader takes in at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'entrypoints/portal.content';
/** Files of the content script that are plumbing, not capabilities. */
const PLUMBING = new Set(['index.ts', 'tab-state.ts', 'lifetime.ts', 'background-orders.ts']);

const index = readFileSync(`${DIR}/index.ts`, 'utf8');
const features = [...(/export const FEATURES = \[([^\]]*)\]/.exec(index)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
  (m) => m[1],
);
const files = readdirSync(DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && !PLUMBING.has(entry.name))
  .map((entry) => entry.name)
  .map((file) => file.replace(/\.tsx?$/, ''));

/** Where the extension's sources live, and how long one of them may grow. */
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];
const MAX_LINES = 300;

/** The repository paths of the sources' files whose names match `pattern`. */
const sourceFiles = (pattern: RegExp) =>
  SOURCE_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => pattern.test(file))
      .map((file) => `${dir}/${file.split(sep).join('/')}`),
  );

/** Lines as an editor numbers them (a final newline opens no new line). */
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('repository rules', () => {
  it('registers every feature file, and only those', () => {
    expect(features.sort()).toEqual(files.sort());
  });

  it('wires every feature in index.ts', () => {
    for (const feature of features) expect(index, feature).toContain(`from './${feature}'`);
  });

  it('documents every feature in the developers’ guide', () => {
    const guide = readFileSync('docs/developpement.md', 'utf8');
    for (const feature of features) expect(guide, feature).toMatch(new RegExp(`\`${feature}\\.tsx?\``));
  });

  it('keeps background-only modules out of the content script', () => {
    for (const file of readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(`${DIR}/${file}`, 'utf8');
      for (const forbidden of ['@/entrypoints/background', "'zod'", "'dexie'"]) {
        expect(source, `${file} imports ${forbidden}`).not.toContain(forbidden);
      }
    }
  });

  it(`keeps every .ts, .tsx and .css file of ${SOURCE_DIRS.join('/, ')}/ within ${MAX_LINES} lines`, () => {
    const tooLong = sourceFiles(/\.(tsx?|css)$/)
      .map((path) => ({ path, lines: lineCount(readFileSync(path, 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it('imports by one style: `@/` from the root for anything outside the file’s own folder, never `../`', () => {
    const climbing = sourceFiles(/\.tsx?$/).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.\.\/[^'"]*)['"]/g)].map(
        (match) => `${path}: ${match[1]}`,
      ),
    );
    expect(climbing).toEqual([]);
  });

  it('builds every schema with the zod of utils/protocol/zod.ts, configured before any schema', () => {
    const direct = sourceFiles(/\.tsx?$/)
      .filter((path) => path !== 'utils/protocol/zod.ts')
      .filter((path) => /from\s+['"]zod['"]/.test(readFileSync(path, 'utf8')));
    expect(direct).toEqual([]);
  });
});
