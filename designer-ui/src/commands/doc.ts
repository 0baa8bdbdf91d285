/** Small immutable edits of a flow document, shared by the command handlers. */
import type { FlowDocument, FlowNode, Position } from '../model/flow';

export function nodeIndex(doc: FlowDocument, id: string): number {
  return doc.nodes.findIndex((n) => n.id === id);
}

export function requireNode(doc: FlowDocument, id: string): FlowNode {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

/** The document with one node replaced by what `change` makes of it. */
export function withNode(doc: FlowDocument, id: string, change: (n: FlowNode) => FlowNode): FlowDocument {
  const i = nodeIndex(doc, id);
  if (i < 0) throw new Error(`no node ${id}`);
  const nodes = doc.nodes.slice() as FlowDocument['nodes'];
  nodes[i] = change(doc.nodes[i] as FlowNode);
  return { ...doc, nodes };
}

/** The node with one exit wired to target, or unwired when target is null; an empty exits map is dropped. */
export function withExit(n: FlowNode, exit: string, target: string | null | undefined): FlowNode {
  const exits: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.exits ?? {})) if (v !== undefined && k !== exit) exits[k] = v;
  if (target) exits[exit] = target;
  const sorted = Object.fromEntries(Object.entries(exits).sort(([a], [b]) => a.localeCompare(b)));
  const { exits: _old, ...rest } = n;
  void _old;
  return Object.keys(sorted).length ? { ...rest, exits: sorted } : rest;
}

export function positionOf(doc: FlowDocument, id: string): Position | undefined {
  const p = doc.layout?.[id];
  return p ? { x: p.x, y: p.y } : undefined;
}

/** The document with these layout positions set (undefined removes one); an empty layout is dropped. */
export function withPositions(doc: FlowDocument, positions: Record<string, Position | undefined>): FlowDocument {
  const layout = new Map<string, Position>();
  for (const [k, v] of Object.entries(doc.layout ?? {})) if (v) layout.set(k, { x: v.x, y: v.y });
  for (const [k, v] of Object.entries(positions)) {
    if (v) layout.set(k, { x: Math.round(v.x), y: Math.round(v.y) });
    else layout.delete(k);
  }
  const { layout: _old, ...rest } = doc;
  void _old;
  return layout.size ? { ...rest, layout: Object.fromEntries(layout) } : (rest as FlowDocument);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}
