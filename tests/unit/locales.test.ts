/** Every string exists in French and in English, and French is the default. */
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

  it('have no empty message', () => {
    for (const [key, entry] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(entry.message.trim(), key).not.toBe('');
    }
  });
});
