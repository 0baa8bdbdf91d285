/** Wires one exit of a node to a target node, or unwires it (target null). */
import type { CommandHandler } from '../CommandStack';
import { requireNode, withExit, withNode } from '../doc';

export interface ConnectExit {
  source: string;
  exit: string;
  target: string | null;
  previous?: string | null;
}

export const connectExit: CommandHandler<ConnectExit> = {
  canExecute(doc, ctx) {
    const source = doc.nodes.find((n) => n.id === ctx.source);
    if (!source) return `no node ${ctx.source}`;
    if (ctx.target !== null && !doc.nodes.some((n) => n.id === ctx.target)) return `no node ${ctx.target}`;
    if ((source.exits?.[ctx.exit] ?? null) === ctx.target) return 'already wired so';
    return true;
  },
  execute(doc, ctx) {
    ctx.previous = requireNode(doc, ctx.source).exits?.[ctx.exit] ?? null;
    return withNode(doc, ctx.source, (n) => withExit(n, ctx.exit, ctx.target));
  },
  revert(doc, ctx) {
    return withNode(doc, ctx.source, (n) => withExit(n, ctx.exit, ctx.previous ?? null));
  },
};
