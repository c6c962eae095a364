/**
 * No import cycle among the sources (entrypoints/, utils/, components/), type-level
 * included: a loop through `import type` erases at build time but still ties two modules
 * together for the reader and the type checker, and is one refactor away from a run-time
 * loop whose order of evaluation decides what is undefined. For every import that takes
 * part in a loop, the shortest loop through it is listed, so each line names an import
 * that could be cut.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPUTED, importSpecifiers, resolveImport } from '../support/import-graph';

/** The repository (vitest runs from its root, as every other unit test assumes). */
const ROOT = resolve('.');
const FIXTURES = resolve('tests/unit/fixtures/boundaries');
const SOURCE_FOLDERS = ['entrypoints', 'utils', 'components'];
const SOURCE = /\.tsx?$/;

function sourceFiles(root: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
  return SOURCE_FOLDERS.flatMap((folder) => {
    try {
      return walk(join(root, folder));
    } catch {
      return []; // a miniature repository may lack a folder
    }
  });
}

/** Each source file (from the root) and the source files it imports, types included. */
function importGraph(root: string): Map<string, Set<string>> {
  const files = sourceFiles(root);
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of importSpecifiers(file, { types: true })) {
      // A computed import() is the boundaries test's concern: nothing to follow here.
      if (specifier === COMPUTED) continue;
      const target = resolveImport(root, file, specifier);
      if (target.kind === 'local' && known.has(target.file)) targets.add(relative(root, target.file));
    }
    graph.set(relative(root, file), targets);
  }
  return graph;
}

/** The shortest path from `from` to `to` (both included), or null. */
function shortestPath(graph: Map<string, Set<string>>, from: string, to: string): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    if (at === to) {
      const path: string[] = [];
      for (let step: string | null | undefined = at; step; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const next of graph.get(at) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * Every loop as `a.ts → b.ts → a.ts`: for each import a → b, the shortest way back from
 * b to a, written from the loop's first file in alphabetical order so that a loop found
 * through several of its imports is listed once.
 */
function importCycles(root: string): string[] {
  const graph = importGraph(root);
  const cycles = new Set<string>();
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const back = shortestPath(graph, to, from);
      if (!back) continue;
      const loop = [from, ...back.slice(0, -1)];
      const first = loop.indexOf([...loop].sort()[0] ?? from);
      const rotated = [...loop.slice(first), ...loop.slice(0, first)];
      cycles.add([...rotated, rotated[0]].join(' → '));
    }
  }
  return [...cycles].sort();
}

describe('import cycles', () => {
  it('none among entrypoints/, utils/ and components/, type-level imports included', () => {
    expect(importCycles(ROOT)).toEqual([]);
  });

  it('are found in a miniature repository, through a type-only import and a root alias', () => {
    expect(importCycles(FIXTURES)).toEqual(['utils/cycle-a.ts → utils/cycle-b.ts → utils/cycle-a.ts']);
  });
});
