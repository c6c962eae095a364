/**
 * vitest global setup for e2e: check that both browsers are installed, then build the
 * test extension once per run, for both. A missing browser fails the run once, with
 * the sentence that says what to install, rather than every file with puppeteer's trace.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { missingBrowsers } from '../support/browser-paths';
import { PRODUCTION_BUILD_ENV } from '../support/production-build';
import { BROWSER_NAMES } from './browsers';

/** Left by an interrupted policy test (tests/e2e/policy.e2e.ts), it would bend every other test. */
const LEFTOVER_POLICY = '/etc/chromium/policies/managed/repere-bal-e2e.json';

export default function buildOnce(): void {
  const missing = missingBrowsers(BROWSER_NAMES);
  if (missing) {
    // The sentence says it all: no stack trace under it.
    const error = new Error(missing);
    error.stack = `${error.name}: ${missing}`;
    throw error;
  }
  rmSync(LEFTOVER_POLICY, { force: true });
  try {
    execFileSync('npm', ['run', '--silent', 'build:e2e'], {
      stdio: 'pipe',
      encoding: 'utf8',
      env: PRODUCTION_BUILD_ENV,
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build:e2e failed:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
  }
}
