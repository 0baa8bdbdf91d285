/**
 * Safe reads of node settings. Settings arrive as plain JSON that the user is still editing, so any field may be
 * missing, of the wrong type or half typed: these readers never throw and answer undefined (or empty) for anything
 * that is not what the schema says.
 */
import type { Settings } from '../../model/flow';

/**
 * A settings object seen through the keys of its generated type (src/generated/flow.ts): a misspelt or renamed key
 * is a compile error, while every value stays unknown until a reader below has checked it.
 */
export type Loose<T> = { readonly [K in keyof T]?: unknown };

export function loose<T>(value: unknown): Loose<T> {
  return (isRecord(value) ? value : {}) as Loose<T>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string with something in it besides blanks. */
export function filled(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The entries of a JSON object whose values are strings, in the object's order. */
export function stringEntries(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** A copy of a settings value typed by its schema type, for initialSettings(): checked by the compiler, fresh each call. */
export function settingsOf<T extends object>(value: T): Settings {
  return { ...value } as Settings;
}
