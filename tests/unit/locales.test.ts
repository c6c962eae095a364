/** Every string exists in French and in English, and French is the default; the stores take the name and description. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;

const read = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;

describe('locales', () => {
  const fr = read('fr');
  const en = read('en');

  it('have the same keys in fr and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('keep the name and description within the stores’ limits, in every locale', () => {
    // Chrome Web Store: a description of 132 characters at most (its upload refuses more);
    // addons.mozilla.org: a name of 50 at most.
    for (const messages of [fr, en]) {
      expect(messages.extName?.message.length).toBeLessThanOrEqual(50);
      expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('have no empty message', () => {
    for (const [key, entry] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(entry.message.trim(), key).not.toBe('');
    }
  });
});
