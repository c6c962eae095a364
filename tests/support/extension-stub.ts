/**
 * Outside a browser, the extension API the measured code touches: messages in French
 * (as the unit tests have them). Imported before anything that reads `wxt/browser`.
 */
import { readFileSync } from 'node:fs';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as Record<string, Entry>;

function getMessage(key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message
    .replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
}

(globalThis as unknown as { chrome: unknown }).chrome = { runtime: { id: 'bench' }, i18n: { getMessage } };
