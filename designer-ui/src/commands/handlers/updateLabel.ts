/** Sets or clears a node's label (the name on the canvas and in call journeys). */
import type { CommandHandler } from '../CommandStack';
import type { FlowNode } from '../../model/flow';
import { requireNode, withNode } from '../doc';

export interface UpdateLabel {
  id: string;
  label: string | undefined;
  previous?: string | undefined;
}

function withLabel(n: FlowNode, label: string | undefined): FlowNode {
  const { label: _old, ...rest } = n;
  void _old;
  return label ? { ...rest, label } : rest;
}

export const updateLabel: CommandHandler<UpdateLabel> = {
  canExecute(doc, ctx) {
    return doc.nodes.some((n) => n.id === ctx.id) ? true : `no node ${ctx.id}`;
  },
  execute(doc, ctx) {
    ctx.previous = requireNode(doc, ctx.id).label;
    return withNode(doc, ctx.id, (n) => withLabel(n, ctx.label || undefined));
  },
  revert(doc, ctx) {
    return withNode(doc, ctx.id, (n) => withLabel(n, ctx.previous));
  },
};
