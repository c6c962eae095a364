import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type {} from '@wxt-dev/auto-icons';
import { defineConfig } from 'wxt';
import { LOOPBACK_MATCHES, PORTAL_MATCHES } from './utils/portal-origins';

/**
 * `--mode e2e` is the test build: the same extension, also allowed on loopback (the
 * simulator), written to `.output/e2e/<browser>` where every test suite expects it.
 */
const E2E_MODE = 'e2e';

/** WXT's own `browser` (the browser's extension API as it is), for the content script. */
const NATIVE_BROWSER = fileURLToPath(import.meta.resolve('@wxt-dev/browser'));
/** The content script's own stand-in for WXT's ContentScriptContext (see lifetime.ts). */
const SCRIPT_CONTEXT = fileURLToPath(new URL('./entrypoints/portal.content/lifetime.ts', import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    developmentIndicator: 'overlay',
  },
  vite: () => ({ plugins: [preact()] }),
  zip: {
    artifactTemplate: 'repere-bal-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'repere-bal-{{version}}-sources.zip',
    // What AMO reviewers need to rebuild the add-on, and nothing else.
    excludeSources: ['bench/results.json', 'test-results/**', 'coverage/**'],
    // Hidden, so left out by default: without it a reviewer's `npm ci` downloads a browser.
    includeSources: ['.puppeteerrc.cjs'],
  },
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // Each is justified in docs/deploiement.md (« Permissions demandées »): the organisation's policy (storage.managed),
    // checks on a timer (alarms), new-mail news (notifications), the optional pause while
    // away (idle); in Chrome, the offscreen document that reads portal pages (offscreen)
    // and the content script on portals a policy adds (scripting). Preferences live in
    // IndexedDB, which needs no permission.
    permissions: [
      'storage',
      'alarms',
      'notifications',
      'idle',
      ...(browser === 'chrome' ? ['offscreen', 'scripting'] : []),
    ],
    // Portals a policy adds (a pre-production portal): asked in the settings, with a click.
    ...(browser === 'chrome'
      ? { optional_host_permissions: ['https://*/*'] }
      : { optional_permissions: ['https://*/*'] }),
    ...(browser === 'chrome' && { storage: { managed_schema: 'managed_schema.json' } }),
    // The oldest Chrome with everything the extension uses: the banner and the send guard
    // live in the top layer, and popovers came in Chrome 114 (Firefox 125); the offscreen
    // document needs 109, `:modal` 105, AbortSignal.timeout 103. Edge follows Chrome's numbers.
    ...(browser === 'chrome' && { minimum_chrome_version: '114' }),
    commands: {
      'open-switcher': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandOpenSwitcher__',
      },
    },
    host_permissions: mode === E2E_MODE ? [...PORTAL_MATCHES, ...LOOPBACK_MATCHES] : PORTAL_MATCHES,
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // Stable: Firefox keys the add-on's storage and managed policy on it.
          id: 'repere-bal@repere-bal.fr',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android knows data_collection_permissions from version 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The content script talks to the browser natively (promise-based sendMessage,
    // listeners that answer nothing, i18n): in both browsers it needs no polyfill, and
    // without it it fits its size budget and starts sooner on every portal page. The
    // background and the pages keep webextension-polyfill (promise-returning listeners).
    // It also takes its own few lines in place of WXT's ContentScriptContext (lifetime.ts).
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = viteConfig.resolve?.alias;
      if (alias && !Array.isArray(alias)) {
        (alias as Record<string, string>)['wxt/browser'] = NATIVE_BROWSER;
        (alias as Record<string, string>)['wxt/utils/content-script-context'] = SCRIPT_CONTEXT;
      }
    },
    'config:resolved': (wxt) => {
      if (wxt.config.mode === E2E_MODE) {
        wxt.config.outDir = resolve(wxt.config.outBaseDir, E2E_MODE, wxt.config.browser);
      }
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== E2E_MODE) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.some((match) => PORTAL_MATCHES.includes(match))) {
          script.matches = [...new Set([...script.matches, ...LOOPBACK_MATCHES])];
        }
      }
      // Firefox's WebDriver BiDi may not open extension pages itself: in the test build
      // only, the popup and options can be reached from a loopback page (tests use them).
      if (wxt.config.browser === 'firefox') {
        const resources = (manifest.web_accessible_resources ?? []) as string[];
        manifest.web_accessible_resources = [
          ...resources,
          'popup.html',
          'options.html',
        ] as typeof manifest.web_accessible_resources;
      }
    },
  },
});
