/** Where the e2e tests, the demo and the bench find their browsers, on machines made up here. */
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFound,
  browserPath,
  candidatePaths,
  findBrowser,
  INSTALL_COMMAND,
  type Machine,
  missingBrowsers,
} from '@/tests/support/browser-paths';

function machine(installed: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux'): Machine {
  return { platform, env, exists: (path) => installed.includes(path) };
}

describe('browser discovery', () => {
  it('takes Debian’s chromium and firefox-esr first, as CI installs them', () => {
    const debian = machine(['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/firefox-esr', '/usr/bin/firefox']);
    expect(browserPath('chromium', debian)).toBe('/usr/bin/chromium');
    expect(browserPath('firefox', debian)).toBe('/usr/bin/firefox-esr');
    expect(missingBrowsers(['chromium', 'firefox'], debian)).toBeNull();
  });

  it('finds Ubuntu’s snap, Google Chrome, Microsoft Edge and Firefox where people have them', () => {
    expect(browserPath('chromium', machine(['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
    expect(browserPath('chromium', machine(['/usr/bin/google-chrome-stable']))).toBe('/usr/bin/google-chrome-stable');
    expect(browserPath('chromium', machine(['/usr/bin/microsoft-edge']))).toBe('/usr/bin/microsoft-edge');
    expect(browserPath('firefox', machine(['/usr/bin/firefox']))).toBe('/usr/bin/firefox');
    expect(candidatePaths('chromium', machine([]))).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/usr/bin/microsoft-edge-stable',
    ]);
  });

  it('knows the usual macOS applications', () => {
    const mac = machine(
      [
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        '/Applications/Firefox.app/Contents/MacOS/firefox',
      ],
      {},
      'darwin',
    );
    expect(browserPath('chromium', mac)).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(browserPath('firefox', mac)).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
    expect(candidatePaths('chromium', mac)[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('knows the usual Windows folders, machine-wide then per user', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\noemie\\AppData\\Local',
    };
    const windows = machine(
      [
        'C:\\Users\\noemie\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
        'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
        'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
      ],
      env,
      'win32',
    );
    expect(browserPath('chromium', windows)).toBe(
      'C:\\Users\\noemie\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    );
    expect(browserPath('firefox', windows)).toBe('C:\\Program Files\\Mozilla Firefox\\firefox.exe');
    expect(candidatePaths('chromium', windows)).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\noemie\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\noemie\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
  });

  it('honours PUPPETEER_EXECUTABLE_PATH and FIREFOX_EXECUTABLE_PATH before the usual places', () => {
    const custom = machine(['/usr/bin/chromium', '/opt/chrome/chrome', '/usr/bin/firefox-esr', '/opt/ff/firefox'], {
      PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome',
      FIREFOX_EXECUTABLE_PATH: '/opt/ff/firefox',
    });
    expect(browserPath('chromium', custom)).toBe('/opt/chrome/chrome');
    expect(browserPath('firefox', custom)).toBe('/opt/ff/firefox');
    // Set but empty: as if unset.
    expect(browserPath('chromium', machine(['/usr/bin/chromium'], { PUPPETEER_EXECUTABLE_PATH: ' ' }))).toBe(
      '/usr/bin/chromium',
    );
  });

  it('a variable naming nothing is an error naming the variable, even when a browser is installed', () => {
    const wrong = machine(['/usr/bin/chromium', '/usr/bin/firefox-esr'], { PUPPETEER_EXECUTABLE_PATH: '/nowhere' });
    expect(findBrowser('chromium', wrong)).toEqual({
      found: false,
      family: 'chromium',
      variable: 'PUPPETEER_EXECUTABLE_PATH',
      named: '/nowhere',
    });
    const sentence =
      "La variable PUPPETEER_EXECUTABLE_PATH désigne « /nowhere », qui n'existe pas : donnez-y le chemin d'un navigateur installé, ou retirez-la.";
    expect(missingBrowsers(['chromium', 'firefox'], wrong)).toBe(sentence);
    expect(() => browserPath('chromium', wrong)).toThrow(new BrowserNotFound(sentence));
    const firefox = machine([], { FIREFOX_EXECUTABLE_PATH: '/tmp/firefox' });
    expect(missingBrowsers(['firefox'], firefox)).toContain(
      'La variable FIREFOX_EXECUTABLE_PATH désigne « /tmp/firefox »',
    );
  });

  it('on a fresh Linux machine, one sentence says what is missing and the command that installs it', () => {
    expect(INSTALL_COMMAND).toBe(
      'sudo apt-get update && sudo apt-get install -y chromium chromium-l10n firefox-esr firefox-esr-l10n-fr',
    );
    expect(missingBrowsers(['chromium', 'firefox'], machine([]))).toBe(
      `Ni Chromium (ou Google Chrome, Microsoft Edge) ni Firefox ne sont installés sur cette machine ; installez Chromium et Firefox ESR avec : ${INSTALL_COMMAND}`,
    );
    expect(missingBrowsers(['chromium', 'firefox'], machine(['/usr/bin/firefox']))).toBe(
      `Ni Chromium, ni Google Chrome, ni Microsoft Edge n'est installé sur cette machine ; installez Chromium avec : ${INSTALL_COMMAND}`,
    );
    expect(missingBrowsers(['chromium', 'firefox'], machine(['/usr/bin/chromium']))).toBe(
      `Firefox n'est pas installé sur cette machine ; installez Firefox ESR avec : ${INSTALL_COMMAND}`,
    );
    // Only what was asked for: the demo needs Chromium alone.
    expect(missingBrowsers(['chromium'], machine(['/usr/bin/chromium']))).toBeNull();
    expect(() => browserPath('firefox', machine([]))).toThrow(BrowserNotFound);
  });

  it('elsewhere, it names the variables instead of a Debian command', () => {
    expect(missingBrowsers(['chromium'], machine([], {}, 'darwin'))).toBe(
      "Ni Chromium, ni Google Chrome, ni Microsoft Edge n'est installé sur cette machine ; installez l'un d'eux, ou donnez son chemin dans PUPPETEER_EXECUTABLE_PATH.",
    );
    expect(missingBrowsers(['chromium', 'firefox'], machine([], {}, 'win32'))).toBe(
      'Ni Chromium (ou Google Chrome, Microsoft Edge) ni Firefox ne sont installés sur cette machine ; installez un navigateur de chaque, ou donnez leurs chemins dans PUPPETEER_EXECUTABLE_PATH et FIREFOX_EXECUTABLE_PATH.',
    );
  });
});
