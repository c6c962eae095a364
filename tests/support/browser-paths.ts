/**
 * Where the browsers that the e2e tests, the demo and the bench drive are found on this
 * machine (never downloaded: .puppeteerrc.cjs). A variable names one explicitly
 * (PUPPETEER_EXECUTABLE_PATH for the Chromium family, FIREFOX_EXECUTABLE_PATH); without
 * it, the first installed of the usual places, Chromium first (what CI installs), then
 * Google Chrome, then Microsoft Edge. When a browser is missing, or a variable names
 * nothing, one French sentence says so and how to put it right.
 */
import { statSync } from 'node:fs';

export type BrowserFamily = 'chromium' | 'firefox';

/** The variable that names each browser explicitly (the first is puppeteer's own). */
const PATH_VARIABLES: Record<BrowserFamily, string> = {
  chromium: 'PUPPETEER_EXECUTABLE_PATH',
  firefox: 'FIREFOX_EXECUTABLE_PATH',
};

/** What .ci/run installs on a fresh Debian machine (with the French language packs the e2e tests need). */
export const INSTALL_COMMAND =
  'sudo apt-get update && sudo apt-get install -y chromium chromium-l10n firefox-esr firefox-esr-l10n-fr';

/** The machine as discovery sees it; tests inject their own. */
export interface Machine {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a browser's executable is there (a file, not a folder). */
  exists(path: string): boolean;
}

function thisMachine(): Machine {
  return {
    platform: process.platform,
    env: process.env,
    exists: (path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
  };
}

const MAC_APPS: Record<BrowserFamily, string[]> = {
  chromium: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  firefox: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
};

const LINUX_PATHS: Record<BrowserFamily, string[]> = {
  chromium: [
    '/usr/bin/chromium', // Debian
    '/usr/bin/chromium-browser', // Ubuntu (the snap's launcher)
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/** Windows: each program under each folder programs are installed in, machine-wide then per user. */
function windowsPaths(family: BrowserFamily, env: Machine['env']): string[] {
  const programs =
    family === 'chromium'
      ? ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']
      : ['Mozilla Firefox\\firefox.exe'];
  const folders = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA ?? env.LocalAppData].filter(
    (folder): folder is string => Boolean(folder),
  );
  return programs.flatMap((program) => folders.map((folder) => `${folder.replace(/\\$/, '')}\\${program}`));
}

/** Where a browser family is looked for, in order, on a platform. */
export function candidatePaths(family: BrowserFamily, machine: Pick<Machine, 'platform' | 'env'>): string[] {
  if (machine.platform === 'darwin') return MAC_APPS[family];
  if (machine.platform === 'win32') return windowsPaths(family, machine.env);
  return LINUX_PATHS[family];
}

export type Discovery =
  | { found: true; family: BrowserFamily; path: string }
  | { found: false; family: BrowserFamily; variable: string; named: string | null };

/** The browser of a family: the variable's path when set (even if it names nothing), else the first place that has one. */
export function findBrowser(family: BrowserFamily, machine: Machine = thisMachine()): Discovery {
  const variable = PATH_VARIABLES[family];
  const named = machine.env[variable]?.trim();
  if (named) {
    return machine.exists(named) ? { found: true, family, path: named } : { found: false, family, variable, named };
  }
  const path = candidatePaths(family, machine).find((candidate) => machine.exists(candidate));
  return path ? { found: true, family, path } : { found: false, family, variable, named: null };
}

type Which = BrowserFamily | 'both';

/** What is missing, as the start of the sentence. */
const MISSING: Record<Which, string> = {
  chromium: "Ni Chromium, ni Google Chrome, ni Microsoft Edge n'est installé sur cette machine",
  firefox: "Firefox n'est pas installé sur cette machine",
  both: 'Ni Chromium (ou Google Chrome, Microsoft Edge) ni Firefox ne sont installés sur cette machine',
};

/** What to install: by the Debian command on Linux, by hand elsewhere. */
const LINUX_PACKAGES: Record<Which, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox ESR',
  both: 'Chromium et Firefox ESR',
};
const OTHER_INSTALL: Record<Which, string> = {
  chromium: "l'un d'eux",
  firefox: 'Firefox',
  both: 'un navigateur de chaque',
};

/**
 * The one French sentence that says what is missing and how to put it right, or null
 * when every family asked for is there. A variable that names nothing comes first: it
 * is a mistake to fix, not a browser to install.
 */
export function missingBrowsers(families: readonly BrowserFamily[], machine: Machine = thisMachine()): string | null {
  const missing = families
    .map((family) => findBrowser(family, machine))
    .filter((found): found is Extract<Discovery, { found: false }> => !found.found);
  const misnamed = missing.find((found) => found.named !== null);
  if (misnamed) {
    return `La variable ${misnamed.variable} désigne « ${misnamed.named} », qui n'existe pas : donnez-y le chemin d'un navigateur installé, ou retirez-la.`;
  }
  const [first] = missing;
  if (!first) return null;
  const which = missing.length > 1 ? 'both' : first.family;
  const remedy =
    machine.platform === 'linux'
      ? `installez ${LINUX_PACKAGES[which]} avec : ${INSTALL_COMMAND}`
      : `installez ${OTHER_INSTALL[which]}, ou donnez ${missing.length > 1 ? 'leurs chemins' : 'son chemin'} dans ${missing.map((found) => found.variable).join(' et ')}.`;
  return `${MISSING[which]} ; ${remedy}`;
}

/** A browser that cannot be found: its message is the sentence above, to show as is (no stack trace). */
export class BrowserNotFound extends Error {
  override name = 'BrowserNotFound';
}

/** The path of a browser family's executable, or BrowserNotFound. */
export function browserPath(family: BrowserFamily, machine: Machine = thisMachine()): string {
  const found = findBrowser(family, machine);
  if (found.found) return found.path;
  throw new BrowserNotFound(missingBrowsers([family], machine) ?? `${family} introuvable`);
}
