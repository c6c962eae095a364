/**
 * The extension's strings, from public/_locales (French by default, English).
 * `t('bannerService', name)` fills the message's placeholders in order.
 */
import { browser } from 'wxt/browser';
import type fr from '@/public/_locales/fr/messages.json';

export type MessageKey = keyof typeof fr;

/** Messages do not change while a page lives: each is asked of the browser once. */
const cache = new Map<string, string>();

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const cacheKey = `${key}\u0000${substitutions.join('\u0000')}`;
  const known = cache.get(cacheKey);
  if (known !== undefined) return known;
  // WXT's generated getMessage typing does not reach `wxt/browser` with the polyfill module,
  // so the plain API signature is used; keys are checked against the French file instead.
  const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };
  const text = i18n.getMessage(key, substitutions.map(String));
  // An empty answer means a missing key: show the key rather than nothing.
  const result = text || key;
  cache.set(cacheKey, result);
  return result;
}

/** The messages that have a singular and a plural form (`…_one`, `…_other`). */
type CountedKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

/**
 * A message about `count` things, singular or plural as the language of the catalogue in
 * use says (« 1 compte », « 0 compte », « 2 comptes »; « 0 accounts » in English), never
 * « compte(s) »; `count` is its first placeholder.
 */
export function tCount(key: CountedKey, count: number, ...more: (string | number)[]): string {
  const form = new Intl.PluralRules(t('language')).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, count, ...more);
}
