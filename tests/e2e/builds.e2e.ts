/**
 * The builds other suites rely on: the e2e build in `.output/e2e/<browser>` also runs on
 * loopback (any port), the production build covers the Medimail portal only, and both
 * ask for nothing more than they need. The content script, loaded in every portal page,
 * carries neither Dexie nor zod and keeps within its compressed budget.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK_MATCHES, PORTAL_MATCHES } from '../../utils/portal-origins';
import { CONTENT_SCRIPT_GZIP_BUDGET } from '../support/budgets';
import { PRODUCTION_BUILD_ENV } from '../support/production-build';
import { BROWSER_NAMES, type BrowserName, EXTENSION_DIRS } from './browsers';

interface Manifest {
  manifest_version: number;
  name: string;
  default_locale?: string;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; run_at?: string }[];
  web_accessible_resources?: unknown[];
}

const PRODUCTION_DIRS: Record<BrowserName, string> = {
  chromium: '.output/chrome-mv3',
  firefox: '.output/firefox-mv2',
};

/**
 * Texts only Dexie and zod carry, and that minification keeps (string literals, property
 * names): Dexie's database of database names and two of its error messages; zod 4's
 * `_zod` internals on every schema and the class names it registers (`$ZodType`,
 * `ZodError`, which `$ZodError` contains too). The background bundles both libraries:
 * each marker must be found there, so that its absence from the content script counts.
 */
const LIBRARY_MARKERS: Record<string, string[]> = {
  Dexie: ['__dbnames', 'Database version changed by other database connection', 'IndexedDB API missing'],
  zod: ['_zod', '$ZodType', 'ZodError'],
};

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;
}

/** Host access, wherever the manifest version puts it. */
function hosts(m: Manifest): string[] {
  return m.manifest_version === 3 ? (m.host_permissions ?? []) : (m.permissions ?? []).filter((p) => p.includes('://'));
}

/**
 * The warnings `web-ext lint` gives on the Firefox build, each explained in the developers'
 * guide (docs/developpement.md, « Paquets et web-ext lint »): Preact's code for `dangerouslySetInnerHTML` (never used
 * here: every text is rendered as text), and zod's code generator (switched off with
 * `jitless`, never run).
 */
const EXPLAINED_LINT_WARNINGS = [
  // Preact's dangerouslySetInnerHTML, in the extension pages' shared chunk only (the content script has no Preact).
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/ui-[\w-]+\.js$/ },
  { code: 'DANGEROUS_EVAL', file: /^background\.js$/ },
];

describe('firefox build, web-ext lint', () => {
  it('has no error, and only the warnings the developers’ guide explains', async () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'pipe', env: PRODUCTION_BUILD_ENV });
    const { default: webExt } = await import('web-ext');
    const result = (await webExt.cmd.lint(
      { sourceDir: PRODUCTION_DIRS.firefox, output: 'json', boring: true },
      { shouldExitProgram: false },
    )) as { summary: { errors: number }; warnings: { code: string; file: string }[] };
    expect(result.summary.errors).toBe(0);
    const unexplained = result.warnings.filter(
      (warning) =>
        !EXPLAINED_LINT_WARNINGS.some((known) => known.code === warning.code && known.file.test(warning.file)),
    );
    expect(unexplained).toEqual([]);
  });
});

describe('firefox sources archive, for the reviewers of addons.mozilla.org', () => {
  it('rebuilds with a plain npm ci: the lockfile and the setting that keeps puppeteer from downloading a browser', async () => {
    execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { stdio: 'pipe', env: PRODUCTION_BUILD_ENV });
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const archive = await JSZip.loadAsync(readFileSync(`.output/repere-bal-${version}-sources.zip`));
    const names = Object.keys(archive.files);
    expect(names).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', '.puppeteerrc.cjs', 'wxt.config.ts']),
    );
    expect(names.filter((name) => /^(node_modules|\.output)\//.test(name))).toEqual([]);
  });
});

describe.each(BROWSER_NAMES)('%s builds', (browserName) => {
  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build', '-b', browserName === 'chromium' ? 'chrome' : 'firefox'], {
      stdio: 'pipe',
      env: PRODUCTION_BUILD_ENV,
    });
  });

  it('the e2e build runs on the portal and on loopback, at document_start', () => {
    const m = manifest(EXTENSION_DIRS[browserName]);
    expect(m.name).toBe('__MSG_extName__');
    expect(m.default_locale).toBe('fr');
    expect(hosts(m).sort()).toEqual([...PORTAL_MATCHES, ...LOOPBACK_MATCHES].sort());
    expect(m.content_scripts?.[0]?.matches.sort()).toEqual([...PORTAL_MATCHES, ...LOOPBACK_MATCHES].sort());
    expect(m.content_scripts?.[0]?.run_at).toBe('document_start');
  });

  it('the production build covers the Medimail portal only', () => {
    const m = manifest(PRODUCTION_DIRS[browserName]);
    expect(hosts(m)).toEqual(PORTAL_MATCHES);
    expect(m.content_scripts?.[0]?.matches).toEqual(PORTAL_MATCHES);
    const apis = [
      'storage',
      'alarms',
      'notifications',
      'idle',
      ...(browserName === 'chromium' ? ['offscreen', 'scripting'] : []),
    ];
    expect((m.permissions ?? []).filter((p) => !p.includes('://')).sort()).toEqual(apis.sort());
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('the e2e content script carries neither Dexie nor zod', () => {
    const dir = EXTENSION_DIRS[browserName];
    const script = readFileSync(`${dir}/content-scripts/portal.js`, 'utf8');
    const background = readFileSync(`${dir}/background.js`, 'utf8');
    for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
      for (const marker of markers) {
        expect(background, `${library}'s marker « ${marker} » survives the build`).toContain(marker);
        expect(script, `${library} in content-scripts/portal.js (« ${marker} »)`).not.toContain(marker);
      }
    }
  });

  it(`the e2e content script weighs at most ${CONTENT_SCRIPT_GZIP_BUDGET / 1024} KiB compressed (gzip -9)`, () => {
    const script = readFileSync(`${EXTENSION_DIRS[browserName]}/content-scripts/portal.js`);
    const size = gzipSync(script, { level: 9 }).length;
    expect(size, `${(size / 1024).toFixed(1)} KiB compressed`).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  });
});
