/**
 * A vitest reporter that makes the run fail when the e2e tests did not run in both
 * real browsers: a browser that could not start, a skipped test, a suite that
 * vanished. It prints one line per browser before the runner's own counts.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { BROWSER_NAMES, type BrowserName } from './browsers';

type Tally = Record<'passed' | 'failed' | 'skipped' | 'pending', number>;

export default class RequireBothBrowsers implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const e2e = testModules.filter((module) => module.project.name === 'e2e');
    if (e2e.length === 0) return;
    const tallies = Object.fromEntries(
      BROWSER_NAMES.map((name) => [name, { passed: 0, failed: 0, skipped: 0, pending: 0 }]),
    ) as Record<BrowserName, Tally>;
    for (const module of e2e) {
      for (const test of module.children.allTests()) {
        const browser = BROWSER_NAMES.find((name) => test.fullName.toLowerCase().includes(name));
        if (browser) tallies[browser][test.result().state] += 1;
      }
    }
    const problems: string[] = [];
    for (const name of BROWSER_NAMES) {
      const tally = tallies[name];
      console.log(
        `e2e ${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped + tally.pending} not run`,
      );
      if (tally.passed + tally.failed === 0) problems.push(`no e2e test ran in ${name}`);
      if (tally.skipped + tally.pending > 0)
        problems.push(`${tally.skipped + tally.pending} e2e test(s) skipped in ${name}`);
    }
    if (problems.length > 0) {
      console.error(`e2e incomplete: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  }
}
