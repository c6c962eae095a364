import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageReader } from '../setup';

/** The strings module afresh (it keeps each message once asked), reading `locale`'s catalogue. */
async function stringsIn(locale: 'fr' | 'en') {
  (fakeBrowser.i18n as unknown as { getMessage: ReturnType<typeof messageReader> }).getMessage = messageReader(locale);
  vi.resetModules();
  return import('@/utils/i18n');
}

describe('counted messages', () => {
  it('are singular or plural as French says: « 0 compte », « 1 compte », « 2 comptes »', async () => {
    const { tCount } = await stringsIn('fr');
    expect([0, 1, 2].map((n) => tCount('checkFoundAccounts', n))).toEqual(['0 compte', '1 compte', '2 comptes']);
    expect(tCount('checkFoundDefault', 2, 5)).toBe('colonne lue ; 2 comptes cochés sur 5');
  });

  it('and as English says: « 0 accounts », « 1 account »', async () => {
    const { tCount } = await stringsIn('en');
    expect([0, 1, 2].map((n) => tCount('checkFoundAccounts', n))).toEqual(['0 accounts', '1 account', '2 accounts']);
    (fakeBrowser.i18n as unknown as { getMessage: ReturnType<typeof messageReader> }).getMessage = messageReader('fr');
  });

  it('leave no « (s) » in any language', () => {
    for (const locale of ['fr', 'en']) {
      const text = readFileSync(`public/_locales/${locale}/messages.json`, 'utf8');
      expect(text, locale).not.toMatch(/\w\((s|es|e)\)/);
    }
  });
});
