/**
 * Per-language values (prompts, localized text): which languages the form offers and how one language's value is
 * set. `*` is the version that serves every language.
 */
import { isBlank, orUndefined, setKey, type Json } from './edit';

export const ANY_LANGUAGE = '*';

/**
 * The languages to offer, in order: the flow's (default first), then `*`, then any other language the value already
 * holds (kept so nothing is hidden, and flagged by the form as not a flow language).
 */
export function languagesFor(flowLanguages: readonly string[], value: Json): string[] {
  const out = [...new Set(flowLanguages.filter((l) => l !== ANY_LANGUAGE))];
  out.push(ANY_LANGUAGE);
  for (const key of Object.keys(value)) if (!out.includes(key)) out.push(key);
  return out;
}

/** The per-language value with one language set, or removed when blank; undefined when no language is left. */
export function setLanguage(value: Json, language: string, next: unknown): Json | undefined {
  return orUndefined(setKey(value, language, orUndefined(next)));
}

/** The language tab to open first: the first one holding a value, else the flow's default. */
export function firstFilled(languages: readonly string[], value: Json): string {
  return languages.find((l) => !isBlank(value[l])) ?? languages[0] ?? ANY_LANGUAGE;
}

/** A short label for a language tab. */
export function languageLabel(language: string): string {
  return language === ANY_LANGUAGE ? 'Any language (*)' : language;
}
