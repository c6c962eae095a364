/**
 * Unit-test setup: IndexedDB in memory, and `i18n.getMessage` answering from the French
 * messages file with Chrome's placeholder rules (the fake browser has no i18n).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** `i18n.getMessage` as the browser answers it from one locale's messages file. */
export function messageReader(locale: 'fr' | 'en') {
  const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, Entry>;
  return (key: string, substitutions: string | string[] = []): string => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
    let text = entry.message.replace(
      /\$([A-Za-z0-9_]+)\$/g,
      (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '',
    );
    text = text.replace(/\$(\d)/g, (_, index: string) => subs[Number(index) - 1] ?? '');
    return text;
  };
}

export const frenchMessage = messageReader('fr');

(fakeBrowser.i18n as unknown as { getMessage: typeof frenchMessage }).getMessage = frenchMessage;

// happy-dom has no top layer: the banner's mount opens its bar there (a popover). The
// top layer itself, and what it keeps out, is proven in the browsers (tests/e2e/paint-over.e2e.ts).
HTMLElement.prototype.showPopover ??= () => {};
HTMLElement.prototype.hidePopover ??= () => {};
