/**
 * Immutable edits of settings values. Forms never mutate what they are given: every edit builds a new object or
 * array, and an optional value the user clears is dropped rather than kept empty, so the canonical JSON stays clean.
 */

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value as an object; an empty one for anything else. */
export const asRecord = (v: unknown): Json => (isRecord(v) ? v : {});

/** The value as an array; an empty one for anything else. */
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Nothing worth keeping: undefined, null, "", [] or {}. */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.keys(v).length === 0;
  return false;
}

/** The object without the given keys (the same object when it has none of them). */
export function omitKeys(obj: Json, keys: readonly string[]): Json {
  if (!keys.some((k) => k in obj)) return obj;
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));
}

/**
 * The object with `key` set to `value`, in place of the old value (so the key keeps its position), or without the
 * key when the value is undefined. Widgets turn what the user cleared into undefined (see {@link orUndefined}); an
 * empty string they keep on purpose (an input's "no terminator") stays.
 */
export function setKey(obj: Json, key: string, value: unknown): Json {
  if (value === undefined) return omitKeys(obj, [key]);
  return { ...obj, [key]: value };
}

/** Undefined for a blank value ("", [], {}, null): what a cleared optional field becomes. */
export const orUndefined = <T>(v: T): T | undefined => (isBlank(v) ? undefined : v);

/** The object with a key renamed where it stands; unchanged when `to` is already taken by another key. */
export function renameKey(obj: Json, from: string, to: string): Json {
  if (from === to || !(from in obj) || to in obj) return obj;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));
}

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((v, i) => (i === index ? value : v));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  const out = [...list];
  out.splice(Math.max(0, Math.min(index, out.length)), 0, value);
  return out;
}

/** The list with one item moved to another index; unchanged when either index is out of range. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** A JSON Pointer segment: `~` and `/` escaped. */
export const escapePointer = (segment: string | number): string => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** The pointer of a child of `base` ("" is the settings object itself). */
export const childPointer = (base: string, segment: string | number): string => `${base}/${escapePointer(segment)}`;

/** The indices of values that repeat an earlier one (after `normalise`), with the index of that earlier one. */
export function repeats(values: readonly (string | undefined)[], normalise: (v: string) => string = (v) => v): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    const k = normalise(v);
    if (k === '') return;
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else out.set(i, earlier);
  });
  return out;
}

/** The first of `base`, `base2`, `base3`… not in `taken` (`option1_2` for a base ending in a digit). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  const glue = /[0-9]$/.test(base) ? '_' : '';
  for (let n = 2; ; n++) if (!used.has(`${base}${glue}${n}`)) return `${base}${glue}${n}`;
}

/** Items from comma-separated text: trimmed, blanks dropped. */
export function splitList(text: string, separator: RegExp = /,/): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The list with new items appended, leaving out those already in it. */
export function appendUnique(list: readonly string[], items: readonly string[]): string[] {
  const out = [...list];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}
