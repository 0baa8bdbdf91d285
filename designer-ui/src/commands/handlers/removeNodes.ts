/**
 * Deletes nodes. Exits of other nodes that led to them are unwired (an exit must never point nowhere), and all of it
 * comes back on undo: the nodes at their old places in the list, their positions and the incoming wiring.
 */
import type { CommandHandler } from '../CommandStack';
import type { FlowDocument, FlowNode, Position } from '../../model/flow';
import { positionOf, withExit, withPositions } from '../doc';

export interface RemoveNodes {
  ids: string[];
  removed?: { index: number; node: FlowNode; position?: Position }[];
  incoming?: { source: string; exit: string; target: string }[];
}

export const removeNodes: CommandHandler<RemoveNodes> = {
  canExecute(doc, ctx) {
    if (ctx.ids.length === 0) return 'nothing selected';
    const ids = new Set(ctx.ids);
    if (!doc.nodes.some((n) => ids.has(n.id))) return 'no such node';
    if (doc.nodes.every((n) => ids.has(n.id))) return 'a flow keeps at least one node';
    return true;
  },
  execute(doc, ctx) {
    const ids = new Set(ctx.ids);
    ctx.removed = [];
    ctx.incoming = [];
    const kept: FlowNode[] = [];
    doc.nodes.forEach((n, index) => {
      if (ids.has(n.id)) {
        ctx.removed?.push({ index, node: n, position: positionOf(doc, n.id) });
        return;
      }
      let m = n;
      for (const [exit, target] of Object.entries(n.exits ?? {})) {
        if (target && ids.has(target)) {
          ctx.incoming?.push({ source: n.id, exit, target });
          m = withExit(m, exit, null);
        }
      }
      kept.push(m);
    });
    const cleared: Record<string, undefined> = {};
    for (const id of ids) cleared[id] = undefined;
    return withPositions({ ...doc, nodes: kept as FlowDocument['nodes'] }, cleared);
  },
  revert(doc, ctx) {
    const nodes: FlowNode[] = doc.nodes.slice();
    for (const r of ctx.removed ?? []) nodes.splice(r.index, 0, r.node);
    const restored = nodes.map((n) => {
      let m = n;
      for (const w of ctx.incoming ?? []) if (w.source === n.id) m = withExit(m, w.exit, w.target);
      return m;
    });
    const positions: Record<string, Position> = {};
    for (const r of ctx.removed ?? []) if (r.position) positions[r.node.id] = r.position;
    return withPositions({ ...doc, nodes: restored as FlowDocument['nodes'] }, positions);
  },
};
