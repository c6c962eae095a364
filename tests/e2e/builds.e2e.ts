/**
 * The builds other suites rely on: the e2e build in `.output/e2e/<browser>` also runs on
 * loopback (any port), the production build covers the Medimail portal only, and both
 * ask for nothing more than they need.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK_MATCHES, PORTAL_MATCHES } from '../../utils/portal-origins';
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

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;
}

/** Host access, wherever the manifest version puts it. */
function hosts(m: Manifest): string[] {
  return m.manifest_version === 3 ? (m.host_permissions ?? []) : (m.permissions ?? []).filter((p) => p.includes('://'));
}

/**
 * The warnings `web-ext lint` gives on the Firefox build, each explained in the README
 * (« Paquets et web-ext lint »): Preact's code for `dangerouslySetInnerHTML` (never used
 * here: every text is rendered as text), and zod's code generator (switched off with
 * `jitless`, never run).
 */
const EXPLAINED_LINT_WARNINGS = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(chunks\/pages-[\w-]+\.js|content-scripts\/portal\.js)$/ },
  { code: 'DANGEROUS_EVAL', file: /^background\.js$/ },
];

describe('firefox build, web-ext lint', () => {
  it('has no error, and only the warnings the README explains', async () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'pipe' });
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

describe.each(BROWSER_NAMES)('%s builds', (browserName) => {
  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build', '-b', browserName === 'chromium' ? 'chrome' : 'firefox'], { stdio: 'pipe' });
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
});
