/**
 * What `npm run release` decides before it touches anything: the next version, the
 * CHANGELOG once published, and the sums file `sha256sum -c` checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checksumsText,
  localIsoDate,
  nextVersion,
  publishChangelog,
  releaseFiles,
  UNRELEASED_HEADING,
} from '../../../scripts/release';

describe('the next version', () => {
  it.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.3', 'minor', '0.2.0'],
    ['0.9.4', 'major', '1.0.0'],
    ['0.1.0', '0.2.0', '0.2.0'],
    ['0.9.0', '0.10.0', '0.10.0'],
    ['1.2.3', '1.2.4', '1.2.4'],
  ])('from %s, « %s » gives %s', (current, requested, expected) => {
    expect(nextVersion(current, requested)).toEqual({ version: expected });
  });

  it.each([
    ['0.1.0', '0.1.0'],
    ['0.2.0', '0.1.9'],
    ['1.0.0', '0.99.99'],
  ])('from %s, %s is refused as not greater', (current, requested) => {
    expect(nextVersion(current, requested)).toEqual({ refusal: 'not-greater' });
  });

  it.each(['1.0', 'v0.2.0', '0.2.0-rc.1', '01.2.0', 'suivante', ''])('« %s » is not a version', (requested) => {
    expect(nextVersion('0.1.0', requested)).toEqual({ refusal: 'not-a-version' });
  });

  it('refuses to bump a current version it cannot read', () => {
    expect(nextVersion('0.1', 'patch')).toEqual({ refusal: 'current-not-a-version' });
  });
});

const HEADER = '# Journal des modifications\n\nFormat : Keep a Changelog.\n';
const UNRELEASED = `${UNRELEASED_HEADING}\n\n### Un travail\n\n- Une chose.\n- Une autre.\n`;
const RELEASED = '## [0.1.0] — 2026-11-26\n\nPremière version.\n';

describe('publishing the CHANGELOG', () => {
  it('dates the unreleased section under a new, empty one, and keeps the older versions as they were', () => {
    const result = publishChangelog(`${HEADER}\n${UNRELEASED}\n${RELEASED}`, '0.2.0', '2026-12-01');
    expect(result).toEqual({
      changelog:
        `${HEADER}\n${UNRELEASED_HEADING}\n\n## [0.2.0] — 2026-12-01\n\n` +
        `### Un travail\n\n- Une chose.\n- Une autre.\n\n${RELEASED}`,
      notes: '### Un travail\n\n- Une chose.\n- Une autre.',
    });
  });

  it('publishes a last section with nothing after it, ending in one newline', () => {
    const result = publishChangelog(`${HEADER}\n${UNRELEASED}`, '0.1.0', '2026-11-26');
    expect(result).toEqual({
      changelog: `${HEADER}\n${UNRELEASED_HEADING}\n\n## [0.1.0] — 2026-11-26\n\n### Un travail\n\n- Une chose.\n- Une autre.\n`,
      notes: '### Un travail\n\n- Une chose.\n- Une autre.',
    });
  });

  it('has nothing to publish twice: the section it leaves is empty', () => {
    const first = publishChangelog(`${HEADER}\n${UNRELEASED}\n${RELEASED}`, '0.2.0', '2026-12-01');
    if (!('changelog' in first)) throw new Error('the first publication was refused');
    expect(publishChangelog(first.changelog, '0.2.1', '2026-12-02')).toEqual({ refusal: 'nothing-unreleased' });
  });

  it('refuses a CHANGELOG without an unreleased section', () => {
    expect(publishChangelog(`${HEADER}\n${RELEASED}`, '0.2.0', '2026-12-01')).toEqual({
      refusal: 'no-unreleased-heading',
    });
  });
});

describe('the release files', () => {
  it('writes the day in the local calendar, as ISO 8601', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('names the packages as the zip templates of wxt.config.ts do', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const template = (key: string) => new RegExp(`${key}: '([^']+)'`).exec(config)?.[1] ?? `(${key} introuvable)`;
    const named = (key: string, browser = '') =>
      template(key).replace('{{version}}', '0.2.0').replace('{{browser}}', browser);
    const files = releaseFiles('0.2.0');
    expect([files.chrome, files.firefox, files.sources]).toEqual([
      named('artifactTemplate', 'chrome'),
      named('artifactTemplate', 'firefox'),
      named('sourcesTemplate'),
    ]);
    expect(files.checksums).toBe('repere-bal-0.2.0-SHA256SUMS.txt');
  });

  it('writes sums as sha256sum does: digest, two spaces, name, one line each', () => {
    const digest = 'a'.repeat(64);
    expect(
      checksumsText([
        { name: 'repere-bal-0.2.0-chrome.zip', sha256: digest },
        { name: 'repere-bal-0.2.0-firefox.zip', sha256: digest },
      ]),
    ).toBe(`${digest}  repere-bal-0.2.0-chrome.zip\n${digest}  repere-bal-0.2.0-firefox.zip\n`);
  });
});
