/** Adds nodes (a drop from the palette, a paste, a duplicate) with their places on the canvas. */
import type { CommandHandler } from '../CommandStack';
import type { FlowDocument, FlowNode, Position } from '../../model/flow';
import { positionOf, withPositions } from '../doc';

export interface AddNodes {
  nodes: FlowNode[];
  positions: Record<string, Position>;
  /** Make the first node the start node (a flow's first node). Recorded: the start before. */
  makeStart?: boolean;
  previousStart?: string;
}

export const addNodes: CommandHandler<AddNodes> = {
  canExecute(doc, ctx) {
    if (ctx.nodes.length === 0) return 'nothing to add';
    const ids = new Set(doc.nodes.map((n) => n.id));
    for (const n of ctx.nodes) {
      if (ids.has(n.id)) return `a node ${n.id} exists already`;
      ids.add(n.id);
    }
    return true;
  },
  execute(doc, ctx) {
    ctx.previousStart = doc.start;
    const nodes = [...doc.nodes, ...ctx.nodes] as FlowDocument['nodes'];
    let next: FlowDocument = { ...doc, nodes };
    if (ctx.makeStart && ctx.nodes[0]) next = { ...next, start: ctx.nodes[0].id };
    return withPositions(next, ctx.positions);
  },
  revert(doc, ctx) {
    const added = new Set(ctx.nodes.map((n) => n.id));
    const nodes = doc.nodes.filter((n) => !added.has(n.id)) as FlowDocument['nodes'];
    const cleared: Record<string, undefined> = {};
    for (const id of added) if (positionOf(doc, id)) cleared[id] = undefined;
    return withPositions({ ...doc, nodes, start: ctx.previousStart ?? doc.start }, cleared);
  },
};
