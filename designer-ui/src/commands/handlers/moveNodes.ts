/** Moves nodes on the canvas (a drag, an auto-layout). Only the layout changes, never the logic. */
import type { CommandHandler } from '../CommandStack';
import type { Position } from '../../model/flow';
import { positionOf, withPositions } from '../doc';

export interface MoveNodes {
  to: Record<string, Position>;
  from?: Record<string, Position | undefined>;
}

export const moveNodes: CommandHandler<MoveNodes> = {
  canExecute(doc, ctx) {
    const ids = Object.keys(ctx.to);
    if (ids.length === 0) return 'nothing to move';
    const known = new Set(doc.nodes.map((n) => n.id));
    const unknown = ids.find((id) => !known.has(id));
    return unknown ? `no node ${unknown}` : true;
  },
  execute(doc, ctx) {
    ctx.from = {};
    for (const id of Object.keys(ctx.to)) ctx.from[id] = positionOf(doc, id);
    return withPositions(doc, ctx.to);
  },
  revert(doc, ctx) {
    return withPositions(doc, ctx.from ?? {});
  },
};
