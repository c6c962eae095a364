/**
 * Portal origins added by the organisation's policy (a pre-production portal, say).
 * The extension may run there only once the browser grants the origin (optional host
 * permission, asked in the settings with a click); then the content script is
 * registered there, the background answers it and polls its mailboxes as on the
 * main portal. Chrome registers scripts with `scripting`, Firefox with `contentScripts`.
 */
import { browser } from 'wxt/browser';
import { log } from '@/utils/log';

const SCRIPT_ID = 'repere-bal-extra-portals';
const CONTENT_SCRIPT = '/content-scripts/portal.js';

interface ChromeScripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  registerContentScripts(
    scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_start' }[],
  ): Promise<void>;
}
interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    js: { file: string }[];
    runAt: 'document_start';
  }): Promise<{ unregister(): Promise<void> }>;
}

export interface ExtraPortals {
  /** The policy's origins and whether each is granted. */
  status(): Promise<{ pattern: string; granted: boolean }[]>;
  /** The granted ones: where content scripts run and whose messages are answered. */
  granted(): string[];
  /** Registers the content script where granted (after a policy or permission change). */
  sync(patterns: string[]): Promise<void>;
}

export function createExtraPortals(): ExtraPortals {
  let wanted: string[] = [];
  let active: string[] = [];
  let firefoxRegistration: { unregister(): Promise<void> } | null = null;
  const api = browser as unknown as { scripting?: ChromeScripting; contentScripts?: FirefoxContentScripts };

  const isGranted = (pattern: string) => browser.permissions.contains({ origins: [pattern] }).catch(() => false);

  return {
    async status() {
      return Promise.all(wanted.map(async (pattern) => ({ pattern, granted: await isGranted(pattern) })));
    },
    granted: () => active,
    async sync(patterns) {
      wanted = patterns;
      const granted: string[] = [];
      for (const pattern of patterns) if (await isGranted(pattern)) granted.push(pattern);
      active = granted;
      try {
        if (api.scripting) {
          const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
          if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
          if (granted.length) {
            await api.scripting.registerContentScripts([
              { id: SCRIPT_ID, matches: granted, js: [CONTENT_SCRIPT], runAt: 'document_start' },
            ]);
          }
        } else if (api.contentScripts) {
          await firefoxRegistration?.unregister();
          firefoxRegistration = granted.length
            ? await api.contentScripts.register({
                matches: granted,
                js: [{ file: CONTENT_SCRIPT }],
                runAt: 'document_start',
              })
            : null;
        }
      } catch (error) {
        log.warn('portails supplémentaires :', error);
      }
    },
  };
}
