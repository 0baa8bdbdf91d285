/** Building a node's exit list: the catalogue's fixed exits and the ones its settings add. */
import type { CatalogueExit } from '../../api/types';
import type { ExitInfo } from '../types';

/** The catalogue's fixed exits (GET /api/catalogue: the Java NodeSettings.exits() of empty settings). */
export function fixedExits(fixed: readonly CatalogueExit[]): ExitInfo[] {
  return fixed.map((e) => exit(e.name, e.required, typeof e.otherwise === 'string' ? e.otherwise : undefined));
}

export function exit(name: string, required: boolean, otherwise?: string, label?: string): ExitInfo {
  const info: ExitInfo = { name, required };
  if (!required && otherwise !== undefined) info.otherwise = otherwise;
  if (label !== undefined) info.label = label;
  return info;
}

/**
 * The exits as the card draws them, one handle a name. Settings may name an exit twice or like a fixed one while
 * the user edits (the server reports that as EXIT_NAME_DUPLICATE): the name is kept once, where it first comes,
 * and required when any of its uses is, as the server's required-exit check treats it. Blank names (an option
 * whose exit is not typed yet) get no handle: nothing can be wired to them.
 */
export function settle(exits: readonly ExitInfo[]): ExitInfo[] {
  const byName = new Map<string, ExitInfo>();
  for (const e of exits) {
    if (e.name.trim() === '') continue;
    const first = byName.get(e.name);
    if (first === undefined) {
      byName.set(e.name, { ...e });
      continue;
    }
    if (e.required && !first.required) {
      first.required = true;
      delete first.otherwise;
    }
    if (first.label === undefined && e.label !== undefined) first.label = e.label;
  }
  return [...byName.values()];
}

/** The exits with added ones put before `error` (the last exit a card shows), or at the end without one. */
export function beforeError(exits: readonly ExitInfo[], added: readonly ExitInfo[]): ExitInfo[] {
  const at = exits.findIndex((e) => e.name === 'error');
  if (at < 0) return [...exits, ...added];
  return [...exits.slice(0, at), ...added, ...exits.slice(at)];
}
