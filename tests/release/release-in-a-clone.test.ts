/**
 * `npm run release` from start to end, as a publisher runs it: in a clean clone of the
 * committed repository, in a temporary folder (never in the working tree: it commits and
 * tags). The clone borrows this repository's node_modules through a symbolic link (a
 * fresh `npm ci` would take minutes) and runs the working tree's script, the one under test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate, publishChangelog, releaseFiles, UNRELEASED_HEADING } from '../../scripts/release';

const TSX = resolve('node_modules/.bin/tsx');
const RELEASE_SCRIPT = resolve('scripts/release.ts');

let clone: string;

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
}

function release(requested: string) {
  return spawnSync(TSX, [RELEASE_SCRIPT, requested], { cwd: clone, encoding: 'utf8' });
}

function packageVersion(file: string): string {
  return (JSON.parse(readFileSync(join(clone, file), 'utf8')) as { version: string }).version;
}

async function manifestVersion(archive: JSZip): Promise<string> {
  const manifest = await archive.file('manifest.json')?.async('string');
  return (JSON.parse(manifest ?? '{}') as { version?: string }).version ?? '(pas de manifest.json)';
}

/** Files of a package that carry Preact's devtools hook, which only a development build has. */
async function filesWithPreactDevtools(archive: JSZip): Promise<string[]> {
  const scripts = archive.file(/\.js$/);
  const texts = await Promise.all(scripts.map((script) => script.async('string')));
  return scripts.filter((_, index) => texts[index]?.includes('__PREACT_DEVTOOLS__')).map((script) => script.name);
}

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'repere-bal-release-'));
  execFileSync('git', ['clone', '--quiet', process.cwd(), clone]);
  symlinkSync(resolve('node_modules'), join(clone, 'node_modules'));
  // The repository ignores `node_modules/`, a folder: to git, the link is a file.
  appendFileSync(join(clone, '.git/info/exclude'), '/node_modules\n');
  git(['config', 'user.name', 'Essai de publication']);
  git(['config', 'user.email', 'publication@repere-bal.invalid']);
});

afterAll(() => {
  rmSync(clone, { recursive: true, force: true });
});

describe('npm run release, in a clean clone', () => {
  it('refuses a working tree with changes not committed, and writes nothing', () => {
    writeFileSync(join(clone, 'brouillon.txt'), 'pas encore validé\n');
    const refused = release('minor');
    rmSync(join(clone, 'brouillon.txt'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Publication refusée');
    expect(refused.stderr).toContain('brouillon.txt');
    expect(git(['status', '--porcelain'])).toBe('');
  });

  it('refuses a version that is not greater than the current one', () => {
    const current = packageVersion('package.json');
    const refused = release(current);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`la version ${current} n’est pas plus grande`);
  });

  it('publishes a minor version: packages, sums, commit and annotated tag, nothing pushed', async () => {
    const before = git(['rev-parse', 'HEAD']);
    const [major, minor] = packageVersion('package.json').split('.').map(Number);
    const version = `${major}.${(minor ?? 0) + 1}.0`;
    const today = localIsoDate(new Date());

    const run = release('minor');
    expect(run.status, run.stderr).toBe(0);

    const files = releaseFiles(version);
    const output = join(clone, '.output');
    for (const name of [files.chrome, files.firefox, files.sources, files.checksums]) {
      expect(existsSync(join(output, name)), name).toBe(true);
    }
    const check = spawnSync('sha256sum', ['-c', files.checksums], { cwd: output, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(3);

    expect(packageVersion('package.json')).toBe(version);
    const lock = JSON.parse(readFileSync(join(clone, 'package-lock.json'), 'utf8'));
    expect([lock.version, lock.packages[''].version]).toEqual([version, version]);
    for (const name of [files.chrome, files.firefox]) {
      const archive = await JSZip.loadAsync(readFileSync(join(output, name)));
      expect(await manifestVersion(archive), name).toBe(version);
      // vitest runs the script with NODE_ENV=test: the packages are production builds all the same.
      expect(await filesWithPreactDevtools(archive), name).toEqual([]);
    }

    const changelog = readFileSync(join(clone, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`${UNRELEASED_HEADING}\n\n## [${version}] — ${today}\n`);

    expect(git(['log', '-1', '--format=%s'])).toBe(`release: ${version}`);
    expect(git(['rev-parse', 'HEAD~1'])).toBe(before);
    expect(git(['diff', '--name-only', 'HEAD~1']).split('\n').sort()).toEqual([
      'CHANGELOG.md',
      'package-lock.json',
      'package.json',
    ]);
    expect(git(['status', '--porcelain'])).toBe('');
    expect(git(['cat-file', '-t', `v${version}`])).toBe('tag');
    expect(git(['rev-parse', `v${version}^{commit}`])).toBe(git(['rev-parse', 'HEAD']));
    // The published section, whole: its `###` headings are not taken for comments.
    const published = publishChangelog(git(['show', 'HEAD~1:CHANGELOG.md']), version, today);
    const notes = 'notes' in published ? published.notes : '(section non publiée)';
    expect(git(['tag', '--list', '--format=%(contents)', `v${version}`])).toBe(
      `Repère BAL ${version} — ${today}\n\n${notes}`,
    );

    expect(run.stdout).toContain(`Chrome Web Store et Edge Add-ons : ${files.chrome}`);
    expect(run.stdout).toContain(`addons.mozilla.org : ${files.firefox}`);
    expect(run.stdout).toContain(`git push origin ${git(['branch', '--show-current'])} v${version}`);
  });

  it('then has nothing left to publish', () => {
    const refused = release('patch');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('rien à publier');
  });
});
