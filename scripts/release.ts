/**
 * `npm run release -- <version>` (or `patch`, `minor`, `major`): publishes the CHANGELOG's
 * « Non publié » section as that version, bumps package.json (the one place a version is
 * written: WXT puts it in both manifests) and package-lock.json, builds the stores'
 * packages (`npm run zip`), writes their SHA-256 sums, then commits and tags `v<version>`.
 * It never pushes: what leaves the machine is decided by a person, after a look.
 *
 * Every check runs before anything is written, so a refusal leaves the tree as it was.
 * The decisions (next version, CHANGELOG rewrite, sums file) are pure functions, tested
 * alone; `main` only carries them out with git, npm and the file system.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const UNRELEASED_HEADING = '## [Non publié]';
const CHANGELOG_PATH = 'CHANGELOG.md';
/** WXT's output folder, where `npm run zip` writes the packages. */
const OUTPUT_DIR = '.output';
/** The files a release commits: the version's one place (and its lockfile copy), and the notes. */
const RELEASE_FILES = ['package.json', 'package-lock.json', CHANGELOG_PATH];
const RELEASE_BRANCH = 'main';

type Version = [major: number, minor: number, patch: number];
const BUMPS = ['major', 'minor', 'patch'] as const;

/**
 * Digits only, no pre-release suffix: both stores want a manifest version made of
 * numbers, and WXT would silently drop a suffix from it.
 */
const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function parseVersion(text: string): Version | null {
  const match = VERSION_PATTERN.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function isGreater(candidate: Version, current: Version): boolean {
  return (candidate[0] - current[0] || candidate[1] - current[1] || candidate[2] - current[2]) > 0;
}

export type VersionRefusal = 'current-not-a-version' | 'not-a-version' | 'not-greater';

/** The version asked for (`x.y.z`, or a bump of the current one), or why it cannot be. */
export function nextVersion(current: string, requested: string): { version: string } | { refusal: VersionRefusal } {
  const from = parseVersion(current);
  if (!from) return { refusal: 'current-not-a-version' };
  const bump = BUMPS.indexOf(requested as (typeof BUMPS)[number]);
  if (bump >= 0) {
    const bumped = from.map((part, index) => (index < bump ? part : index === bump ? part + 1 : 0));
    return { version: bumped.join('.') };
  }
  const to = parseVersion(requested);
  if (!to) return { refusal: 'not-a-version' };
  return isGreater(to, from) ? { version: requested } : { refusal: 'not-greater' };
}

export type ChangelogRefusal = 'no-unreleased-heading' | 'nothing-unreleased';

/**
 * The CHANGELOG with its « Non publié » section turned into `version`'s, dated, and a new
 * empty « Non publié » above it for the next work; `notes` is the published section's body.
 */
export function publishChangelog(
  changelog: string,
  version: string,
  date: string,
): { changelog: string; notes: string } | { refusal: ChangelogRefusal } {
  const lines = changelog.split('\n');
  const heading = lines.findIndex((line) => line.trimEnd() === UNRELEASED_HEADING);
  if (heading < 0) return { refusal: 'no-unreleased-heading' };
  const nextSection = lines.findIndex((line, index) => index > heading && line.startsWith('## '));
  const end = nextSection < 0 ? lines.length : nextSection;
  const notes = lines
    .slice(heading + 1, end)
    .join('\n')
    .trim();
  if (notes === '') return { refusal: 'nothing-unreleased' };
  const published = [UNRELEASED_HEADING, '', `## [${version}] — ${date}`, '', notes];
  const rest = lines.slice(end);
  // One blank line before the next section, or the final newline when there is none.
  const after = rest.length > 0 ? ['', ...rest] : [''];
  return {
    changelog: [...lines.slice(0, heading), ...published, ...after].join('\n'),
    notes,
  };
}

/** The day as the CHANGELOG writes it (ISO 8601), in the publisher's own time zone. */
export function localIsoDate(now: Date): string {
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

/** Names `wxt.config.ts`'s zip templates give the packages, and the sums file beside them. */
export function releaseFiles(version: string) {
  return {
    chrome: `repere-bal-${version}-chrome.zip`,
    firefox: `repere-bal-${version}-firefox.zip`,
    sources: `repere-bal-${version}-sources.zip`,
    checksums: `repere-bal-${version}-SHA256SUMS.txt`,
  };
}

/** Lines `sha256sum -c` reads: the hex digest, two spaces (text mode), the file name. */
export function checksumsText(files: { name: string; sha256: string }[]): string {
  return files.map(({ name, sha256 }) => `${sha256}  ${name}\n`).join('');
}

const VERSION_REFUSALS: Record<VersionRefusal, (requested: string) => string> = {
  'current-not-a-version': () => 'la version actuelle de package.json n’est pas de la forme x.y.z.',
  'not-a-version': (requested) =>
    `« ${requested} » n’est pas une version : donnez x.y.z (des chiffres seulement, comme les magasins ` +
    'l’exigent) ou patch, minor, major.',
  'not-greater': (requested) => `la version ${requested} n’est pas plus grande que la version actuelle.`,
};

const CHANGELOG_REFUSALS: Record<ChangelogRefusal, string> = {
  'no-unreleased-heading': `${CHANGELOG_PATH} n’a pas de section « ${UNRELEASED_HEADING} » à publier.`,
  'nothing-unreleased': `la section « ${UNRELEASED_HEADING} » de ${CHANGELOG_PATH} est vide : rien à publier.`,
};

/** A refusal the publisher can act on: said in words, without a stack trace. */
class Refusal extends Error {}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every check, before anything is written: what to publish, or a refusal. */
function prepare(requested: string | undefined) {
  if (!requested) throw new Refusal('donnez la version : npm run release -- <x.y.z | patch | minor | major>.');
  const changes = run('git', ['status', '--porcelain']);
  if (changes !== '') {
    throw new Refusal(`l’arbre de travail a des modifications non validées ; validez-les ou rangez-les :\n${changes}`);
  }
  const current = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const next = nextVersion(current, requested);
  if ('refusal' in next) throw new Refusal(VERSION_REFUSALS[next.refusal](requested));
  const tag = `v${next.version}`;
  if (run('git', ['tag', '--list', tag]) !== '') throw new Refusal(`l’étiquette ${tag} existe déjà.`);
  const date = localIsoDate(new Date());
  const published = publishChangelog(readFileSync(CHANGELOG_PATH, 'utf8'), next.version, date);
  if ('refusal' in published) throw new Refusal(CHANGELOG_REFUSALS[published.refusal]);
  return { current, version: next.version, tag, date, ...published };
}

function main(): void {
  let release: ReturnType<typeof prepare>;
  try {
    release = prepare(process.argv[2]);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`Publication refusée : ${error.message}`);
    process.exit(1);
  }
  const { current, version, tag, date, changelog, notes } = release;
  const branch = run('git', ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (branch !== RELEASE_BRANCH) {
    console.warn(`Attention : vous publiez depuis « ${branch} », pas depuis ${RELEASE_BRANCH}.`);
  }
  console.log(`Publication de la version ${version} (actuelle : ${current}).`);

  writeFileSync(CHANGELOG_PATH, changelog);
  // npm writes the version in package.json and in both of package-lock.json's root
  // entries, so that `npm ci` stays in step.
  run('npm', ['version', version, '--no-git-tag-version']);
  const files = releaseFiles(version);
  const packages = [files.chrome, files.firefox, files.sources];
  try {
    // Production, whatever the shell says: under any other NODE_ENV (`test` in a test
    // runner), Vite takes the build for a development one and Preact brings its devtools.
    execFileSync('npm', ['run', 'zip'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    for (const name of packages) {
      if (!existsSync(join(OUTPUT_DIR, name))) throw new Error(`paquet attendu introuvable : ${OUTPUT_DIR}/${name}`);
    }
  } catch (error) {
    console.error(
      `La construction des paquets a échoué (${(error as Error).message}).\n` +
        `Rien n’est validé ; pour revenir en arrière : git checkout -- ${RELEASE_FILES.join(' ')}`,
    );
    process.exit(1);
  }
  writeFileSync(
    join(OUTPUT_DIR, files.checksums),
    checksumsText(packages.map((name) => ({ name, sha256: sha256Of(join(OUTPUT_DIR, name)) }))),
  );

  run('git', ['commit', '--quiet', '-m', `release: ${version}`, '--', ...RELEASE_FILES]);
  // Whitespace only: git's default clean-up would take the notes' `###` headings for comments.
  run('git', ['tag', '--annotate', tag, '--cleanup=whitespace', '-m', `Repère BAL ${version} — ${date}\n\n${notes}`]);

  const pushTargets = branch === 'HEAD' ? tag : `${branch} ${tag}`;
  console.log(
    [
      '',
      `Version ${version} validée et étiquetée ${tag} (rien n’est poussé).`,
      '',
      `Paquets, dans ${OUTPUT_DIR}/ :`,
      `  Chrome Web Store et Edge Add-ons : ${files.chrome}`,
      `  addons.mozilla.org : ${files.firefox}, avec les sources demandées : ${files.sources}`,
      `  Empreintes SHA-256 : ${files.checksums} (vérifier : cd ${OUTPUT_DIR} && sha256sum -c ${files.checksums})`,
      '',
      `Après vérification, publier le code : git push origin ${pushTargets}`,
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
