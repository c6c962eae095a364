/**
 * The extension's strings, from public/_locales (French by default, English).
 * `t('bannerService', name)` fills the message's placeholders in order.
 */
import { browser } from 'wxt/browser';
import type fr from '../public/_locales/fr/messages.json';

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
