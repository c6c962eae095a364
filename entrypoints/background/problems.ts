/**
 * What is wrong with a value that came from outside (the organisation's policy, a
 * settings file), in the reader's language only: zod's own messages in its French or
 * English locale, our few words in the same language, the place as `mailboxes[2].colour`.
 * The browser's interface language decides, as it decides the extension's pages.
 */
import { en, fr } from 'zod/locales';
import type { z } from '@/utils/protocol/zod';

export type ReaderLanguage = 'fr' | 'en';

export function readerLanguage(language: string): ReaderLanguage {
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** zod's messages in the reader's language (`safeParse(value, { error })`). */
export function zodMessages(language: ReaderLanguage): z.core.$ZodErrorMap {
  return (language === 'fr' ? fr() : en()).localeError;
}

/** Our own words about a value, beside zod's. */
const WORDS = {
  notJson: { fr: 'ce n’est pas du JSON lisible', en: 'this is not readable JSON' },
  notAnObject: { fr: 'la politique n’est pas un objet', en: 'the policy is not an object' },
  unknownKey: { fr: 'clé inconnue', en: 'unknown key' },
} as const;

export function problemWords(word: keyof typeof WORDS, language: ReaderLanguage): string {
  return WORDS[word][language];
}

/** `['mailboxes', 2, 'colour']` → `mailboxes[2].colour`. */
export function pathOf(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${String(segment)}` : String(segment),
    '',
  );
}

/** Every issue of a refused value in one line, each with its place inside the value. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${pathOf(issue.path)} : ${issue.message}` : issue.message))
    .join(' ; ');
}
