/**
 * How the repository's modules import each other, read with the TypeScript parser and
 * resolved as Vite resolves them here (relative paths and WXT's root aliases). Shared by
 * the test that walks each context's run-time imports (boundaries.test.ts) and the test
 * that refuses import cycles (import-cycles.test.ts), so both read imports the same way.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** What an import reaches: a file of the repository (`path` from the root), a package, or nothing found. */
export type Target =
  | { kind: 'local'; path: string; file: string; leaf: boolean }
  | { kind: 'package'; specifier: string }
  | { kind: 'unresolved'; specifier: string };

/** `import(expression)`: what it loads is only known at run time. */
export const COMPUTED = null;

/** WXT's aliases for the repository's root (.wxt/tsconfig.json). */
const ALIASES = ['@/', '~/', '@@/', '~~/'];
const CODE = /\.[cm]?[jt]sx?$/;

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import 'x'`: run for its effects
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  if (clause.name) return false; // a default import is a value
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)
  );
}

/**
 * The specifiers a module imports: static imports, re-exports, `import x = require()`,
 * `import()`. With `types: false`, only what runs: the bundler erases `import type`,
 * `export type` and imports whose every name is `type`-qualified.
 */
export function importSpecifiers(file: string, options: { types: boolean }): (string | typeof COMPUTED)[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const found: (string | typeof COMPUTED)[] = [];
  const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : COMPUTED);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      if (options.types || !isTypeOnlyImport(node)) found.push(literal(node.moduleSpecifier));
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && (options.types || !isTypeOnlyExport(node))) found.push(literal(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      if ((options.types || !node.isTypeOnly) && ts.isExternalModuleReference(reference))
        found.push(literal(reference.expression));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      found.push(literal(node.arguments[0]));
    } else if (options.types && ts.isImportTypeNode(node)) {
      // `type T = import('./x').T`: a type-level edge like any `import type`.
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) found.push(literal(argument.literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The specifiers a module imports at run time (see importSpecifiers). */
export const runtimeSpecifiers = (file: string) => importSpecifiers(file, { types: false });

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** Resolves as Vite does here: relative paths and root aliases, then `.ts`, `.tsx`, `/index.ts(x)`. */
export function resolveImport(root: string, from: string, specifier: string): Target {
  const [path = '', query] = specifier.split('?');
  let base: string | undefined;
  if (path === '.' || path === '..' || path.startsWith('./') || path.startsWith('../'))
    base = resolve(dirname(from), path);
  else if (['@', '~', '@@', '~~'].includes(path)) base = root;
  else {
    const alias = ALIASES.find((prefix) => path.startsWith(prefix));
    if (alias) base = resolve(root, path.slice(alias.length));
  }
  if (base === undefined) return { kind: 'package', specifier };
  const candidates = [base, `${base}.ts`, `${base}.tsx`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  const file = [...candidates, join(base, 'index.tsx')].find(isFile);
  if (!file) return { kind: 'unresolved', specifier };
  // CSS, JSON, `?inline`/`?raw` text: bundled as they are, nothing further to follow.
  const leaf = query !== undefined || !CODE.test(file);
  return { kind: 'local', path: relative(root, file).split('\\').join('/'), file, leaf };
}
