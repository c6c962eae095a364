/** vitest global setup for e2e: build the test extension once per run, for both browsers. */
import { execFileSync } from 'node:child_process';

export default function buildOnce(): void {
  try {
    execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build:e2e failed:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
  }
}
