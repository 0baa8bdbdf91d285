/**
 * Hints across the items of a list, which no single field can see: an exit name or a menu key used twice, a menu key
 * that begins another, a phrase two options share, an intent the classifier knows nothing about. Keyed by JSON
 * Pointer within the settings, like the server's issues (the server's validator stays the authority).
 */
import { asArray, asRecord, asString, childPointer, repeats, uniqueName, type Json } from './edit';
import type { FieldDescriptor } from './mapping';

export interface Hint {
  message: string;
  /** As the server's validator grades the same finding. */
  level: 'error' | 'warning';
}

export type Hints = Record<string, Hint[]>;

function add(hints: Hints, pointer: string, message: string, level: Hint['level'] = 'error'): void {
  (hints[pointer] ??= []).push({ message, level });
}

/** Merges hint maps. */
export function mergeHints(...all: Hints[]): Hints {
  const out: Hints = {};
  for (const h of all) for (const [p, list] of Object.entries(h)) for (const x of list) add(out, p, x.message, x.level);
  return out;
}

/** The messages of one level. */
export const messagesOf = (hints: readonly Hint[] | undefined, level: Hint['level']): string[] =>
  (hints ?? []).filter((h) => h.level === level).map((h) => h.message);

/** A value of `key` that an earlier item already has (exit names, calendar range names). */
export function duplicateHints(list: readonly unknown[], key: string, base: string, what: string): Hints {
  const hints: Hints = {};
  const names = list.map((item) => asString(asRecord(item)[key]) || undefined);
  for (const [i, earlier] of repeats(names)) {
    add(hints, childPointer(childPointer(base, i), key), `${capitalise(what)} ${i + 1} uses the name "${names[i] ?? ''}", already used by ${what} ${earlier + 1}. Give each its own name.`);
  }
  return hints;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Each item names an exit (menu options, intents, condition cases): no name may be used twice. */
export function exitNameHints(list: readonly unknown[], itemFields: readonly FieldDescriptor[], base: string, what: string): Hints {
  return mergeHints(...itemFields.filter((f) => f.kind === 'exitName').map((f) => duplicateHints(list, f.key, base, what)));
}

/** Phrases are compared the way the menu matches speech: case, punctuation and spacing ignored. */
export const normalisePhrase = (phrase: string): string =>
  phrase
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Menu options: keys used twice, keys that begin another option's, shared phrases, options nobody can choose. */
export function menuOptionHints(options: readonly unknown[], base = '/options'): Hints {
  const hints: Hints = {};
  const items = options.map(asRecord);
  const digits = items.map((o) => asString(o.digits) || undefined);
  items.forEach((o, i) => {
    const hasPhrases = asArray(o.phrases).some((p) => typeof p === 'string' && p.trim() !== '');
    if (!digits[i] && !hasPhrases) {
      add(hints, childPointer(base, i), `Option ${i + 1} has neither keys nor phrases, so callers can never choose it.`);
    }
  });
  for (const [i, earlier] of repeats(digits)) {
    add(hints, `${childPointer(base, i)}/digits`, `Option ${i + 1} uses the keys "${digits[i] ?? ''}", already used by option ${earlier + 1}, so it can never be chosen.`);
  }
  digits.forEach((shorter, i) => {
    if (!shorter) return;
    digits.forEach((longer, j) => {
      if (!longer || longer.length <= shorter.length || !longer.startsWith(shorter)) return;
      add(hints, `${childPointer(base, i)}/digits`, `The keys "${shorter}" begin option ${j + 1}'s "${longer}": a caller who presses ${shorter} waits for the inter-digit timeout.`, 'warning');
    });
  });
  const owner = new Map<string, number>();
  items.forEach((o, i) => {
    asArray(o.phrases).forEach((p) => {
      const key = normalisePhrase(asString(p));
      if (key === '') return;
      const earlier = owner.get(key);
      if (earlier === undefined) owner.set(key, i);
      else if (earlier !== i) add(hints, `${childPointer(base, i)}/phrases`, `"${asString(p)}" is also a phrase of option ${earlier + 1}; saying it always picks option ${earlier + 1}.`);
    });
  });
  return hints;
}

/** Intents the classifier can only tell apart by their name. */
export function intentHints(intents: readonly unknown[], base = '/intents'): Hints {
  const hints: Hints = {};
  intents.map(asRecord).forEach((intent, i) => {
    const described = asString(intent.description).trim() !== '' || asArray(intent.examples).some((e) => asString(e).trim() !== '');
    if (asString(intent.name) !== '' && !described) {
      add(hints, childPointer(base, i), `Intent ${i + 1} has neither a description nor examples, so the classifier has only its name to go on.`, 'warning');
    }
  });
  return hints;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

/** A new menu option: the first key no option uses, and an exit name of its own. */
export function newMenuOption(options: readonly unknown[]): Json {
  const items = options.map(asRecord);
  const used = new Set(items.map((o) => asString(o.digits)));
  const digit = KEYS.find((k) => !used.has(k));
  const exits = items.map((o) => asString(o.exit));
  const exit = uniqueName(`option${digit !== undefined && /^[0-9]$/.test(digit) ? digit : items.length + 1}`, exits);
  return digit === undefined ? { exit } : { exit, digits: digit };
}

/** A new intent with a name of its own. */
export function newIntent(intents: readonly unknown[]): Json {
  return { name: uniqueName(`intent${intents.length + 1}`, intents.map((i) => asString(asRecord(i).name))) };
}
