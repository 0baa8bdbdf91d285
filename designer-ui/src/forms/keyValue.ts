/**
 * Maps edited as rows (headers, subflow inputs and outputs, the http answer map). Rows may hold what an object cannot
 * while the user types: an empty name, or a name used twice. Only complete rows reach the settings.
 */
import type { Json } from './edit';

export interface Row {
  key: string;
  value: unknown;
}

export const rowsOf = (obj: Json): Row[] => Object.entries(obj).map(([key, value]) => ({ key, value }));

/** The object the rows stand for: rows without a name left out, the first of two rows with one name kept. */
export function objectOfRows(rows: readonly Row[]): Json {
  const out: Json = {};
  for (const { key, value } of rows) if (key !== '' && !(key in out)) out[key] = value;
  return out;
}

/** Same keys in the same order with the same values. */
export function sameEntries(a: Json, b: Json): boolean {
  return JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));
}

/** The indices of rows whose name an earlier row already has. */
export function duplicateRows(rows: readonly Row[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (r.key === '') return;
    if (seen.has(r.key)) out.push(i);
    else seen.add(r.key);
  });
  return out;
}
