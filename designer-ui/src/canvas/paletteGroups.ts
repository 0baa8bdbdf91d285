/** The palette's groups and search, pure. */
import type { CatalogueEntry } from '../api/types';

export const GROUP_ORDER = ['Audio and input', 'Logic', 'Time', 'Call'];

/** The catalogue entries matching a search, grouped in palette order. Pure, for tests. */
export function paletteGroups(catalogue: readonly CatalogueEntry[], query: string): { group: string; entries: CatalogueEntry[] }[] {
  const q = query.trim().toLowerCase();
  const match = (c: CatalogueEntry) => !q || c.type.toLowerCase().includes(q) || c.description.toLowerCase().includes(q) || c.category.toLowerCase().includes(q);
  const groups = [...new Set([...GROUP_ORDER, ...catalogue.map((c) => c.category)])];
  return groups
    .map((group) => ({ group, entries: catalogue.filter((c) => c.category === group && match(c)) }))
    .filter((g) => g.entries.length > 0);
}
