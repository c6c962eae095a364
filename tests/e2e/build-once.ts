/** vitest global setup for e2e: build the test extension once per run, for both browsers. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Left by an interrupted policy test (tests/e2e/policy.e2e.ts), it would bend every other test. */
const LEFTOVER_POLICY = '/etc/chromium/policies/managed/repere-bal-e2e.json';

export default function buildOnce(): void {
  rmSync(LEFTOVER_POLICY, { force: true });
  try {
    execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build:e2e failed:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
  }
}
