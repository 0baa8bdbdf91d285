/**
 * The designer's modelling rules, as pure predicates (STYLE.md item 12). They feed React Flow's
 * isValidConnection, so a wire the flow cannot hold is refused while it is being drawn. The server's validator
 * stays the authority: these only stop obvious mistakes early.
 */
import type { FlowDocument, FlowNode, NodeType } from '../model/flow';

export type RuleResult = { ok: true } | { ok: false; reason: string };

const OK: RuleResult = { ok: true };
const no = (reason: string): RuleResult => ({ ok: false, reason });

/** Node types that wait for the caller or the clock, so an exit back to themselves is a retry, not a busy loop. */
const WAITS: ReadonlySet<NodeType> = new Set<NodeType>(['menu', 'input', 'ask', 'intent', 'wait', 'record', 'play', 'say']);

/**
 * May this exit of source be wired to target?
 * @param exits the source node's exit names (from its type's definition and the catalogue)
 */
export function canConnect(doc: FlowDocument, sourceId: string, exit: string, targetId: string, exits: readonly string[], readOnly = false): RuleResult {
  if (readOnly) return no('read-only: you may not edit this flow');
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source) return no(`no node ${sourceId}`);
  if (!target) return no(`no node ${targetId}`);
  if (!exits.includes(exit)) return no(`${label(source)} has no exit "${exit}"`);
  if (source.id === target.id && !WAITS.has(source.type)) {
    return no(`${label(source)} would loop to itself without waiting for the caller`);
  }
  return OK;
}

/** May a node be deleted? The start node may, but the flow must keep one node. */
export function canDelete(doc: FlowDocument, ids: readonly string[], readOnly = false): RuleResult {
  if (readOnly) return no('read-only: you may not edit this flow');
  if (ids.length === 0) return no('nothing selected');
  const set = new Set(ids);
  if (doc.nodes.every((n) => set.has(n.id))) return no('a flow keeps at least one node');
  return OK;
}

/** May the current user change the flow at all? */
export function canEdit(role: string | undefined): boolean {
  return role === 'EDITOR' || role === 'PUBLISHER' || role === 'ADMIN';
}

/** May the current user publish (and roll back)? Publishing also needs a flow without errors. */
export function canPublish(role: string | undefined, errors: number, dirty: boolean): RuleResult {
  if (role !== 'PUBLISHER' && role !== 'ADMIN') return no('only publishers and admins may publish');
  if (errors > 0) return no(`fix the ${errors} error${errors === 1 ? '' : 's'} first`);
  if (dirty) return no('save the draft first');
  return OK;
}

function label(n: FlowNode): string {
  return n.label ? `"${n.label}"` : n.id;
}

/** A new node id for a type that no node of the flow has: menu, menu_2, menu_3... */
export function freshId(doc: FlowDocument, base: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z_])/, '_$1').slice(0, 56) || 'node';
  const ids = new Set([...doc.nodes.map((n) => n.id), ...taken]);
  if (!ids.has(clean)) return clean;
  for (let i = 2; ; i++) {
    const id = `${clean}_${i}`;
    if (!ids.has(id)) return id;
  }
}
